/**
 * Match keys of passages: the normalized text with whitespace removed, against which exact phrases and
 * substrings are verified. The index computes them at build time and registers them for its passage array
 * (`registeredMatchKeys`); for passages it did not register, each key is computed on first use and kept.
 */
import { keyAt, registeredMatchKeys, type MatchKeys } from '../index/match-keys.js';
import type { Passage } from '../model.js';
import { phraseKey } from '../text/analyzer.js';

export class PassageKeys {
  private readonly stored: MatchKeys | undefined;
  private readonly zh: Array<string | undefined>;
  private readonly en: Array<string | undefined>;

  constructor(private readonly passages: Passage[]) {
    this.stored = registeredMatchKeys(passages);
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
}
