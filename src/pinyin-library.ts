/**
 * pinyin-pro, loaded on first use: did-you-mean, romanized names and the places of English titles need it, a
 * start does not (its module takes 0.1–0.5 s to load, a share of the time to a server's first answer).
 */
import { createRequire } from 'node:module';

type PinyinLibrary = typeof import('pinyin-pro');

let library: PinyinLibrary | null = null;

/**
 * pinyin-pro's exports, loaded the first time they are asked for.
 * @example pinyinLibrary().pinyin('重庆', { toneType: 'none', type: 'array' }) // ['chong', 'qing']
 */
export function pinyinLibrary(): PinyinLibrary {
  library ??= createRequire(import.meta.url)('pinyin-pro') as PinyinLibrary;
  return library;
}
