/**
 * The regions a corpus's reports come from, as a list to pick one from: each region once, however its reports
 * name it (`海拉尔区` and `呼伦贝尔市海拉尔区` are one district; `Guangdong Province` is 广东省), with the value a
 * query's `region:` filter takes for it and its name in both languages. The nation first, then the provinces in
 * the official order (北京, 天津, 河北 …), then any other place by its Chinese name, and last the reports whose
 * region could not be read (`unknown`). Pure.
 */
import type { DocMeta } from '../model.js';
import { placeInEnglish } from '../ingest/place-english.js';
import { NATIONAL, PROVINCES } from '../ingest/regions.js';
import { regionName } from './region-names.js';
import { regionIs } from './report-scope.js';

/** One region of the corpus. */
export interface RegionGroup {
  /** What `region:` takes for it, one word (no space), matching every report listed (`regionIs`): `广东省`. */
  value: string;
  /** Its name in Chinese (`广东省`, `全国`) and in English (`Guangdong Province`, `National`). */
  zh: string;
  en: string;
  /** The ids of the reports its value finds, in the order given. */
  docs: string[];
}

/** An entry being made, with where it sorts. */
interface Draft extends Omit<RegionGroup, 'docs'> {
  rank: number;
}

/** Han characters alone: a place named in Chinese. */
const HAN = /^\p{Script=Han}+$/u;

/** The entry of a report's region, before places named within others are joined. */
function draftOf(region: string): Draft {
  const name = regionName(region);
  if (/national/iu.test(region) || name?.zh === regionName(NATIONAL.en)?.zh) return { value: '全国', zh: '全国', en: 'National', rank: 0 };
  const province = PROVINCES.findIndex((p) => p.zh[0] === name?.zh);
  if (province >= 0) {
    const { zh, en } = PROVINCES[province] as (typeof PROVINCES)[number];
    return { value: zh[0] as string, zh: zh[0] as string, en, rank: 1 + province };
  }
  if (region.trim() === 'unknown') return { value: 'unknown', zh: '地区不详', en: 'Region unknown', rank: 2 + PROVINCES.length };
  const zh = name?.zh ?? region.trim();
  const value = zh.replace(/\s+/gu, '');
  return { value, zh, en: HAN.test(zh) ? placeInEnglish(zh) : zh, rank: 1 + PROVINCES.length };
}

/**
 * The regions of `docs`, each with the reports its value finds as a query's `region:` finds them (`regionIs`): a
 * province's entry holds the reports of the places within it too (北京市 those of 北京市海淀区), which also have an
 * entry of their own. A place named in Chinese within another's full name (`海淀区`, `北京市海淀区`) is one entry,
 * named in full and found by the shorter name.
 * @example regionGroups([{ id: 'a', region: 'Guangdong Province' }, { id: 'b', region: 'China (national)' }])
 * // [{ value: '全国', zh: '全国', en: 'National', docs: ['b'] }, { value: '广东省', zh: '广东省', en: 'Guangdong Province', docs: ['a'] }]
 */
export function regionGroups(docs: Iterable<Pick<DocMeta, 'id' | 'region'>>): RegionGroup[] {
  const list = [...docs];
  const byValue = new Map<string, Draft>();
  for (const region of new Set(list.map((d) => d.region))) {
    const draft = draftOf(region);
    if (!byValue.has(draft.value)) byValue.set(draft.value, draft);
  }
  // A place within another's name joins the shorter one: its value finds both, the longer names it in full.
  const place = (d: Draft): boolean => d.rank > PROVINCES.length && HAN.test(d.value);
  const kept: Draft[] = [];
  for (const draft of [...byValue.values()].sort((a, b) => a.value.length - b.value.length)) {
    const within = place(draft) ? kept.find((k) => place(k) && draft.value.endsWith(k.value)) : undefined;
    if (!within) kept.push(draft);
    else if (draft.zh.length > within.zh.length) Object.assign(within, { zh: draft.zh, en: placeInEnglish(draft.zh) });
  }
  // Reports share a few regions: each region is compared with each entry once.
  const regions = [...new Set(list.map((d) => d.region))];
  return kept
    .sort((a, b) => a.rank - b.rank || a.zh.localeCompare(b.zh, 'zh'))
    .map(({ value, zh, en }) => {
      const found = new Set(regions.filter((region) => regionIs(region, value)));
      return { value, zh, en, docs: list.filter((d) => found.has(d.region)).map((d) => d.id) };
    });
}
