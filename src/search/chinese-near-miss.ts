/**
 * Chinese near misses: corpus words one character away from what was typed (`乡村振新` → `乡村振兴`). A
 * character typed by its sound (a pinyin input method's slip) is the likely error, so a substitution that
 * sounds the same comes first, then one that sounds alike (the fuzzy pairs input methods accept: in/ing,
 * z/zh, c/ch, s/sh, n/l, an/ang, en/eng), then a character left out or added, then any other substitution;
 * within each, the more frequent word.
 */
import { remembered } from '../text/remembered.js';
import { pinyinLibrary } from '../pinyin-library.js';
import type { NearWord, NearWords, WordCount } from './near-words.js';

/** A near miss of a word: the corpus word, how often the corpus has it, and how alike they sound (0 best). */
export interface NearMiss extends WordCount {
  /** 0 same sound, 1 similar sound, 2 a character added or left out, 3 another character. */
  likeness: number;
}

/** The shortest and longest run of Han characters worth correcting. */
const MIN_RUN = 2;
const MAX_RUN = 12;
/** The shortest part of a longer run corrected on its own. */
const MIN_PART = 3;

/** Characters whose readings are kept: more than the Han characters a corpus holds (then the table starts again). */
const CHARACTERS_KEPT = 100_000;

/**
 * The toneless readings of a character (all of a polyphone's), read from the library once per character: a
 * near miss compares the same few thousand characters again and again, and the library's look-up is slow.
 */
const readings = remembered((char: string): readonly string[] => pinyinLibrary().pinyin(char, { toneType: 'none', type: 'array', multiple: true }), CHARACTERS_KEPT);

/**
 * A reading with the distinctions input methods blur removed (zh→z, ch→c, sh→s, l→n, ng→n).
 * @example fuzzyReading('xing') // 'xin'
 * @example fuzzyReading('zhang') // 'zan'
 */
export function fuzzyReading(reading: string): string {
  return reading.replace(/^([zcs])h/u, '$1').replace(/^l/u, 'n').replace(/ng$/u, 'n');
}

/**
 * How alike two characters sound: 0 a shared reading, 1 a shared fuzzy reading, 2 neither.
 * @example soundLikeness('新', '兴') // 1
 * @example soundLikeness('兴', '星') // 0
 */
export function soundLikeness(a: string, b: string): number {
  const ra = readings(a);
  const rb = readings(b);
  if (ra.some((r) => rb.includes(r))) return 0;
  const fb = rb.map(fuzzyReading);
  return ra.some((r) => fb.includes(fuzzyReading(r))) ? 1 : 2;
}

/** How alike a typed word and a near word of the same length or one apart are (see NearMiss.likeness). */
function likeness(typed: string, near: NearWord): number {
  const a = [...typed];
  const b = [...near.word];
  if (a.length !== b.length) return 2;
  const at = a.findIndex((c, i) => c !== b[i]);
  // One differing position is a substitution; more (a swap) counts as another character.
  const differing = a.filter((c, i) => c !== b[i]).length;
  return differing === 1 ? [0, 1, 3][soundLikeness(a[at] ?? '', b[at] ?? '')] ?? 3 : 3;
}

/**
 * Corpus words one character from `typed` (a run of Han characters), best first; [] when `typed` is itself
 * a corpus word, or too short or long.
 * @example chineseNearMisses(vocabulary, '乡村振新')[0].word // '乡村振兴'
 */
export function chineseNearMisses(vocabulary: NearWords, typed: string): NearMiss[] {
  const length = [...typed].length;
  if (length < MIN_RUN || length > MAX_RUN || !/^\p{Script=Han}+$/u.test(typed) || vocabulary.count(typed) > 0) return [];
  return vocabulary
    .near(typed, 1)
    .filter((n) => [...n.word].length >= MIN_RUN)
    .map((n) => ({ word: n.word, count: n.count, likeness: likeness(typed, n) }))
    .sort((a, b) => a.likeness - b.likeness || b.count - a.count || (a.word < b.word ? -1 : 1));
}

/**
 * Corrections of a run of Han characters: the run's own near misses, or else those of its longest parts
 * (three characters or more) that have one, each as the whole run rewritten; best first, at most `limit`.
 * @example correctChineseRun(vocabulary, '推进乡村振新', 3)[0] // '推进乡村振兴'
 */
export function correctChineseRun(vocabulary: NearWords, run: string, limit: number): string[] {
  const chars = [...run];
  if (chars.length < MIN_RUN || chars.length > MAX_RUN) return [];
  const whole = chineseNearMisses(vocabulary, run);
  if (whole.length > 0) return whole.slice(0, limit).map((m) => m.word);
  for (let size = chars.length - 1; size >= MIN_PART; size--) {
    const found: Array<NearMiss & { text: string }> = [];
    for (let start = 0; start + size <= chars.length; start++) {
      const part = chars.slice(start, start + size).join('');
      for (const miss of chineseNearMisses(vocabulary, part)) {
        found.push({ ...miss, text: [...chars.slice(0, start), miss.word, ...chars.slice(start + size)].join('') });
      }
    }
    if (found.length > 0) {
      found.sort((a, b) => a.likeness - b.likeness || b.count - a.count);
      return [...new Set(found.map((f) => f.text))].slice(0, limit);
    }
  }
  return [];
}
