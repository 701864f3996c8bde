/**
 * "Did you mean": other ways to write a query that found nothing or almost nothing. Five kinds, tried in
 * this order: a filter the query language does not have, its value as a word (`place:西藏 旅游` → `西藏 旅游`),
 * pinyin typed for Chinese (`xiangcun zhenxing` → `乡村振兴`), a Chinese near miss from the corpus's words
 * (`乡村振新` → `乡村振兴`), a Chinese phrase's words apart (`如何促进农民增收` → `促进 农民 增收`: Chinese typed
 * without spaces is one exact phrase, which a question or a sentence of one's own seldom is), an English spelling
 * (`toursim` → `tourism`). This module only proposes; the engine keeps a proposal when it finds
 * more than the query did.
 *
 * The vocabularies are built on first need, not when the engine opens, and kept for the engine's life.
 */
import { analyzeWords, normalizeTerm } from '../text/analyzer.js';
import { correctChineseRun } from './chinese-near-miss.js';
import { FILTER_KEYS } from './query-parser.js';
import { nearWords, type NearWords, type WordCount } from './near-words.js';
import { namesByPinyin, pinyinVocabulary, inputKeyOf, wordsFromPinyin, type PinyinVocabulary } from './pinyin-vocabulary.js';
import { correctSpelling, englishVocabulary } from './spelling.js';
import type { DidYouMean } from './types.js';

/** Why a query was proposed. */
export type SuggestionReason = DidYouMean['reason'];

/** A query to offer instead. */
export interface Suggestion {
  query: string;
  reason: SuggestionReason;
}

/** Where the vocabularies come from (each read once, on first need). */
export interface VocabularySource {
  /** The index's words with their passage counts (the Chinese ones are used). */
  words(): Iterable<WordCount>;
  /** Texts whose English words the corpus has (passages' text and English text). */
  englishTexts(): Iterable<string>;
  /** Other English the engine knows (glossary and lexicon forms). */
  englishForms(): Iterable<string>;
}

/** Proposals for a query, and the names look-up the vocabularies also serve. */
export interface Suggester {
  /** Queries to try instead of `query`, best first (never `query` itself). */
  candidates(query: string): Suggestion[];
  /** Chinese corpus words whose toneless pinyin is a romanized name (`Xiong'an` → 雄安), most frequent first. */
  namesByPinyin(name: string): string[];
  /** How long each vocabulary built so far took to build, in ms (for logs and measurement). */
  buildTimes(): Record<string, number>;
  /**
   * The vocabularies as steps that build each one (nothing for one already built): what the first proposal
   * or name look-up would otherwise wait for, for a server to build while it has nothing else to do.
   */
  warmSteps(): Array<() => void>;
}

/** How many alternatives of each kind are proposed. */
const PER_KIND = 3;
/** Longer queries get no proposals: each piece costs a look-up, and each proposal a search as long as the query. */
const MAX_PIECES = 8;
const OPERATORS = new Set(['AND', 'OR', 'NOT']);

/** The vocabularies, each built on its first use (a Chinese query never reads the English, nor the pinyin). */
interface Vocabularies {
  chinese(): NearWords;
  pinyin(): PinyinVocabulary;
  english(): NearWords;
}

/** One whitespace-separated piece of a query: its leading marks, its word, its trailing marks, and the space after. */
interface Piece {
  head: string;
  core: string;
  tail: string;
  space: string;
}

