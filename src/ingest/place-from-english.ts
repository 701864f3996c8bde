/**
 * A place named in English (`Beijing Municipal`, `Tibet Autonomous Region`, `Hailar District`) as the Chinese
 * reports name it (`北京市`, `西藏自治区`, `海拉尔区`; `全国` for the nation), so that a report written in English
 * gets the place, and so the region and the publisher, that the same report in Chinese gets. The region table
 * (`regions.ts`), the English place names (`english-place-names.ts`) and the kinds of unit (`place-english.ts`)
 * are read the other way round. A name in pinyin cannot be: it has no Chinese here. Pure.
 */
import { ENGLISH_PLACE_NAMES } from './english-place-names.js';
import { UNIT_KINDS } from './place-english.js';
import { PROVINCES, type Region } from './regions.js';

/** The nation, in the words an English report names it with. */
const NATIONAL_NAMES = new Set(['national', "people's republic of china", 'china', 'state council']);

/** The adjectives English makes of a kind of unit (`Beijing Municipal People's Congress`). */
const ADJECTIVES: ReadonlyArray<readonly [en: string, zh: string]> = [
  ['municipality', '市'],
  ['municipal', '市'],
  ['provincial', '省'],
];

/**
 * English kinds of unit, longest first, and their Chinese; a kind English gives two units (`Prefecture`: 地区 and
 * 州) is left out, since it cannot be read back.
 */
const KINDS: ReadonlyArray<readonly [en: string, zh: string]> = [
  ...UNIT_KINDS.filter(([, en]) => UNIT_KINDS.filter(([, other]) => other === en).length === 1).map(([zh, en]) => [en.toLowerCase(), zh] as const),
  ...ADJECTIVES,
].sort((a, b) => b[0].length - a[0].length);

/** Known English names (lowercase) of places whose English is not their pinyin, and their Chinese. */
const CHINESE_OF_ENGLISH: ReadonlyMap<string, string> = new Map([...ENGLISH_PLACE_NAMES].map(([zh, en]) => [en.toLowerCase(), zh]));

/** One unit of an English place name: its name (lowercase) and the Chinese of its kind, if it names one. */
interface Unit {
  name: string;
  kind: string | null;
}

/** `Hailar District` → `{ name: 'hailar', kind: '区' }`; `Beijing` → `{ name: 'beijing', kind: null }`. */
function unitOf(words: string): Unit {
  const key = words.toLowerCase();
  const kind = KINDS.find(([en]) => key.endsWith(` ${en}`));
  return kind ? { name: key.slice(0, -kind[0].length - 1).trim(), kind: kind[1] } : { name: key, kind: null };
}

/** A province's names in English, lowercase: `xizang`, `tibet` (from `Xizang (Tibet) Autonomous Region`), `inner mongolia`. */
function englishNames(region: Region): string[] {
  const bare = region.en.replace(/ (?:Municipality|Province|Autonomous Region)$/u, '');
  const inBrackets = /^(.*?) \((.*)\)$/u.exec(bare);
  const names = inBrackets ? [bare, inBrackets[1], inBrackets[2]] : [bare];
  return [...names, region.slug.replace(/-/gu, ' ')].map((n) => n.toLowerCase());
}

/**
 * The province a unit names, when its kind (if it gives one) is the province's: `Beijing Municipal` is Beijing,
 * `Jilin City` is not Jilin Province. An autonomous region may add its people's name (`Guangxi Zhuang`).
 */
function provinceOf(unit: Unit): Region | null {
  return (
    PROVINCES.find((region) => {
      if (unit.kind !== null && !region.zh[0].endsWith(unit.kind)) return false;
      const names = englishNames(region);
      if (names.includes(unit.name)) return true;
      return unit.kind === '自治区' && names.some((n) => unit.name.startsWith(`${n} `) && !unit.name.slice(n.length + 1).includes(' '));
    }) ?? null
  );
}

/**
 * The Chinese of a place named in English, as the Chinese reports name it; null when the tables cannot tell
 * (a name in pinyin, a kind that reads two ways).
 * @example placeFromEnglish('Beijing Municipal') // '北京市'
 * @example placeFromEnglish('the Tibet Autonomous Region') // '西藏自治区'
 * @example placeFromEnglish('Hailar District, Hulunbuir City') // '呼伦贝尔市海拉尔区'
 * @example placeFromEnglish('National') // '全国'
 */
export function placeFromEnglish(place: string): string | null {
  const key = place.replace(/[’‘]/gu, "'").replace(/\s+/gu, ' ').trim().replace(/^the /iu, '');
  if (NATIONAL_NAMES.has(key.toLowerCase())) return '全国';
  const units = key.split(',').map((u) => unitOf(u.trim().replace(/^the /iu, '')));
  if (units.length === 1) {
    const province = provinceOf(units[0]);
    if (province) return province.zh[0];
  }
  const chinese = units.map((u) => (u.kind === null ? null : CHINESE_OF_ENGLISH.get(u.name)?.concat(u.kind) ?? null));
  return chinese.every((c) => c !== null) ? chinese.reverse().join('') : null;
}
