// @ts-check
// The files a long list downloads in (results 1,000 a file, concordance lines 10,000 a file). Pure.

/**
 * The files a list of `total` rows downloads in, `size` rows a file, none starting past `maxOffset`:
 * each file's `offset` and its first and last row counted from 1.
 * @example csvRanges(2500, 1000) // [{ offset: 0, from: 1, to: 1000 }, { offset: 1000, from: 1001, to: 2000 }, { offset: 2000, from: 2001, to: 2500 }]
 * @param {number} total
 * @param {number} size
 * @param {number} [maxOffset]
 */
export function csvRanges(total, size, maxOffset = Number.POSITIVE_INFINITY) {
  const ranges = [];
  for (let offset = 0; offset < total && offset <= maxOffset; offset += size) ranges.push({ offset, from: offset + 1, to: Math.min(total, offset + size) });
  return ranges;
}
