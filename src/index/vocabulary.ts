/**
 * The words of the index with their passage counts, sorted by term, for completions ("as you type"):
 * read straight off the `words` field's postings (a term's count is the number of passages holding it).
 */
import { type FieldPostings, termLowerBound } from './postings.js';

/** Parallel arrays sorted by term. */
export interface Vocabulary {
  terms: string[];
  counts: number[];
}

/**
 * The vocabulary of a field: its sorted terms and how many passages hold each.
 * @example vocabularyOf(index.fields.words).terms.length === index.fields.words.terms.length
 */
export function vocabularyOf(field: FieldPostings): Vocabulary {
  const counts = new Array<number>(field.terms.length);
  for (let t = 0; t < field.terms.length; t++) counts[t] = field.offsets[t + 1] - field.offsets[t];
  return { terms: field.terms, counts };
}

/**
 * Terms starting with `prefix`, most frequent first, then shortest, then by code point.
 * @example completeFromVocabulary({ terms: ['乡村', '乡村振兴'], counts: [5, 9] }, '乡村', 5)
 *   // [{ term: '乡村振兴', count: 9 }, { term: '乡村', count: 5 }]
 */
export function completeFromVocabulary(
  vocabulary: Vocabulary,
  prefix: string,
  limit: number,
): Array<{ term: string; count: number }> {
  if (!prefix) return [];
  const { terms, counts } = vocabulary;
  const [from, to] = prefixRange(terms, prefix, Infinity);
  const found: Array<{ term: string; count: number }> = [];
  for (let i = from; i < to; i++) found.push({ term: terms[i] ?? '', count: counts[i] ?? 0 });
  found.sort((a, b) => b.count - a.count || a.term.length - b.term.length || (a.term < b.term ? -1 : 1));
  return found.slice(0, limit);
}

/**
 * How many passages hold `term` (0 when the vocabulary has no such term).
 * @example vocabularyCount({ terms: ['减税', '煤电'], counts: [3, 2] }, '煤电') // 2
 */
export function vocabularyCount(vocabulary: Vocabulary, term: string): number {
  const at = termLowerBound(vocabulary.terms, term);
  return vocabulary.terms[at] === term ? (vocabulary.counts[at] ?? 0) : 0;
}

/**
 * The terms of the vocabulary that are `prefix` or begin with it, in order, at most `limit`.
 * @example wordsBeginning({ terms: ['减税', '减税降费', '煤电'], counts: [3, 2, 2] }, '减税', 8) // ['减税', '减税降费']
 */
export function wordsBeginning(vocabulary: Vocabulary, prefix: string, limit: number): string[] {
  if (prefix === '') return [];
  const [from, to] = prefixRange(vocabulary.terms, prefix, limit);
  return vocabulary.terms.slice(from, to);
}

/** The index range [from, to) of the sorted terms that are `prefix` or begin with it, at most `limit` of them. */
function prefixRange(terms: readonly string[], prefix: string, limit: number): [number, number] {
  const from = termLowerBound(terms, prefix);
  let to = from;
  while (to - from < limit && to < terms.length && (terms[to] ?? '').startsWith(prefix)) to++;
  return [from, to];
}
