/**
 * A Chinese place name in English, for the English title of a report whose place the region table does not
 * know (a district, a county): each administrative unit's name in pinyin, capitalized, with the kind of unit
 * translated, the smallest unit first (`呼伦贝尔市海拉尔区` → `Haila'er District, Hulunbei'er City`). Pure
 * over pinyin-pro, which is loaded only when such a place is met.
 */
import { pinyinLibrary } from '../pinyin-library.js';

/** The kinds of administrative unit a place name ends with, longest first, and their English. */
const UNIT_KINDS: ReadonlyArray<readonly [zh: string, en: string]> = [
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
 * (`Xi'an`), the first letter capital.
 * @example nameInPinyin('海拉尔') // "Haila'er"
 */
export function nameInPinyin(name: string): string {
  const syllables = pinyinLibrary().pinyin(name, { toneType: 'none', type: 'array' }) as string[];
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * The place's administrative units in reading order: each a name (at least one character) and the English of
 * the kind it ends with (null for a last part without one).
 * @example placeUnits('呼伦贝尔市海拉尔区') // [{ name: '呼伦贝尔', kind: 'City' }, { name: '海拉尔', kind: 'District' }]
 */
export function placeUnits(place: string): Array<{ name: string; kind: string | null }> {
  const out: Array<{ name: string; kind: string | null }> = [];
  let rest = place;
  while (rest.length > 0) {
    let cut: { at: number; zh: string; en: string } | null = null;
    for (let at = 1; at < rest.length && cut === null; at++) {
      const kind = UNIT_KINDS.find(([zh]) => rest.startsWith(zh, at));
      if (kind) cut = { at, zh: kind[0], en: kind[1] };
    }
    if (cut === null) {
      out.push({ name: rest, kind: null });
      break;
    }
    out.push({ name: rest.slice(0, cut.at), kind: cut.en });
    rest = rest.slice(cut.at + cut.zh.length);
  }
  return out;
}

/**
 * The English of a place written in Chinese characters, the smallest unit first; anything else as it is.
 * @example placeInEnglish('海拉尔区') // "Haila'er District"
 * @example placeInEnglish('呼伦贝尔市海拉尔区') // "Haila'er District, Hulunbei'er City"
 */
export function placeInEnglish(place: string): string {
  if (!HAN.test(place)) return place;
  return placeUnits(place)
    .map(({ name, kind }) => (kind ? `${nameInPinyin(name)} ${kind}` : nameInPinyin(name)))
    .reverse()
    .join(', ');
}
