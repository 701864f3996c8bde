/**
 * The geometry of a document's body text, measured from its lines: the body font size, the distance
 * between two lines of a paragraph, and each page's left and right margins. Paragraph breaks and headings
 * are judged against these. Pure.
 */
import type { PdfLine } from './pdf-lines.js';

/** The body text's measures. */
export interface BodyLayout {
  /** The font size most characters have. */
  size: number;
  /** Baseline distance between two lines of one paragraph (0 when no page has two body lines). */
  pitch: number;
  /** Per page index: where body lines start and end. */
  margins: Map<number, { left: number; right: number }>;
}

/** Sizes within this many points are the same size. */
export const SIZE_TOLERANCE = 0.6;

function chars(line: PdfLine): number {
  return Array.from(line.text.replace(/\s/gu, '')).length;
}

/** The value with the largest summed weight, values rounded to `step`. */
function weightedMode(values: ReadonlyArray<readonly [number, number]>, step: number): number {
  const totals = new Map<number, number>();
  for (const [value, weight] of values) {
    const key = Math.round(value / step) * step;
    totals.set(key, (totals.get(key) ?? 0) + weight);
  }
  let best = 0;
  let bestWeight = -1;
  for (const [value, weight] of totals) {
    if (weight > bestWeight || (weight === bestWeight && value < best)) [best, bestWeight] = [value, weight];
  }
  return best;
}

/**
 * Whether a line is set in the body size.
 * @example isBodySize({ size: 10.5 } as PdfLine, { size: 10.5 } as BodyLayout) // true
 */
export function isBodySize(line: Pick<PdfLine, 'size'>, layout: Pick<BodyLayout, 'size'>): boolean {
  return Math.abs(line.size - layout.size) <= SIZE_TOLERANCE;
}

/**
 * Measure the body text of a document from its pages' lines (furniture already removed).
 * @example measureLayout([[line(90, 700), line(90, 684)]]).pitch // 16
 */
export function measureLayout(pages: ReadonlyArray<readonly PdfLine[]>): BodyLayout {
  const all = pages.flat();
  const size = all.length === 0 ? 0 : weightedMode(all.map((l) => [l.size, chars(l)] as const), 0.1);
  const body = (lines: readonly PdfLine[]): PdfLine[] => lines.filter((l) => Math.abs(l.size - size) <= SIZE_TOLERANCE);
  const steps: Array<readonly [number, number]> = [];
  for (const lines of pages) {
    const b = body(lines);
    for (let k = 1; k < b.length; k++) {
      const step = b[k - 1].y - b[k].y;
      if (step > 0 && step < size * 4) steps.push([step, 1]);
    }
  }
  const pitch = steps.length === 0 ? 0 : weightedMode(steps, 0.5);
  const margins = new Map<number, { left: number; right: number }>();
  const allBody = body(all);
  const docLeft = allBody.length === 0 ? 0 : weightedMode(allBody.map((l) => [l.x, chars(l)] as const), 1);
  for (const lines of pages) {
    const b = body(lines);
    if (lines.length === 0) continue;
    const left = b.length === 0 ? docLeft : weightedMode(b.map((l) => [l.x, chars(l)] as const), 1);
    const ends = b.map((l) => l.xEnd).sort((p, q) => q - p);
    // The second-widest line: one line that overshoots (a long URL) does not move the margin.
    const right = ends.length === 0 ? Math.max(...lines.map((l) => l.xEnd)) : ends[Math.min(1, ends.length - 1)];
    margins.set(lines[0].page, { left, right });
  }
  return { size, pitch, margins };
}
