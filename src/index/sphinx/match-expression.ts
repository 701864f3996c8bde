/**
 * Backend queries as Sphinx extended-syntax MATCH() expressions over the encoded tokens. Terms of an
 * alternative are ANDed, each term ORed over the alternative's fields; a group is the OR of its
 * alternatives; exclusions become NOT only when they are exact (no check). Since every token carries
 * its field marker, no `@field` operator is needed: a `w…` token only ever occurs in the words field.
 */
import type { Alternative, Check, IndexField } from '../backend.js';
import { createSphinxError } from './errors.js';
import { prefixExpression, termToken } from './term-codec.js';

/** What Sphinx can say about an alternative: an expression, "check every passage", or "matches nothing". */
export type Core = { kind: 'expr'; text: string } | { kind: 'scan' } | { kind: 'none' };

const orOf = (parts: string[]): string => (parts.length === 1 ? (parts[0] ?? '') : `(${parts.join(' | ')})`);

function termExpression(fields: IndexField[], term: string, prefix: boolean): string {
  return orOf(
    fields.map((field) => {
      if (!prefix) return termToken(field, term);
      const pattern = prefixExpression(field, term);
      if (pattern === null) throw createSphinxError('SPHINX_QUERY_FAILED', `the prefix "${term}" is too long for a prefix lookup`);
      return pattern;
    }),
  );
}

/** True when the alternative's fetch requires its phrase sequence (two tokens or more, bigrams, no prefix). */
const usesSequence = (alternative: Alternative): boolean =>
  (alternative.sequence?.length ?? 0) >= 2 && !(alternative.prefix ?? false) && alternative.fields.includes('bigrams');

/**
 * What decides a candidate of the alternative in Node: its check, or nothing when the index's answer is
 * exact (a phrase of one run fetched with its sequence).
 * @example checkOf({ kind: 'tokens', fields: ['bigrams'], terms, check, sequence, sequenceDecides: true }) // undefined
 */
export function checkOf(alternative: Alternative): Check | undefined {
  return alternative.sequenceDecides && usesSequence(alternative) ? undefined : alternative.check;
}

/**
 * The index part of an alternative, as the embedded backend reads it: `scan` (or no terms) checks every
 * passage, no fields matches nothing, otherwise every term in any of the fields.
 * @example coreOf({ kind: 'tokens', fields: ['en', 'words'], terms: ['water'] }) // { kind: 'expr', text: '(ewater | wwater)' }
 */
export function coreOf(alternative: Alternative): Core {
  if (alternative.kind === 'scan' || alternative.terms.length === 0) return { kind: 'scan' };
  if (alternative.fields.length === 0) return { kind: 'none' };
  const prefix = alternative.prefix ?? false;
  const terms = alternative.terms.map((t) => termExpression(alternative.fields, t, prefix)).join(' ');
  // A phrase's bigrams must also stand in order at adjacent positions (Sphinx's phrase operator): far
  // fewer candidates, whose keys travel to Node for verification, than for its bigrams anywhere.
  if (!usesSequence(alternative)) return { kind: 'expr', text: terms };
  return { kind: 'expr', text: `${terms} "${(alternative.sequence ?? []).map((t) => termToken('bigrams', t)).join(' ')}"` };
}

/**
 * The expression an alternative is fetched with: its core, and its rank terms as an optional MAYBE part
 * (they add to the weight, never decide matching). Null unless the core is an expression.
 * @example alternativeExpression({ kind: 'tokens', fields: ['bigrams'], terms: ['西藏'] }) // '(byr5ryqfj)'
 */
export function alternativeExpression(alternative: Alternative): string | null {
  const core = coreOf(alternative);
  if (core.kind !== 'expr') return null;
  const rank = alternative.rank;
  if (!rank || rank.terms.length === 0 || rank.fields.length === 0) return `(${core.text})`;
  const tokens = new Set<string>();
  for (const term of rank.terms) for (const field of rank.fields) tokens.add(termToken(field, term));
  return `((${core.text}) MAYBE (${[...tokens].join(' | ')}))`;
}

/**
 * An expression every passage matching the group satisfies (the OR of its alternatives' cores), used to
 * narrow the other groups' fetches; null when the group has a scan alternative (no narrowing possible).
 * A group whose alternatives all match nothing gives `none`.
 * @example groupSuperset([{ kind: 'tokens', fields: ['words'], terms: ['5g'] }]) // { kind: 'expr', text: '(w5g)' }
 */
export function groupSuperset(group: Alternative[]): Core {
  const parts: string[] = [];
  for (const alternative of group) {
    const core = coreOf(alternative);
    if (core.kind === 'scan') return core;
    if (core.kind === 'expr') parts.push(`(${core.text})`);
  }
  return parts.length === 0 ? { kind: 'none' } : { kind: 'expr', text: orOf(parts) };
}

/**
 * True when an exclusion is decided by the index alone (no check, real terms): it can be a NOT.
 * @example isExactExclusion({ kind: 'tokens', fields: ['words'], terms: ['5g'] }) // true
 */
export function isExactExclusion(alternative: Alternative): boolean {
  return coreOf(alternative).kind === 'expr' && checkOf(alternative) === undefined;
}

/**
 * Joins required parts and NOT parts into one MATCH() expression (at least one required part).
 * @example combine(['(w5g)'], ['(wfoo)']) // '(w5g) -(wfoo)'
 */
export function combine(required: string[], excluded: string[] = []): string {
  if (required.length === 0) throw createSphinxError('SPHINX_QUERY_FAILED', 'a Sphinx query needs at least one required part');
  return [...required, ...excluded.map((x) => `-${x.startsWith('(') ? x : `(${x})`}`)].join(' ');
}
