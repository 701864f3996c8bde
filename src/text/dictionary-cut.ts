/**
 * The native Chinese segmenter's cut, in TypeScript, over the same dictionaries: the most probable path through
 * the dictionary's words (a graph of every word starting at each character, weighted by the log of its
 * frequency), then a hidden Markov model (B/E/M/S states, Viterbi) over each stretch of single characters that
 * the user dictionary does not hold as words. Step for step what cppjieba's `MixSegment` does with HMM on, in
 * the same order of floating-point operations and with the same tie-breaks, so that the words are the same
 * (`tests/text/dictionary-cut.test.ts` compares the two on every Han run of the seeds and on random text).
 *
 * It answers for text of characters at or above U+0080 other than the native segmenter's separators (，。):
 * what a Han run of the analyzer is. `canCut` says when; other text goes to the native segmenter.
 */
import type { SegmenterDictionary } from './segmenter-dictionary.js';

/** cppjieba's "minus infinity" for weights and probabilities. */
const MIN_WEIGHT = -3.14e100;

const E = 1;
const S = 3;
const STATES = 4;

/** The native segmenter's own separators (besides ASCII whitespace): a range ends at each. */
const SEPARATORS = new Set([0xff0c, 0x3002]);

/**
 * True when `text` is what this cut answers for exactly: code points at or above U+0080, no separator, no lone
 * surrogate. A Han run of the analyzer always is.
 * @example canCut('乡村振兴') // true
 * @example canCut('5G基站') // false
 */
export function canCut(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || SEPARATORS.has(c)) return false;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
}

/**
 * The words of `text` (for which `canCut` holds), as the native segmenter cuts it with HMM on.
 * @example dictionaryCut(dictionary, '推进高质量发展') // ['推进', '高质量发展']
 */
export function dictionaryCut(dictionary: SegmenterDictionary, text: string): string[] {
  const chars = Array.from(text);
  const words: string[] = [];
  const pieces = bestPath(dictionary, chars);
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i];
    if (piece.length > 1 || dictionary.isUserSingle(chars[piece.start])) {
      words.push(chars.slice(piece.start, piece.start + piece.length).join(''));
      continue;
    }
    // A stretch of single characters the user dictionary does not hold: cut by the HMM (states B, E, M, S).
    let j = i;
    while (j < pieces.length && pieces[j].length === 1 && !dictionary.isUserSingle(chars[pieces[j].start])) j++;
    const stretch = chars.slice(piece.start, pieces[j - 1].start + 1);
    for (const word of hmmCut(dictionary, stretch)) words.push(word);
    i = j - 1;
  }
  return words;
}

/** The path of words with the highest total weight (cppjieba's `MPSegment`: `Find`, `CalcDP`, `CutByDag`). */
function bestPath(dictionary: SegmenterDictionary, chars: string[]): Array<{ start: number; length: number }> {
  const n = chars.length;
  const weight = new Float64Array(n);
  /** The length of the word chosen at each position (1 for a character the dictionary does not hold). */
  const chosen = new Int32Array(n);
  const minWeight = dictionary.minWeight;
  for (let i = n - 1; i >= 0; i--) {
    let best = MIN_WEIGHT;
    let bestLength = 1;
    // Each word starting here, shortest first (the single character always, as a word or not); a tie keeps
    // the shorter.
    dictionary.wordsAt(chars, i, (length, wordWeight) => {
      const next = i + length;
      const val = (next < n ? weight[next] : 0) + (wordWeight ?? minWeight);
      if (val > best) {
        best = val;
        bestLength = length;
      }
    });
    weight[i] = best;
    chosen[i] = bestLength;
  }
  const pieces: Array<{ start: number; length: number }> = [];
  for (let i = 0; i < n; i += chosen[i]) pieces.push({ start: i, length: chosen[i] });
  return pieces;
}

/** Words of a stretch of characters by the HMM's most probable states (cppjieba's `HMMSegment` on non-ASCII text). */
function hmmCut(dictionary: SegmenterDictionary, chars: string[]): string[] {
  const { start, trans, emit } = dictionary.hmm;
  const x = chars.length;
  const weight = new Float64Array(x * STATES);
  const path = new Int8Array(x * STATES);
  for (let y = 0; y < STATES; y++) {
    weight[y * x] = start[y] + (emit[y](chars[0]) ?? MIN_WEIGHT);
    path[y * x] = -1;
  }
  for (let i = 1; i < x; i++) {
    for (let y = 0; y < STATES; y++) {
      const now = i + y * x;
      let best = MIN_WEIGHT;
      let from = E;
      const emitProb = emit[y](chars[i]) ?? MIN_WEIGHT;
      for (let pre = 0; pre < STATES; pre++) {
        const tmp = weight[i - 1 + pre * x] + trans[pre][y] + emitProb;
        if (tmp > best) {
          best = tmp;
          from = pre;
        }
      }
      weight[now] = best;
      path[now] = from;
    }
  }
  let state = weight[x - 1 + E * x] >= weight[x - 1 + S * x] ? E : S;
  const states = new Int8Array(x);
  for (let i = x - 1; i >= 0; i--) {
    states[i] = state;
    state = path[i + state * x];
  }
  const words: string[] = [];
  let left = 0;
  for (let i = 0; i < x; i++) {
    // E and S end a word.
    if (states[i] === E || states[i] === S) {
      words.push(chars.slice(left, i + 1).join(''));
      left = i + 1;
    }
  }
  return words;
}
