/**
 * The reports a query is restricted to by what they are, not by their id: a range of years (`year:2013-2022`,
 * `year-range.ts`) and a region (`region:广东`, `region:Tibet`, `region:national`). Both become the reports
 * searched (`docs`), so that every backend restricts to them as it restricts to a date group. Pure.
 */
import type { BackendFilters } from '../index/backend.js';
import type { DocMeta } from '../model.js';
import { foldToSimplified } from '../simplified-chinese.js';
import { regionName } from './region-names.js';
import { remembered } from '../text/remembered.js';
import type { YearRange } from './year-range.js';

/** What restricts the reports searched beyond a report's id, a year and a kind. */
interface ReportScope {
  years?: YearRange;
  region?: string;
}

/** Other names of the nation's reports, as a reader writes them. */
const NATIONAL_NAMES = ['全国', '国务院', '中央', 'national', 'china', 'state council'];

/** A name as compared: NFKC, simplified, lower case, without spaces. */
const folded = (name: string): string => foldToSimplified(name.normalize('NFKC')).toLowerCase().replace(/\s+/gu, '');

/**
 * Whether a report's region (`DocMeta.region`) is the one a filter names: the filter is part of its English or
 * Chinese name (`广东` of Guangdong Province, 广东省; `Tibet` of Xizang (Tibet) Autonomous Region; `海拉尔` of
 * 呼伦贝尔市海拉尔区), in either script and any case; `national`, `全国` name the nation's reports.
 * @example regionIs('Guangdong Province', '广东') // true
 * @example regionIs('Shaanxi Province', 'Shanxi') // false
 */
export function regionIs(region: string, name: string): boolean {
  const want = folded(name);
  if (want.length === 0) return false;
  return namesOfRegion(region).some((n) => n.includes(want));
}

/** Each region's names as compared, read once (a corpus has a few regions, each compared with every filter). */
const namesOfRegion = remembered(
  (region: string): readonly string[] => [region, regionName(region)?.zh ?? '', ...(/national/iu.test(region) ? NATIONAL_NAMES : [])].map(folded),
  10_000,
);

/**
 * True when `region` names no report's region (`region:Atlantis`): a search under it finds nothing, and says why.
 * @example namesNoRegion('Atlantis', [{ region: 'Guangdong Province' }]) // true
 */
export function namesNoRegion(region: string, docs: Iterable<Pick<DocMeta, 'region'>>): boolean {
  const seen = new Set<string>();
  for (const doc of docs) {
    if (seen.has(doc.region)) continue;
    seen.add(doc.region);
    if (regionIs(doc.region, region)) return false;
  }
  return true;
}

/**
 * The filters with the scope's reports as the reports searched (`docs`), or as they are without a scope.
 * @example withReportScope({ kind: 'table' }, { region: '西藏' }, docs) // { kind: 'table', docs: ['xizang-…', …] }
 */
export function withReportScope<F extends { docs?: readonly string[] }>(filters: F, scope: ReportScope, docs: Iterable<Pick<DocMeta, 'id' | 'year' | 'region'>>): F {
  const { years, region } = scope;
  if (!years && region === undefined) return filters;
  const kept: string[] = [];
  // Reports share a few regions: each is named once (a region of 10,000 reports, one look-up).
  const named = new Map<string, boolean>();
  const inRegion = (name: string): boolean => {
    if (region === undefined) return true;
    if (!named.has(name)) named.set(name, regionIs(name, region));
    return named.get(name) as boolean;
  };
  for (const doc of docs) {
    if (years && (doc.year === null || doc.year < years.from || doc.year > years.to)) continue;
    if (!inRegion(doc.region)) continue;
    kept.push(doc.id);
  }
  return { ...filters, docs: kept };
}

/**
 * The filters a search runs under: those asked beside the query (the address's, the API's) over those the query
 * writes, a year or a range of years asked replacing the query's year and range alike, a region asked the query's
 * region, and the reports of the range and region as the reports searched.
 * @example searchedFilters({ year: 2024 }, { filters: { year: 2020 }, region: '西藏' }, docs) // { year: 2024, docs: [the Xizang reports] }
 */
export function searchedFilters(
  asked: Pick<BackendFilters, 'doc' | 'year' | 'kind'> & { years?: YearRange; region?: string },
  written: { filters: BackendFilters; years?: YearRange; region?: string },
  docs: Iterable<Pick<DocMeta, 'id' | 'year' | 'region'>>,
): BackendFilters {
  const yearAsked = asked.year !== undefined || asked.years !== undefined;
  const { doc, year, kind } = written.filters;
  return withReportScope<BackendFilters>(
    { doc: asked.doc ?? doc, year: yearAsked ? asked.year : year, kind: asked.kind ?? kind },
    { years: yearAsked ? asked.years : written.years, region: asked.region ?? written.region },
    docs,
  );
}