/** A query cut into pieces that put back together give the query. */
function piecesOf(query: string): Piece[] {
  const pieces: Piece[] = [];
  for (const match of query.matchAll(/(\S+)(\s*)/gu)) {
    const text = match[1] ?? '';
    const head = /^["“(]*/u.exec(text)?.[0] ?? '';
    const rest = text.slice(head.length);
    const tail = /["”)]*$/u.exec(rest)?.[0] ?? '';
    pieces.push({ head, core: rest.slice(0, rest.length - tail.length), tail, space: match[2] ?? '' });
  }
  return pieces;
}

const join = (pieces: Piece[]): string => pieces.map((p) => p.head + p.core + p.tail + p.space).join('').trim();

/** A piece that is a word to correct: not an operator, a filter (`year:2024`) or an excluded word. */
function correctable(piece: Piece): boolean {
  return piece.core !== '' && !OPERATORS.has(piece.core) && !piece.core.includes(':') && !piece.core.startsWith('-') && !piece.core.includes('/');
}

/**
 * Up to PER_KIND queries: the k-th of each rewritten piece's alternatives (its best when it has fewer).
 * `alternatives` gives a piece's rewrites, [] to leave it; only the pieces `rewritable` accepts are asked.
 */
function rewrites(pieces: Piece[], alternatives: (piece: Piece) => string[], rewritable: (piece: Piece) => boolean = correctable): string[] {
  const options = pieces.map((p) => (rewritable(p) ? alternatives(p) : []));
  const most = Math.max(0, ...options.map((o) => o.length));
  const out: string[] = [];
  for (let k = 0; k < Math.min(most, PER_KIND); k++) {
    out.push(join(pieces.map((p, i) => {
      const own = options[i] ?? [];
      return own.length === 0 ? p : { ...p, core: own[Math.min(k, own.length - 1)] ?? p.core };
    })));
  }
  return out;
}

/** Chinese words a piece of pinyin spells, or null; each piece read once per query. */
type PinyinReader = (text: string) => string[] | null;

/** The query with each run of pinyin pieces written as Chinese words: run together, and piece by piece. */
function pinyinRewrites(v: Vocabularies, pieces: Piece[], spell: PinyinReader): string[] {
  const isPinyin = (p: Piece): boolean => correctable(p) && p.head === '' && p.tail === '' && inputKeyOf(p.core) !== '';
  const together: Piece[] = [];
  const apart: Piece[] = [];
  let changed = false;
  for (let i = 0; i < pieces.length; ) {
    let end = i;
    while (end < pieces.length && isPinyin(pieces[end] as Piece)) end++;
    const run = pieces.slice(i, Math.max(end, i + 1));
    // The English vocabulary is read only for a run of pinyin (a query of Chinese and a filter builds none).
    const unknown = end > i && run.some((p) => v.english().count(p.core.toLowerCase()) === 0);
    const words = unknown ? spell(run.map((p) => p.core).join('')) : null;
    if (words) {
      changed = true;
      const last = run[run.length - 1] as Piece;
      together.push({ head: '', core: words.join(''), tail: '', space: last.space });
      for (const p of run) apart.push({ ...p, core: (spell(p.core) ?? [p.core]).join('') });
    } else {
      together.push(...run);
      apart.push(...run);
    }
    i = Math.max(end, i + 1);
  }
  return changed ? [join(together), join(apart)] : [];
}

/** The Han runs of a word rewritten by their corrections (the other characters kept). */
function chineseRewrites(vocabulary: NearWords, core: string): string[] {
  const runs = [...core.matchAll(/\p{Script=Han}+/gu)];
  // Traditional and full-width forms are compared as the index holds them (鄉村振新 → 乡村振新 → 乡村振兴).
  const fixes = runs.map((r) => correctChineseRun(vocabulary, normalizeTerm(r[0]), PER_KIND));
  const most = Math.max(0, ...fixes.map((f) => f.length));
  const out: string[] = [];
  for (let k = 0; k < most; k++) {
    let text = '';
    let at = 0;
    runs.forEach((r, i) => {
      const own = fixes[i] ?? [];
      text += core.slice(at, r.index) + (own[Math.min(k, own.length - 1)] ?? r[0]);
      at = (r.index ?? 0) + r[0].length;
    });
    out.push(text + core.slice(at));
  }
  return out;
}

/**
 * A piece written as a filter the query language does not have (`place:西藏`, `province：广东`), as its value
 * alone; [] for anything else. A key is Latin letters; a value begins with a letter (not `12:30`, not `http://…`).
 */
function unknownFilterValue(piece: Piece): string[] {
  const m = /^([A-Za-z]{2,20})[:：](.+)$/u.exec(piece.core.normalize('NFKC'));
  if (!m || FILTER_KEYS.has((m[1] as string).toLowerCase()) || piece.core.startsWith('-')) return [];
  const value = piece.core.slice(piece.core.search(/[:：]/u) + 1);
  return /^\p{L}/u.test(value) ? [value] : [];
}

/** Keys a reader writes for a region (`place:西藏`, `province:广东`, `地区：西藏`), which the query language calls `region:`. */
const REGION_KEY = /^(?:place|province|provinces|area|location|loc|city|district|county|prefecture|state|where|地区|地方|省份|省|区域|地域|城市)[:：](.+)$/iu;

/**
 * A piece written as a region with a key the query language does not have, as the `region:` filter (`place:西藏` →
 * `region:西藏`); [] for anything else.
 * @example regionFilterOf({ core: 'province:广东' }) // ['region:广东']
 */
function regionFilterOf(piece: Piece): string[] {
  const m = REGION_KEY.exec(piece.core.normalize('NFKC'));
  if (!m || piece.core.startsWith('-')) return [];
  const value = piece.core.slice(piece.core.search(/[:：]/u) + 1).replace(/\s+/gu, '');
  return /^\p{L}/u.test(value) ? [`region:${value}`] : [];
}

/**
 * Words of a Chinese question or phrase that no passage needs to hold: question words, particles, conjunctions,
 * and the filler of a query about something (`情况`, `方面`). Compared after normalization.
 */
const CHINESE_QUERY_FILLER: ReadonlySet<string> = new Set([
  '如何', '怎样', '怎么', '怎么样', '什么', '哪些', '哪个', '为什么', '为何', '是否', '有没有', '有何', '多少',
  '的', '地', '得', '了', '着', '过', '吗', '呢', '吧', '啊', '之',
  '和', '与', '及', '以及', '或', '或者', '跟', '同', '是', '在', '对', '对于', '把', '被', '从', '向', '关于', '有关',
  '情况', '方面', '相关', '一下',
]);

/** Punctuation that parts a Chinese phrase into its runs: brackets, quotation marks, book-title marks, CJK stops. */
const RUN_BREAK = /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}，、；：。！？]+/u;

