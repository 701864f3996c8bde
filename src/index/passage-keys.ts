/**
 * Match keys of passages: the normalized text with whitespace removed, against which exact phrases and
 * substrings are verified (`checks.ts`). `PassageKeys` reads them for passages held in memory: the embedded
 * index computes the keys at build time and hands them over with its passages; without them, each key is
 * computed on first use and kept. A cluster keeps the keys it fetched for one search (`sphinx/`).
 */
import { IndexError } from './errors.js';
import { keyAt, keyCount, type MatchKeys } from './match-keys.js';
import type { Passage } from '../model.js';
import { phraseKey } from '../text/analyzer.js';
import { hasWordEdge, occursAsWords } from '../text/word-edges.js';

/** What checks, the adjacency bonus and highlights read: match keys by passage position. */
export interface MatchKeySource {
  /** The key of the passage's text. */
  text(index: number): string;
  /** The key of the passage's English text ('' when it has none). */
  textEn(index: number): string;
  /** The passage's text itself, which a key is checked against at the edges of words (`word-edges.ts`). */
  original(index: number): string;
  /** The passage's English text itself ('' when it has none). */
  originalEn(index: number): string;
  /**
   * True when passage `index + 1` continues passage `index`: two pieces of one paragraph cut at the hard
   * bound. Absent when the source cannot tell (a cluster's fetched keys).
   */
  continues?(index: number): boolean;
  /** True when some passage continues the one before it (the corpus has forced cuts). */
  hasCuts?(): boolean;
}

/**
 * True when `key` occurs in the key of the passage's text or of its English text, at the edges of words where
 * it begins or ends with a Latin letter or a digit (`"AI"` is not in `maintain`; `word-edges.ts`): what a
 * `contains` check asks, for any source of keys.
 * @example keysContain(new PassageKeys(passages), 0, '西藏') // true when passage 0 says 西藏
 */
export function keysContain(keys: MatchKeySource, index: number, key: string): boolean {
  // The key is looked for first; whether it has a word edge is asked only of a passage that holds it.
  const text = keys.text(index);
  if (text.includes(key) && (!hasWordEdge(key) || occursAsWords(keys.original(index), text, key))) return true;
  const en = keys.textEn(index);
  return en.includes(key) && (!hasWordEdge(key) || occursAsWords(keys.originalEn(index), en, key));
}

/**
 * The match keys of passages held in memory, by position (the embedded index's, and the MiniSearch
 * reference's over the passages it holds).
 * @example new PassageKeys(passages, opened.keys).text(0) // passage 0's match key
 */
export class PassageKeys implements MatchKeySource {
  private readonly stored: MatchKeys | undefined;
  private readonly zh: Array<string | undefined>;
  private readonly en: Array<string | undefined>;
  private cuts: boolean | undefined;

  /** `stored`: the keys the index saved for these passages (computed on demand when absent). A hole holds no text. */
  constructor(
    private readonly passages: readonly (Passage | undefined)[],
    stored?: MatchKeys,
  ) {
    if (stored && keyCount(stored) !== passages.length) {
      throw new IndexError('MATCH_KEYS_MISMATCH', `${keyCount(stored)} match keys for ${passages.length} passages`);
    }
    this.stored = stored;
    this.zh = this.stored ? [] : new Array<string | undefined>(passages.length);
    this.en = this.stored ? [] : new Array<string | undefined>(passages.length);
  }

  /** The key of the passage's text. */
  text(index: number): string {
    if (this.stored) return keyAt(this.stored.text, index);
    let key = this.zh[index];
    if (key === undefined) {
      key = phraseKey(this.passages[index]?.text ?? '');
      this.zh[index] = key;
    }
    return key;
  }

  /** The key of the passage's English text ('' when it has none). */
  textEn(index: number): string {
    if (this.stored) return keyAt(this.stored.en, index);
    let key = this.en[index];
    if (key === undefined) {
      const textEn = this.passages[index]?.textEn;
      key = textEn ? phraseKey(textEn) : '';
      this.en[index] = key;
    }
    return key;
  }

  /** The passage's text. */
  original(index: number): string {
    return this.passages[index]?.text ?? '';
  }

  /** The passage's English text ('' when it has none). */
  originalEn(index: number): string {
    return this.passages[index]?.textEn ?? '';
  }

  /** True when passage `index + 1` is the next piece of the paragraph of passage `index`. */
  continues(index: number): boolean {
    const [a, b] = [this.passages[index], this.passages[index + 1]];
    return !!a && !!b && a.docId === b.docId && a.kind === 'paragraph' && b.kind === 'paragraph' && a.paragraph != null && a.paragraph === b.paragraph;
  }

  /** True when some passage continues the one before it (worked out once). */
  hasCuts(): boolean {
    this.cuts ??= this.passages.some((_, i) => this.continues(i));
    return this.cuts;
  }
}
