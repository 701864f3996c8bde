/**
 * A small hand-written schema for query parameters: each endpoint declares its parameters once, and
 * `validateParams` turns the parsed query string into a typed object or throws a coded 400 that names the
 * parameter and says what would be accepted.
 */
import { createError, type ErrorCode } from './errors.js';
import { preview } from './query-string.js';

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
  /** Describes the number in messages, e.g. `a four-digit year such as 2024`. */
  describe?: string;
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

export type Rule = TextRule | IntRule | EnumRule | IdRule;
export type Schema = Record<string, Rule>;

type ValueOf<R> = R extends IntRule ? number : R extends EnumRule<infer T> ? T : string;
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
      throw createError(
        'NESTED_PARAMETER',
        `Parameter "${preview(name)}" looks like an object or array; give plain name=value pairs (${name.replace(/\[.*$/, '')}=…).`,
      );
    }
    if (!Object.hasOwn(schema, name)) {
      throw createError(
        'UNKNOWN_PARAMETER',
        `Unknown parameter "${preview(name)}". ${acceptedParameters(schema)}`,
      );
    }
    if (values.length > 1) {
      throw createError('REPEATED_PARAMETER', `Parameter ${name} is given ${values.length} times; give it once.`);
    }
  }
  const out: Record<string, string | number> = {};
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

function acceptedParameters(schema: Schema): string {
  const names = Object.keys(schema);
  return names.length === 0 ? 'This address takes no parameters.' : `This address accepts: ${names.join(', ')}.`;
}

function missing(name: string, rule: Rule): Error {
  if (rule.type === 'enum' && rule.code) return notOneOf(name, rule, 'none was given');
  const example = rule.type === 'text' && rule.example ? `, e.g. ${rule.example}` : '';
  return createError('MISSING_PARAMETER', `Parameter ${name} is missing${example}.`);
}

function checkValue(name: string, rule: Rule, value: string): string | number | undefined {
  switch (rule.type) {
    case 'text':
      return checkText(name, rule, value);
    case 'int':
      return checkInt(name, rule, value);
    case 'enum':
      if (value === '' && !rule.required) return undefined;
      if (!rule.values.includes(value)) throw notOneOf(name, rule, `got "${preview(value)}"`);
      return value;
    case 'id':
      if (value === '' && !rule.required) return undefined;
      if (!ID_PATTERN.test(value)) {
        throw createError(
          'INVALID_PARAMETER',
          `Parameter ${name} must be an id of letters, digits, "-", "_" or "." (got "${preview(value)}").`,
        );
      }
      return value;
  }
}

function notOneOf(name: string, rule: EnumRule, got: string): Error {
  const example = rule.example ? `, e.g. ${rule.example}` : '';
  return createError(rule.code ?? 'INVALID_PARAMETER', `Parameter ${name} must be one of ${rule.values.join(', ')} (${got})${example}.`);
}

function checkText(name: string, rule: TextRule, value: string): string | undefined {
  const text = value.trim();
  if (text === '') {
    if (!rule.required) return undefined;
    const example = rule.example ? `, e.g. ${rule.example}` : '';
    throw createError('EMPTY_PARAMETER', `Parameter ${name} is empty: give the words to look for${example}.`);
  }
  const length = Array.from(text).length;
  if (length > rule.maxChars) {
    throw createError(
      'PARAMETER_TOO_LONG',
      `Parameter ${name} is ${length} characters long; the limit is ${rule.maxChars}. Search for a shorter phrase.`,
    );
  }
  if (CONTROL.test(text)) {
    throw createError('INVALID_PARAMETER', `Parameter ${name} contains control characters; remove them.`);
  }
  return text;
}

function checkInt(name: string, rule: IntRule, value: string): number | undefined {
  if (value === '' && !rule.required) return undefined;
  const what = rule.describe ?? `a whole number from ${rule.min} to ${rule.max}`;
  const n = /^\d{1,9}$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < rule.min || n > rule.max) {
    throw createError('INVALID_PARAMETER', `Parameter ${name} must be ${what} (got "${preview(value)}").`);
  }
  return n;
}
