/**
 * A small hand-written schema for query parameters: each endpoint declares its parameters once, and
 * `validateParams` turns the parsed query string into a typed object or throws a coded 400 that names the
 * parameter and says what would be accepted, in English and Chinese.
 */
import type { Messages } from '../coded-error.js';
import { createError, type ErrorCode } from './errors.js';
import { preview } from './query-string.js';
import { FIRST_YEAR, LAST_YEAR, readYearRange, type YearRange } from '../search/year-range.js';

/** Free text: trimmed; `required` refuses missing and empty values. Length counts code points. */
export interface TextRule {
  type: 'text';
  required: boolean;
  maxChars: number;
  /** Shown in the message when the value is missing, e.g. `/api/search?q=高质量发展`. */
  example?: string;
}

/** A whole number in [min, max], written in decimal digits only. */
export interface IntRule {
  type: 'int';
  required: boolean;
  min: number;
  max: number;
  /** Describes the number in messages, e.g. `{ en: 'a year from 1900 to 2100, such as 2024', zh: '1900 到 2100 之间的年份，如 2024' }`. */
  describe?: Messages;
}

/** One of a fixed list of strings. */
export interface EnumRule<T extends string = string> {
  type: 'enum';
  required: boolean;
  values: readonly T[];
  /** The error of a value not in the list, or of a required one missing; default `INVALID_PARAMETER` / `MISSING_PARAMETER`. */
  code?: ErrorCode;
  /** Shown in the message of a value refused or missing, e.g. `?format=ris`. */
  example?: string;
}

/** An identifier: URL-safe characters only. */
export interface IdRule {
  type: 'id';
  required: boolean;
}

/** A year from FIRST_YEAR to LAST_YEAR (`2024`), or a range of them (`2013-2022`, `readYearRange`). */
interface YearRule {
  type: 'year';
  required: boolean;
}

export type Rule = TextRule | IntRule | EnumRule | IdRule | YearRule;
export type Schema = Record<string, Rule>;

type ValueOf<R> = R extends IntRule ? number : R extends YearRule ? number | YearRange : R extends EnumRule<infer T> ? T : string;
type RequiredKeys<S extends Schema> = { [K in keyof S]: S[K] extends { required: true } ? K : never }[keyof S];
type OptionalKeys<S extends Schema> = Exclude<keyof S, RequiredKeys<S>>;

/** What a schema yields: required parameters are present, optional ones may be missing. */
export type Params<S extends Schema> = { [K in RequiredKeys<S>]: ValueOf<S[K]> } & {
  [K in OptionalKeys<S>]?: ValueOf<S[K]>;
};

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;
// C0 and C1 controls except tab, line feed and carriage return (which trimming and the engine handle).
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Checks parsed query parameters against a schema and returns the typed values.
 * @example
 * const schema = { q: { type: 'text', required: true, maxChars: 500 } } as const satisfies Schema;
 * validateParams(schema, new Map([['q', ['高质量发展']]])); // { q: '高质量发展' }
 */
