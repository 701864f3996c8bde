// @ts-check
// What the search covers, said before any search (`corpusSummary` in search-notice.js): how many reports, from
// which years and how many regions, counted from /api/documents. Pure: Node tests import this.

/** @typedef {import('./types.js').DocMeta} DocMeta */
/** @typedef {import('./types.js').RegionGroup} RegionGroup */

/**
 * The corpus in numbers: its reports, the first and last year of the dated ones (null without any), and its regions
 * (one whose region could not be read not counted).
 * @example corpusFacts([{ year: 2020 }, { year: 2025 }, { year: null }], [{ value: '西藏自治区' }]) // { reports: 3, from: 2020, to: 2025, regions: 1 }
 * @param {ReadonlyArray<Pick<DocMeta, 'year'>>} docs
 * @param {ReadonlyArray<Pick<RegionGroup, 'value'>>} regions
 */
export function corpusFacts(docs, regions) {
  const years = docs.flatMap((d) => (d.year === null ? [] : [d.year]));
  return {
    reports: docs.length,
    from: years.length > 0 ? Math.min(...years) : null,
    to: years.length > 0 ? Math.max(...years) : null,
    regions: regions.filter((r) => r.value !== 'unknown').length,
  };
}
