/**
 * Match keys of passages: the normalized text with whitespace removed, against which exact phrases and
 * substrings are verified. Two sources: `PassageKeys` over passages held in memory (the embedded index
 * computes the keys at build time and hands them over with its passages; without them, each key is computed
 * on first use and kept), and `FetchedKeys`, one search's table
 * of the keys a cluster returned with the candidates it found.
 */
import type { KeySink } from '../index/backend.js';
import { keyAt, keyCount, type MatchKeys } from '../index/match-keys.js';
import type { Passage } from '../model.js';
import { phraseKey } from '../text/analyzer.js';
import { createSearchError } from './errors.js';

/** What verifiers, the adjacency bonus and highlights read: match keys by passage position. */
export interface MatchKeySource {
  /** The key of the passage's text. */
  text(index: number): string;
  /** The key of the passage's English text ('' when it has none). */
  textEn(index: number): string;
  /** True when `key` occurs in the passage's text or English text. */
  contains(index: number, key: string): boolean;
  /**
   * True when passage `index + 1` continues passage `index`: two pieces of one paragraph cut at the hard
   * bound. Absent when the source cannot tell (a cluster's fetched keys).
   */
  continues?(index: number): boolean;
  /** True when some passage continues the one before it (the corpus has forced cuts). */
  hasCuts?(): boolean;
}

/**
 * The match keys one search fetched from a cluster. Asking for a passage the backend did not fetch is a
 * bug in the backend (it must fill the table before verifying), so it throws rather than answer ''.
 */
export class FetchedKeys implements MatchKeySource, KeySink {
  private readonly keys = new Map<number, { text: string; en: string }>();

  put(index: number, key: string, keyEn: string): void {
    this.keys.set(index, { text: key, en: keyEn });
  }

  has(index: number): boolean {
    return this.keys.has(index);
  }

  text(index: number): string {
    return this.entry(index).text;
  }

  textEn(index: number): string {
    return this.entry(index).en;
  }

  contains(index: number, key: string): boolean {
    const entry = this.entry(index);
    return entry.text.includes(key) || entry.en.includes(key);
  }

  private entry(index: number): { text: string; en: string } {
    const entry = this.keys.get(index);
    if (!entry) throw createSearchError('FETCHED_KEY_MISSING', `The backend asked to verify passage ${index} without fetching its match key`);
    return entry;
  }
}

export class PassageKeys implements MatchKeySource {
  private readonly stored: MatchKeys | undefined;
  private readonly zh: Array<string | undefined>;
  private readonly en: Array<string | undefined>;
  private cuts: boolean | undefined;

  /** `stored`: the keys the index saved for these passages (computed on demand when absent). */
  constructor(
    private readonly passages: readonly Passage[],
    stored?: MatchKeys,
  ) {
    if (stored && keyCount(stored) !== passages.length) {
      throw createSearchError('MATCH_KEYS_MISMATCH', `${keyCount(stored)} match keys for ${passages.length} passages`);
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

  /** True when `key` occurs in the passage's text or English text. */
  contains(index: number, key: string): boolean {
    return this.text(index).includes(key) || this.textEn(index).includes(key);
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