export function validateParams<S extends Schema>(schema: S, raw: Map<string, string[]>): Params<S> {
  for (const [name, values] of raw) {
    if (/[[\]]/.test(name)) {
      const plain = name.replace(/\[.*$/, '');
      throw createError('NESTED_PARAMETER', {
        en: `Parameter "${preview(name)}" looks like an object or array; give plain name=value pairs (${plain}=…).`,
        zh: `参数“${preview(name)}”的写法像对象或数组；请写成简单的“名称=值”（${plain}=…）。`,
      });
    }
    if (!Object.hasOwn(schema, name)) {
      const accepted = acceptedParameters(schema);
      throw createError('UNKNOWN_PARAMETER', {
        en: `Unknown parameter "${preview(name)}". ${accepted.en}`,
        zh: `未知参数“${preview(name)}”。${accepted.zh}`,
      });
    }
    if (values.length > 1) {
      throw createError('REPEATED_PARAMETER', {
        en: `Parameter ${name} is given ${values.length} times; give it once.`,
        zh: `参数 ${name} 给了 ${values.length} 次，只能给一次。`,
      });
    }
  }
  const out: Record<string, string | number | YearRange> = {};
  for (const [name, rule] of Object.entries(schema)) {
    const value = raw.get(name)?.[0];
    if (value === undefined) {
      if (rule.required) throw missing(name, rule);
      continue;
    }
    const parsed = checkValue(name, rule, value);
    if (parsed !== undefined) out[name] = parsed;
  }
  return out as Params<S>;
}

function acceptedParameters(schema: Schema): Messages {
  const names = Object.keys(schema);
  if (names.length === 0) return { en: 'This address takes no parameters.', zh: '此地址不接受参数。' };
  // `lang` alone: the language of an error, which every route takes.
  if (names.length === 1 && names[0] === 'lang') {
    return { en: 'This address takes no parameters but lang (zh or en).', zh: '此地址只接受参数 lang（zh 或 en）。' };
  }
  return { en: `This address accepts: ${names.join(', ')}.`, zh: `此地址接受的参数：${names.join('、')}。` };
}

/** `, e.g. ?q=…` and `，例如 ?q=…` when an example is given, else nothing. */
function exampleOf(example: string | undefined): Messages {
  return example ? { en: `, e.g. ${example}`, zh: `，例如 ${example}` } : { en: '', zh: '' };
}

function missing(name: string, rule: Rule): Error {
  if (rule.type === 'enum' && rule.code) return notOneOf(name, rule, undefined);
  const example = exampleOf(rule.type === 'text' ? rule.example : undefined);
  return createError('MISSING_PARAMETER', { en: `Parameter ${name} is missing${example.en}.`, zh: `缺少参数 ${name}${example.zh}。` });
}

function checkValue(name: string, rule: Rule, value: string): string | number | YearRange | undefined {
  switch (rule.type) {
    case 'year':
      return checkYear(name, rule, value);
    case 'text':
      return checkText(name, rule, value);
    case 'int':
      return checkInt(name, rule, value);
    case 'enum':
      if (value === '' && !rule.required) return undefined;
      if (!rule.values.includes(value)) throw notOneOf(name, rule, value);
      return value;
    case 'id':
      if (value === '' && !rule.required) return undefined;
      if (!ID_PATTERN.test(value)) {
        throw createError('INVALID_PARAMETER', {
          en: `Parameter ${name} must be an id of letters, digits, "-", "_" or "." (got "${preview(value)}").`,
          zh: `参数 ${name} 须为由字母、数字、“-”、“_”或“.”组成的编号（收到“${preview(value)}”）。`,
        });
      }
      return value;
  }
}

/** A value not in an enum's list (`got`), or none given (undefined). */
function notOneOf(name: string, rule: EnumRule, got: string | undefined): Error {
  const example = exampleOf(rule.example);
  const gotEn = got === undefined ? 'none was given' : `got "${preview(got)}"`;
  const gotZh = got === undefined ? '没有给出' : `收到“${preview(got)}”`;
  return createError(rule.code ?? 'INVALID_PARAMETER', {
    en: `Parameter ${name} must be one of ${rule.values.join(', ')} (${gotEn})${example.en}.`,
    zh: `参数 ${name} 须为 ${rule.values.join('、')} 之一（${gotZh}）${example.zh}。`,
  });
}

function checkText(name: string, rule: TextRule, value: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    if (!rule.required) return undefined;
    const example = exampleOf(rule.example);
    throw createError('EMPTY_PARAMETER', {
      en: `Parameter ${name} is empty: give the words to look for${example.en}.`,
      zh: `参数 ${name} 为空：请给出要检索的词语${example.zh}。`,
    });
  }
  const length = Array.from(text).length;
  if (length > rule.maxChars) {
    throw createError('PARAMETER_TOO_LONG', {
      en: `Parameter ${name} is ${length} characters long; the limit is ${rule.maxChars}. Search for a shorter phrase.`,
      zh: `参数 ${name} 长 ${length} 个字符，上限为 ${rule.maxChars} 个。请检索较短的短语。`,
    });
  }
  if (CONTROL.test(text)) {
    throw createError('INVALID_PARAMETER', {
      en: `Parameter ${name} contains control characters; remove them.`,
      zh: `参数 ${name} 含有控制字符，请删去。`,
    });
  }
  return text;
}

function checkYear(name: string, rule: YearRule, value: string): number | YearRange | undefined {
  if (value === '' && !rule.required) return undefined;
  const year = /^\d{4}$/.test(value) ? Number(value) : NaN;
  if (year >= FIRST_YEAR && year <= LAST_YEAR) return year;
  const range = readYearRange(value);
  if (range) return range;
  throw createError('INVALID_PARAMETER', {
    en: `Parameter ${name} must be a year from ${FIRST_YEAR} to ${LAST_YEAR}, such as 2024, or a range of them, such as 2013-2022 (got "${preview(value)}").`,
    zh: `参数 ${name} 须为 ${FIRST_YEAR} 到 ${LAST_YEAR} 之间的年份（如 2024）或年份范围（如 2013-2022）（收到“${preview(value)}”）。`,
  });
}

function checkInt(name: string, rule: IntRule, value: string): number | undefined {
  if (value === '' && !rule.required) return undefined;
  const what = rule.describe ?? { en: `a whole number from ${rule.min} to ${rule.max}`, zh: `介于 ${rule.min} 与 ${rule.max} 之间的整数` };
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < rule.min || n > rule.max) {
    throw createError('INVALID_PARAMETER', {
      en: `Parameter ${name} must be ${what.en} (got "${preview(value)}").`,
      zh: `参数 ${name} 须为${what.zh}（收到“${preview(value)}”）。`,
    });
  }
  return n;
}
