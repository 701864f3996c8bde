/**
 * A query word that names a region of the corpus's reports (`广东 制造业`): a report rarely names its own region
 * in its passages, so the word as text finds few of them; the same query with the word as a region filter
 * (`制造业 region:广东省`) finds the region's passages on the rest. Proposed beside the results, never applied. Pure.
 */
import { placeUnits } from '../ingest/place-english.js';
import { PROVINCES } from '../ingest/regions.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { lexQuery, removeSpan } from '../../public/js/query-edit.js';
import type { RegionEntry } from './region-groups.js';

/** The query with a word of it as a region filter, and the region's entry it names. */
interface RegionWord {
  query: string;
  region: string;
}

/** A name as compared: NFKC, simplified, without spaces. */
const folded = (name: string): string => foldToSimplified(name.normalize('NFKC')).replace(/\s+/gu, '');

/**
 * The names a region goes by in a query: its full name and value, a province's short name (`广东`), a place's
 * smallest unit with and without its unit (`海拉尔区`, `海拉尔`). The nation's (`全国`, `中国`) are none: those
 * words are a report's own text (全国统一大市场), not its region.
 */
function namesOf(group: RegionEntry): string[] {
  if (group.value === '全国') return [];
  const province = PROVINCES.find((p) => p.zh[0] === group.value);
  // The smallest unit as named with its unit (`海拉尔区`, the end of 呼伦贝尔市海拉尔区) and without (`海拉尔`).
  const smallest = placeUnits(group.zh).at(-1);
  const unitless = smallest && smallest.kind !== null && smallest.name.length >= 2 ? [smallest.name, group.zh.slice(group.zh.lastIndexOf(smallest.name))] : [];
  return [group.zh, group.value, ...(province?.zh ?? []), ...unitless].map(folded);
}

/** A Chinese character. */
const HAN = /\p{Script=Han}/u;

/** The regions each name goes by, made once for a list of regions (an engine's, kept for its life). */
const namesMade = new WeakMap<readonly RegionEntry[], Map<string, RegionEntry[]>>();

function namesByRegion(regions: readonly RegionEntry[]): Map<string, RegionEntry[]> {
  let byName = namesMade.get(regions);
  if (!byName) {
    byName = new Map();
    for (const group of regions) {
      for (const name of new Set(namesOf(group))) byName.set(name, [...(byName.get(name) ?? []), group]);
    }
    namesMade.set(regions, byName);
  }
  return byName;
}

/**
 * The query with its one word that names a region of `regions` as that region's filter, or null: a query that
 * has a region already, a word that names none (or more than one), or nothing else to search besides it.
 * @example regionWord('广东 制造业', groups) // { query: '制造业 region:广东省', region: '广东省' }
 * @example regionWord('广东', groups) // null
 */
export function regionWord(query: string, regions: readonly RegionEntry[]): RegionWord | null {
  // Every name is in Chinese characters: a query without any names none (and costs nothing more).
  if (!HAN.test(query)) return null;
  const byName = namesByRegion(regions);
  const tokens = lexQuery(query);
  if (tokens.some((t) => t.kind === 'term' && t.filter && /^region[:：]/iu.test(t.text.normalize('NFKC')))) return null;
  const units = tokens.filter((t) => t.kind !== 'or');
  if (tokens.some((t) => t.kind === 'or')) return null;
  const named = units.flatMap((token) => {
    if (token.kind !== 'term' || token.negated || token.filter) return [];
    const groups = byName.get(folded(token.text)) ?? [];
    return groups.length === 1 ? [{ token, group: groups[0] as RegionEntry }] : [];
  });
  if (named.length !== 1) return null;
  const [{ token, group }] = named as [(typeof named)[number]];
  const rest = units.filter((t) => t !== token && !(t.kind === 'term' && t.filter) && !('negated' in t && t.negated));
  if (rest.length === 0) return null;
  return { query: `${removeSpan(query, [token.start, token.end])} region:${group.value}`, region: group.value };
}
