/**
 * What to tell a reader whose query has nothing to look for: operators alone (`OR`, `-`, `""`, `NEAR/3`,
 * `/s`), exclusions alone (`-乡村`), filters alone (`year:2024`), or words the index never searches alone
 * (punctuation, `the`). One pure function, so that the search, the concordance and the trend say the same.
 */
import type { Messages } from '../coded-error.js';
import type { ParsedQuery } from './query-parser.js';

/** Most words quoted back in a message. */
const MAX_QUOTED = 5;

/** True for a word of the query that is an operator or empty quotes: `OR`, `|`, `-`, `""`, `NEAR/3`, `/s`, `/p`. */
function isOperator(word: string): boolean {
  const w = word.normalize('NFKC');
  if (w === 'OR' || w === '/s' || w === '/p' || w === '/S' || w === '/P') return true;
  if (w.toUpperCase().startsWith('NEAR/')) return true;
  // Bars, minus signs and quote marks alone: `|`, `-`, `""`, `“”`, `「」`.
  return Array.from(w).every((ch) => '|-"“”「」『』'.includes(ch));
}

/** Up to MAX_QUOTED distinct words, joined by spaces. */
function quoted(words: readonly string[]): string {
  const distinct = [...new Set(words)];
  return distinct.slice(0, MAX_QUOTED).join(' ') + (distinct.length > MAX_QUOTED ? ' …' : '');
}

/** The query's filters as written back (`year:2024 kind:table`). */
function filtersOf(parsed: ParsedQuery): string {
  return Object.entries(parsed.filters)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${value}`)
    .join(' ');
}

/**
 * Why a query has nothing to look for, in English and Chinese, naming what it holds.
 * @example nothingToSearch(parseQuery('OR NEAR/3')).en
 * // 'The query holds only operators (OR NEAR/3) and nothing to look for: put a word or a "quoted phrase" on each side, e.g. tourism OR culture.'
 */
export function nothingToSearch(parsed: ParsedQuery): Messages {
  if (parsed.groups.length === 0 && parsed.exclude.length > 0) {
    const excluded = quoted(parsed.exclude.map((unit) => `-${unit.kind === 'phrase' ? `"${unit.text}"` : unit.text}`));
    return {
      en: `The query only excludes (${excluded}): add a word or a "quoted phrase" to look for, e.g. education -preschool.`,
      zh: `检索式只有排除项（${excluded}）：请再给出要查的词语或“短语”，例如 教育 -学前教育。`,
    };
  }
  const filters = filtersOf(parsed);
  if (parsed.groups.length === 0 && filters !== '') {
    return {
      en: `The query holds only filters (${filters}): add a word or a "quoted phrase" to look for, e.g. tourism ${filters}.`,
      zh: `检索式只有筛选条件（${filters}）：请再给出要查的词语或“短语”，例如 乡村振兴 ${filters}。`,
    };
  }
  const words = parsed.raw.split(/\s+/u).filter((w) => w !== '');
  const operators = words.filter(isOperator);
  if (parsed.groups.length === 0 && operators.length > 0) {
    return {
      en: `The query holds only operators (${quoted(operators)}) and nothing to look for: put a word or a "quoted phrase" on each side, e.g. tourism OR culture.`,
      zh: `检索式只有运算符（${quoted(operators)}），没有要查的内容：请在其两侧给出词语或“短语”，例如 乡村 OR 农村。`,
    };
  }
  return {
    en: `The query has nothing to search for (${quoted(words)}): punctuation and common words such as "the" are not searched alone; type a word or a "quoted phrase".`,
    zh: `检索式中没有可查的内容（${quoted(words)}）：标点和“the”之类的常用词不单独检索；请输入一个词或加引号的短语。`,
  };
}
