/**
 * Trends: how often a phrase occurs in each year of the corpus, against how much the reports of that year
 * say. Every year from the first to the last is listed, zeros included; a year without reports has
 * `reports: 0` and `perTenThousand: null` (a gap, not a zero). Pure.
 */
import type { BackendFilters } from '../index/backend.js';
import type { DocMeta, Passage, PassageKind } from '../model.js';

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

/** Characters of each report's passages (`countChars` of their text and English text), by passage kind. */
export type ReportSizes = ReadonlyMap<string, Readonly<Partial<Record<PassageKind, number>>>>;

/**
 * The characters of every report, by passage kind (computed once, when the engine opens).
 * @example reportSizes([{ docId: 'a', kind: 'paragraph', text: '乡村振兴' }]).get('a') // { paragraph: 4 }
 */
export function reportSizes(passages: Iterable<Pick<Passage, 'docId' | 'kind' | 'text' | 'textEn'>>): Map<string, Partial<Record<PassageKind, number>>> {
  const sizes = new Map<string, Partial<Record<PassageKind, number>>>();
  for (const p of passages) {
    const size = sizes.get(p.docId) ?? {};
    sizes.set(p.docId, size);
    size[p.kind] = (size[p.kind] ?? 0) + countChars(p.text) + (p.textEn ? countChars(p.textEn) : 0);
  }
  return sizes;
}

/** The reports and passages a trend counts over: those its filters admit (all without any). */
type SizeScope = Pick<BackendFilters, 'doc' | 'docs' | 'year' | 'kind'>;

/**
 * The size of every dated year of the reports a trend counts over (the corpus's, or those its filters admit: one
 * report, a region's reports, one year, one kind of passage), so that a phrase's rate is over what was searched.
 * @example yearSizes([{ id: 'a', year: 2024, … }], reportSizes([{ docId: 'a', kind: 'paragraph', text: '乡村振兴' }])).get(2024) // { reports: 1, chars: 4 }
 */
export function yearSizes(docs: Iterable<DocMeta>, sizes: ReportSizes, scope: SizeScope = {}): Map<number, YearSize> {
  const admitted = scope.docs ? new Set(scope.docs) : null;
  const years = new Map<number, YearSize>();
  for (const doc of docs) {
    if (doc.year === null || (scope.doc !== undefined && doc.id !== scope.doc) || (admitted && !admitted.has(doc.id))) continue;
    if (scope.year !== undefined && doc.year !== scope.year) continue;
    const size = years.get(doc.year) ?? { reports: 0, chars: 0 };
    years.set(doc.year, size);
    size.reports++;
    const kinds = sizes.get(doc.id) ?? {};
    for (const [kind, chars] of Object.entries(kinds)) if (scope.kind === undefined || kind === scope.kind) size.chars += chars;
  }
  return years;
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
    const first = known.reduce((low, y) => Math.min(low, y), Infinity);
    const last = known.reduce((high, y) => Math.max(high, y), -Infinity);
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
