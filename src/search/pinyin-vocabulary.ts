/**
 * The corpus's Chinese words by their toneless pinyin, for pinyin typed as a query (`xiangcun zhenxing`,
 * `xiangcunzhenxing`, `xiang1cun1 zhen4xing1` → 乡村振兴) and for romanized names (`Xiong'an` → 雄安).
 * Readings come from pinyin-pro, which reads a polyphone by the word around it (重庆 → chong qing).
 * A key is the syllables run together, lower case, `ü` written `v` (绿色 → `lvse`).
 */
import { pinyinLibrary } from '../pinyin-library.js';
import type { WordCount } from './near-words.js';

/** Chinese words by pinyin key. */
export interface PinyinVocabulary {
  /** Words whose key is `key`, most frequent first. */
  wordsOf(key: string): WordCount[];
  /** The longest key any word has (a bound for word breaking). */
  readonly longestKey: number;
}

/** The most letters a pinyin input may have: beyond it, breaking into words is not tried. */
const MAX_INPUT_LETTERS = 60;

/**
 * The key of a Chinese word: its toneless pinyin, run together.
 * @example pinyinKeyOf('乡村振兴') // 'xiangcunzhenxing'
 * @example pinyinKeyOf('绿色') // 'lvse'
 */
export function pinyinKeyOf(word: string): string {
  return pinyinLibrary().pinyin(word, { toneType: 'none', type: 'array' }).join('').toLowerCase().replace(/ü/gu, 'v');
}

/**
 * The key of pinyin as typed: letters only, lower case, tone numbers, apostrophes, hyphens and spaces dropped,
 * `ü` as `v`; '' when it holds anything else (a Han character, a digit other than a tone mark after a letter).
 * @example inputKeyOf("Xiong'an") // 'xiongan'
 * @example inputKeyOf('xiang1cun1 zhen4xing1') // 'xiangcunzhenxing'
 * @example inputKeyOf('5G') // ''
 */
export function inputKeyOf(text: string): string {
  const lower = text.normalize('NFKC').toLowerCase().replace(/ü|u:/gu, 'v');
  // Letters, tone numbers right after a letter, and separators; nothing else.
  if (!/^[a-z1-5'’\-\s]+$/u.test(lower) || /(?:^|[^a-z])[1-5]/u.test(lower)) return '';
  return lower.replace(/[^a-z]/gu, '');
}

/**
 * Indexes Chinese words (two characters or more, Han only) by their pinyin key.
 * @example pinyinVocabulary([{ word: '雄安', count: 21 }]).wordsOf('xiongan') // [{ word: '雄安', count: 21 }]
 */
export function pinyinVocabulary(words: Iterable<WordCount>): PinyinVocabulary {
  const byKey = new Map<string, WordCount[]>();
  let longestKey = 0;
  for (const entry of words) {
    if (!/^\p{Script=Han}{2,}$/u.test(entry.word)) continue;
    const key = pinyinKeyOf(entry.word);
    if (!/^[a-z]+$/u.test(key)) continue;
    const list = byKey.get(key) ?? [];
    list.push(entry);
    byKey.set(key, list);
    longestKey = Math.max(longestKey, key.length);
  }
  for (const list of byKey.values()) list.sort((a, b) => b.count - a.count || (a.word < b.word ? -1 : 1));
  return { wordsOf: (key) => byKey.get(key) ?? [], longestKey };
}

/**
 * Chinese corpus words whose toneless pinyin is a romanized name, most frequent first.
 * @example namesByPinyin(vocabulary, 'Dingri') // ['定日']
 */
export function namesByPinyin(vocabulary: PinyinVocabulary, name: string): string[] {
  const key = inputKeyOf(name);
  return key ? vocabulary.wordsOf(key).map((w) => w.word) : [];
}

/**
 * Pinyin input as corpus words: the fewest words whose keys, run together, spell the input (ties: the more
 * frequent words), each the most frequent word of its key; null when the input cannot be spelled so.
 * @example wordsFromPinyin(vocabulary, 'xiangcun zhenxing') // ['乡村振兴'] (or ['乡村', '振兴'])
 */
export function wordsFromPinyin(vocabulary: PinyinVocabulary, input: string): string[] | null {
  const key = inputKeyOf(input);
  if (key === '' || key.length > MAX_INPUT_LETTERS) return null;
  // best[i]: the best way to spell key[0, i): its word count, total frequency, and the last word's start.
  const best: Array<{ words: number; count: number; from: number; word: string } | null> = [{ words: 0, count: 0, from: -1, word: '' }];
  for (let i = 1; i <= key.length; i++) {
    best[i] = null;
    for (let j = Math.max(0, i - vocabulary.longestKey); j < i; j++) {
      const before = best[j];
      const top = before ? vocabulary.wordsOf(key.slice(j, i))[0] : undefined;
      if (!before || !top) continue;
      const here = { words: before.words + 1, count: before.count + top.count, from: j, word: top.word };
      const current = best[i];
      if (!current || here.words < current.words || (here.words === current.words && here.count > current.count)) best[i] = here;
    }
  }
  const words: string[] = [];
  for (let at = best[key.length]; at && at.from >= 0; at = best[at.from]) words.unshift(at.word);
  return words.length > 0 ? words : null;
}
