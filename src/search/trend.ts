/**
 * Trends: how often a phrase occurs in each year of the corpus, against how much the reports of that year
 * say. Every year from the first to the last is listed, zeros included; a year without reports has
 * `reports: 0` and `perTenThousand: null` (a gap, not a zero). Pure.
 */
import type { DocMeta, Passage } from '../model.js';

/** What one year of the corpus holds. */
export interface YearSize {
  reports: number;
  /** Characters of the year's reports: code points of their text and English text, whitespace left out. */
  chars: number;
}

/** One year of a phrase's trend. */
export interface TrendYear {
  year: number;
  reports: number;
  occurrences: number;
  /** Passages holding the phrase at least once. */
  passages: number;
  chars: number;
  /** Occurrences per 10,000 characters of that year's reports (3 decimals); null for a year without reports. */
  perTenThousand: number | null;
}

/** Counts per passage: its report's year, and how often the phrase occurs in it. */
export interface PassageCount {
  year: number | null;
  occurrences: number;
}

/**
 * Characters a text contributes to its year: code points that are not whitespace.
 * @example countChars('乡村 振兴\n') // 4
 */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xdc00 && unit <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // second half of a pair: counted with the first
    }
    if (unit <= 0x20 || unit === 0x3000 || unit === 0xa0 || unit === 0x2028 || unit === 0x2029 || unit === 0xfeff || (unit >= 0x2000 && unit <= 0x200b)) continue;
    n++;
  }
  return n;
}

/**
 * The size of every dated year of the corpus (computed once, when the engine opens).
 * @example yearSizes([{ id: 'a', year: 2024, … }], [{ docId: 'a', text: '乡村振兴', … }]).get(2024) // { reports: 1, chars: 4 }
 */
export function yearSizes(docs: readonly DocMeta[], passages: Iterable<Pick<Passage, 'docId' | 'text' | 'textEn'>>): Map<number, YearSize> {
  const yearOf = new Map(docs.map((d) => [d.id, d.year]));
  const sizes = new Map<number, YearSize>();
  for (const doc of docs) {
    if (doc.year === null) continue;
    const size = sizes.get(doc.year) ?? { reports: 0, chars: 0 };
    size.reports++;
    sizes.set(doc.year, size);
  }
  for (const p of passages) {
    const year = yearOf.get(p.docId);
    const size = year === null || year === undefined ? undefined : sizes.get(year);
    if (size) size.chars += countChars(p.text) + (p.textEn ? countChars(p.textEn) : 0);
  }
  return sizes;
}

/**
 * A phrase's trend over every year from the corpus's first to its last (zeros included), and what fell in
 * undated reports, so that the years and `undated` add up to the concordance total.
 * @example yearTrend([{ year: 2024, occurrences: 2 }], sizes).years[0].occurrences // 2
 */
export function yearTrend(counts: readonly PassageCount[], sizes: ReadonlyMap<number, YearSize>): { years: TrendYear[]; undated: { occurrences: number; passages: number } } {
  const known = [...sizes.keys()];
  const years: TrendYear[] = [];
  const byYear = new Map<number, TrendYear>();
  if (known.length > 0) {
    const first = Math.min(...known);
    const last = Math.max(...known);
    for (let year = first; year <= last; year++) {
      const size = sizes.get(year) ?? { reports: 0, chars: 0 };
      const entry: TrendYear = { year, reports: size.reports, occurrences: 0, passages: 0, chars: size.chars, perTenThousand: null };
      years.push(entry);
      byYear.set(year, entry);
    }
  }
  const undated = { occurrences: 0, passages: 0 };
  for (const c of counts) {
    if (c.occurrences === 0) continue;
    const entry = (c.year === null ? undefined : byYear.get(c.year)) ?? undated;
    entry.occurrences += c.occurrences;
    entry.passages++;
  }
  for (const entry of years) {
    if (entry.reports > 0) entry.perTenThousand = entry.chars > 0 ? Math.round((entry.occurrences / entry.chars) * 1e7) / 1000 : 0;
  }
  return { years, undated };
}
