/**
 * A Chinese place name in English, for the English title of a report whose place the region table does not
 * know (a district, a county): each administrative unit's name in pinyin, capitalized, with the kind of unit
 * translated, the smallest unit first (`赤峰市红山区` → `Hongshan District, Chifeng City`), in either script
 * (`赤峰市紅山區` too). A name known in English by another spelling than its pinyin (a Mongolian, Uyghur or Tibetan
 * name: `english-place-names.ts`) is written in that spelling (`呼伦贝尔市海拉尔区` → `Hailar District, Hulunbuir City`).
 * Pure over pinyin-pro, which is loaded only when such a place is met.
 */
import { pinyinLibrary } from '../pinyin-library.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { ENGLISH_PLACE_NAMES } from './english-place-names.js';

/** The kinds of administrative unit a place name ends with, longest first, and their English. */
export const UNIT_KINDS: ReadonlyArray<readonly [zh: string, en: string]> = [
  ['特别行政区', 'Special Administrative Region'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['新区', 'New Area'],
  ['地区', 'Prefecture'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
  ['州', 'Prefecture'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];

const HAN = /^\p{Script=Han}+$/u;

/**
 * A name in pinyin as one word: syllables joined, an apostrophe before a syllable that starts with a, o or e
 * (`Xi'an`), the first letter capital. A name in traditional characters is read in simplified ones.
 * @example nameInPinyin('海拉尔') // "Haila'er"
 * @example nameInPinyin('海拉爾') // "Haila'er"
 */
export function nameInPinyin(name: string): string {
  const syllables = pinyinLibrary().pinyin(foldToSimplified(name), { toneType: 'none', type: 'array' }) as string[];
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The place's administrative units in reading order: each a name (at least one character, as written) and the
 * English of the kind it ends with (null for a last part without one). Kinds are found in either script.
 * @example placeUnits('呼伦贝尔市海拉尔区') // [{ name: '呼伦贝尔', kind: 'City' }, { name: '海拉尔', kind: 'District' }]
 * @example placeUnits('海拉爾區') // [{ name: '海拉爾', kind: 'District' }]
 */
export function placeUnits(place: string): Array<{ name: string; kind: string | null }> {
  const out: Array<{ name: string; kind: string | null }> = [];
  const key = foldToSimplified(place);
  let from = 0;
  while (from < place.length) {
    let cut: { at: number; zh: string; en: string } | null = null;
    for (let at = from + 1; at < place.length && cut === null; at++) {
      const kind = UNIT_KINDS.find(([zh]) => key.startsWith(zh, at));
      if (kind) cut = { at, zh: kind[0], en: kind[1] };
    }
    if (cut === null) {
      out.push({ name: place.slice(from), kind: null });
      break;
    }
    out.push({ name: place.slice(from, cut.at), kind: cut.en });
    from = cut.at + cut.zh.length;
  }
  return out;
}

/** A unit's name in English: its known English name, else its pinyin. */
function nameInEnglish(name: string): string {
  return ENGLISH_PLACE_NAMES.get(foldToSimplified(name)) ?? nameInPinyin(name);
}

/**
 * The English of a place written in Chinese characters, the smallest unit first; anything else as it is.
 * @example placeInEnglish('红山区') // 'Hongshan District'
 * @example placeInEnglish('呼伦贝尔市海拉尔区') // 'Hailar District, Hulunbuir City'
 */
export function placeInEnglish(place: string): string {
  if (!HAN.test(place)) return place;
  return placeUnits(place)
    .map(({ name, kind }) => (kind ? `${nameInEnglish(name)} ${kind}` : nameInEnglish(name)))
    .reverse()
    .join(', ');
}
