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
import { remembered } from '../text/remembered.js';

/** One region of the corpus, named in Chinese, with its reports. */
export interface RegionEntry {
  /** What `region:` takes for it, one word (no space), matching every report listed (`regionIs`): `广东省`. */
  value: string;
  /** Its name in Chinese (`广东省`, `全国`). */
  zh: string;
  /** The ids of the reports its value finds, in the order given. */
  docs: string[];
}

/** One region of the corpus, named in both languages (`Guangdong Province`, `National`), for a list to pick from. */
export interface RegionGroup extends RegionEntry {
  en: string;
}

/** An entry being made, with where it sorts. */
interface Draft extends Omit<RegionEntry, 'docs'> {
  rank: number;
}

/** Han characters alone: a place named in Chinese. */
const HAN = /^\p{Script=Han}+$/u;

/** The entry of a report's region, before places named within others are joined. */
function draftOf(region: string): Draft {
  const name = regionName(region);
  if (/national/iu.test(region) || name?.zh === regionName(NATIONAL.en)?.zh) return { value: '全国', zh: '全国', rank: 0 };
  const province = PROVINCES.findIndex((p) => p.zh[0] === name?.zh);
  if (province >= 0) {
    const zh = (PROVINCES[province] as (typeof PROVINCES)[number]).zh[0] as string;
    return { value: zh, zh, rank: 1 + province };
  }
  if (region.trim() === 'unknown') return { value: 'unknown', zh: '地区不详', rank: 2 + PROVINCES.length };
  const zh = name?.zh ?? region.trim();
  return { value: zh.replace(/\s+/gu, ''), zh, rank: 1 + PROVINCES.length };
}

/**
 * The regions of `docs` named in Chinese, each with the reports its value finds as a query's `region:` finds them
 * (`regionIs`): a province's entry holds the reports of the places within it too (北京市 those of 北京市海淀区),
 * which also have an entry of their own. A place named in Chinese within another's full name (`海淀区`,
 * `北京市海淀区`) is one entry, named in full and found by the shorter name. No English is made (a place's takes
 * the pinyin library, which a start does without).
 * @example regionsOf([{ id: 'a', region: 'Guangdong Province' }, { id: 'b', region: 'China (national)' }])
 * // [{ value: '全国', zh: '全国', docs: ['b'] }, { value: '广东省', zh: '广东省', docs: ['a'] }]
 */
export function regionsOf(docs: Iterable<Pick<DocMeta, 'id' | 'region'>>): RegionEntry[] {
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
    else if (draft.zh.length > within.zh.length) within.zh = draft.zh;
  }
  // Reports share a few regions: each region is compared with each entry once.
  const regions = [...new Set(list.map((d) => d.region))];
  return kept
    .sort((a, b) => a.rank - b.rank || a.zh.localeCompare(b.zh, 'zh'))
    .map(({ value, zh }) => {
      const found = new Set(regions.filter((region) => regionIs(region, value)));
      return { value, zh, docs: list.filter((d) => found.has(d.region)).map((d) => d.id) };
    });
}

/**
 * A region's name in English: the nation's, a province's as the region table gives it, a place's from its Chinese.
 * @example englishOf({ value: '广东省', zh: '广东省' }) // 'Guangdong Province'
 * @example englishOf({ value: '海拉尔区', zh: '呼伦贝尔市海拉尔区' }) // 'Hailar District, Hulunbuir City'
 */
function englishOf(entry: Pick<RegionEntry, 'value' | 'zh'>): string {
  if (entry.value === '全国') return 'National';
  if (entry.value === 'unknown') return 'Region unknown';
  const province = PROVINCES.find((p) => p.zh[0] === entry.value);
  if (province) return province.en;
  return HAN.test(entry.zh) ? placeInEnglish(entry.zh) : entry.zh;
}

/**
 * The regions of `docs` (`regionsOf`), named in English too.
 * @example regionGroups([{ id: 'a', region: 'Guangdong Province' }, { id: 'b', region: 'China (national)' }])
 * // [{ value: '全国', zh: '全国', en: 'National', docs: ['b'] }, { value: '广东省', zh: '广东省', en: 'Guangdong Province', docs: ['a'] }]
 */
export function regionGroups(docs: Iterable<Pick<DocMeta, 'id' | 'region'>>): RegionGroup[] {
  return regionsOf(docs).map((entry) => ({ value: entry.value, zh: entry.zh, en: englishOf(entry), docs: entry.docs }));
}

/**
 * A report's region, named in both languages for its page (`广东省`, `Guangdong Province`), or null when it is not
 * known (`unknown`).
 * @example regionOfReport({ region: '海拉尔区' }) // { value: '呼伦贝尔市海拉尔区', zh: '呼伦贝尔市海拉尔区', en: 'Hailar District, Hulunbuir City' }
 */
export function regionOfReport(doc: Pick<DocMeta, 'region'>): Omit<RegionGroup, 'docs'> | null {
  return regionNamed(doc.region);
}

/** A region's entry in both languages, made once per region (every reader page and report asked for names one). */
const regionNamed = remembered((region: string): Readonly<Omit<RegionGroup, 'docs'>> | null => {
  const [group] = regionGroups([{ id: '', region }]);
  return group === undefined || group.value === 'unknown' ? null : Object.freeze({ value: group.value, zh: group.zh, en: group.en });
}, 10_000);