/**
 * A piece that is an unquoted Chinese phrase, apart: first, when punctuation parts it, its runs, each whole
 * (`《政府工作报告》` → `政府工作报告`, `乡村振兴、共同富裕` → `乡村振兴 共同富裕`); then its words without the filler
 * (`如何促进农民增收` → `促进 农民 增收`), each word's own text in order. [] when it is not one.
 */
function chineseWordsApart(piece: Piece): string[] {
  if (piece.head !== '' || piece.tail !== '' || !/\p{Script=Han}/u.test(piece.core)) return [];
  const runs = piece.core.split(RUN_BREAK).filter((run) => run !== '' && !CHINESE_QUERY_FILLER.has(normalizeTerm(run)));
  const byRuns = runs.length > 0 && runs.join(' ') !== piece.core ? [runs.join(' ')] : [];
  const byWords = wordsApart(piece.core);
  return byWords.length === 0 || byWords[0] === byRuns[0] ? byRuns : [...byRuns, ...byWords];
}

/** A Chinese phrase's words without the filler, a number with the character that counts it; [] under two words. */
function wordsApart(core: string): string[] {
  const words = analyzeWords(core);
  if (words.length < 2) return [];
  const kept: string[] = [];
  words.forEach((w, i) => {
    const text = core.slice(w.start, w.end);
    const before = words[i - 1];
    // A number keeps the one character that counts it (2025年, 5个, 30%): apart, either finds anything.
    if (before && before.end === w.start && [...text].length === 1 && /^[\d.]+$/u.test(before.term)) kept[kept.length - 1] += text;
    else if (!CHINESE_QUERY_FILLER.has(w.term)) kept.push(text);
  });
  return kept.length === 0 ? [] : [kept.join(' ')];
}

