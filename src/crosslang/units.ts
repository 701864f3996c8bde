/**
 * Units of measure as Chinese reports write them. CC-CEDICT cannot give these: its entries for `ton` and
 * `mu` are single characters (吨, 亩), which the reverse index leaves out as they match inside other words,
 * and its longer entries are other words (`ton` → 吨公里, `tonne` → 英吨 "long ton", `yuan` → 袁世凯, `mu` →
 * 米欧), while abbreviations (`km`, `kg`) are not in it at all. The table is the closed class of units the
 * reports count in, by the English words and abbreviations for them (kilowatts and kWh are in the glossary);
 * a unit's Chinese is its standard form first. Pure.
 */
import { singularWord } from './english.js';
import type { Sense } from './expand.js';

/** English unit (as a query's lowercased, singular word) → its Chinese forms, the usual first. */
const UNITS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['ton', ['吨']],
  ['tonne', ['吨']],
  ['kilogram', ['公斤', '千克']],
  ['kg', ['公斤', '千克']],
  ['jin', ['斤']],
  ['catty', ['斤']],
  ['kilometer', ['公里', '千米']],
  ['km', ['公里', '千米']],
  ['hectare', ['公顷']],
  ['mu', ['亩']],
  ['megawatt', ['兆瓦']],
  ['mw', ['兆瓦']],
  ['yuan', ['元']],
]);

/** Unit words that are also pinyin: written with a capital (`Jin`, `Yuan`: dynasties, surnames), a name, not a unit. */
const PINYIN = new Set(['jin', 'mu', 'yuan']);
const NAME_CASE = /^\p{Lu}\p{Ll}/u;

/**
 * The Chinese of a unit of measure written so (`tons` → 吨, `km` → 公里, 千米); [] for a word that is no unit,
 * or a unit word written as a name (`Yuan`).
 * @example unitSenses('tons').map((s) => s.term) // ['吨']
 */
export function unitSenses(written: string): Sense[] {
  const singular = singularWord(written.toLowerCase());
  const forms = UNITS.get(singular);
  if (!forms || (PINYIN.has(singular) && NAME_CASE.test(written))) return [];
  return forms.map((term, rank) => ({ term, source: 'unit', weight: rank === 0 ? 1 : 0.9 }));
}