/** Vocabularies over a source, each built on first use; `timing` gets each one's name and build time. */
function lazyVocabularies(source: VocabularySource, timing: Map<string, number>): Vocabularies {
  const once = <T>(name: string, build: () => T): (() => T) => {
    let value: T | undefined;
    return () => {
      if (value === undefined) {
        const t0 = performance.now();
        value = build();
        timing.set(name, Math.round(performance.now() - t0));
      }
      return value;
    };
  };
  const chineseWords = once('chinese words', () => [...source.words()].filter((w) => /^\p{Script=Han}{2,}$/u.test(w.word)));
  return {
    chinese: once('chinese', () => nearWords(chineseWords())),
    pinyin: once('pinyin', () => pinyinVocabulary(chineseWords())),
    english: once('english', () => englishVocabulary(source.englishTexts(), source.englishForms())),
  };
}

/**
 * A suggester over a vocabulary source; nothing is read until the first proposal or name look-up.
 * @example createSuggester(source).candidates('toursim') // [{ query: 'tourism', reason: 'spelling' }]
 */
export function createSuggester(source: VocabularySource): Suggester {
  const timing = new Map<string, number>();
  const v = lazyVocabularies(source, timing);
  return {
    candidates(query) {
      const pieces = piecesOf(query);
      if (pieces.length > MAX_PIECES) return [];
      const hasHan = /\p{Script=Han}/u.test(query);
      const hasLetters = /[A-Za-z]/u.test(query.normalize('NFKC'));
      const read = new Map<string, string[] | null>();
      // Text that cannot be pinyin (Han characters, a digit) is not read, so it builds no pinyin vocabulary.
      const spell: PinyinReader = (text) => {
        if (!read.has(text)) read.set(text, inputKeyOf(text) === '' ? null : wordsFromPinyin(v.pinyin(), text));
        return read.get(text) ?? null;
      };
      const pinyin = hasLetters ? pinyinRewrites(v, pieces, spell) : [];
      // A piece that spells Chinese words in pinyin is not an English misspelling (`renmin` is not `remain`).
      // A piece without a Latin letter (a Chinese word beside a filter: `旅游 kind:heading`) is no English word.
      const spelled = (p: Piece): string[] => {
        const word = p.core.normalize('NFKC');
        return !/[A-Za-z]/u.test(word) || spell(p.core) ? [] : correctSpelling(v.english(), word, PER_KIND);
      };
      const proposals: Suggestion[] = [
        ...rewrites(pieces, regionFilterOf, (p) => p.core.includes(':') || p.core.includes('：')).map((q) => ({ query: q, reason: 'region-filter' as const })),
        ...rewrites(pieces, unknownFilterValue, (p) => p.core.includes(':') || p.core.includes('：')).map((q) => ({ query: q, reason: 'not-a-filter' as const })),
        ...pinyin.map((q) => ({ query: q, reason: 'pinyin' as const })),
        ...(hasHan ? rewrites(pieces, (p) => chineseRewrites(v.chinese(), p.core)) : []).map((q) => ({ query: q, reason: 'chinese-near-miss' as const })),
        ...(hasHan ? rewrites(pieces, chineseWordsApart) : []).map((q) => ({ query: q, reason: 'chinese-words' as const })),
        ...(hasLetters ? rewrites(pieces, spelled) : []).map((q) => ({ query: q, reason: 'spelling' as const })),
      ];
      const seen = new Set([query.trim()]);
      return proposals.filter((s) => !seen.has(s.query) && seen.add(s.query));
    },
    namesByPinyin: (name) => namesByPinyin(v.pinyin(), name),
    buildTimes: () => Object.fromEntries(timing),
    warmSteps: () => {
      const builds: Array<[string, () => unknown]> = [['chinese', v.chinese], ['pinyin', v.pinyin], ['english', v.english]];
      return builds.filter(([name]) => !timing.has(name)).map(([, build]) => () => void build());
    },
  };
}
