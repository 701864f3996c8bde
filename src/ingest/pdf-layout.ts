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
  /** Per page index of a page set in columns: where each column's lines start and end (`PdfLine.column`). */
  columnMargins: Map<number, Array<{ left: number; right: number }>>;
  /**
   * Per page index, when a page's text is set in its own size (slides, a section's opening page in a
   * larger size): that size. Headings on the page are judged against it.
   */
  pageSizes: Map<number, number>;
  /** Per page index of a slide (`pdf-slides.ts`): the right edge of its text boxes, its right margin. */
  slides: ReadonlyMap<number, number>;
}

/** Sizes within this many points are the same size. */
const SIZE_TOLERANCE = 0.6;

/** A line's characters, spaces aside. */
function chars(line: PdfLine): number {
  return Array.from(line.text.replace(/\s/gu, '')).length;
}

/**
 * The size most characters of some lines have (to 0.1 point).
 * @example mainSize([{ text: '标题', size: 32 }, { text: '一条要点的正文', size: 22 }] as PdfLine[]) // 22
 */
export function mainSize(lines: readonly PdfLine[]): number {
  return weightedMode(lines.map((l) => [l.size, chars(l)] as const), 0.1);
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

/** A left edge where this share of the body lines start is a margin, not a stray line. */
const MARGIN_SHARE = 0.15;
/** A line ending this many font sizes short of the right margin is not full. */
const FULL_SLACK = 1.5;

/**
 * The left margin of body lines: the leftmost start of a full line (a paragraph's middle lines run from
 * margin to margin), else the leftmost edge where a fair share of the lines start. Table rows and stray
 * short lines left of the text do not count.
 */
function leftMargin(lines: readonly PdfLine[], right: number, size: number): number {
  const full = lines.filter((l) => !l.text.includes('\t') && l.xEnd >= right - FULL_SLACK * size);
  const counts = new Map<number, number>();
  for (const line of lines) counts.set(Math.round(line.x), (counts.get(Math.round(line.x)) ?? 0) + 1);
  const edges = [...counts].filter(([, n]) => n >= lines.length * MARGIN_SHARE).map(([x]) => x);
  let least = Infinity;
  for (const x of edges) least = Math.min(least, x);
  for (const l of full) least = Math.min(least, l.x);
  return least;
}

/** How far (in font sizes) a page's margins may sit from the document's. */
const PAGE_SHIFT = 0.5;

/** A mark that CJK typesetting may hang past the right margin at a line's end (LibreOffice and Word do). */
const HANGING_END = /[，。、．,.；;：:！!？?”’」』）)]$/u;
/** Hanging punctuation overshoots the margin by at most about this many font sizes (one mark). */
const HANG_WIDTH = 1.2;

/** The second-widest end of the lines (one line that overshoots, a long URL, does not count). */
function secondWidest(lines: readonly PdfLine[]): number {
  const ends = lines.map((l) => l.xEnd).sort((p, q) => q - p);
  return ends.length === 0 ? 0 : ends[Math.min(1, ends.length - 1)];
}

/**
 * The right margin: the second-widest line's end, or, where the lines that end in punctuation overshoot the
 * others by up to one mark, the others' (a ragged column whose full lines end at 537 while 。 and ， hang to
 * 547 would otherwise make every line short by a character look like a paragraph's last).
 */
function rightMargin(lines: readonly PdfLine[], size: number): number {
  return unhungEdge(lines, size, secondWidest);
}

/**
 * A right edge measured over the lines (`edge`), or over those that do not end in a mark that may hang when
 * the marks' lines overshoot the others by at most one mark.
 */
function unhungEdge(lines: readonly PdfLine[], size: number, edge: (lines: readonly PdfLine[]) => number): number {
  const all = edge(lines);
  const unhung = lines.filter((l) => !HANGING_END.test(l.text));
  if (unhung.length < 2) return all;
  const own = edge(unhung);
  return all - own <= HANG_WIDTH * size ? own : all;
}

/** The document's right margin: most lines end before it, a few overshoot (long URLs, hanging punctuation). */
const DOC_RIGHT_PERCENTILE = 0.9;

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))];
}

/** A right margin is seen where this share of the lines end together (justified text). */
const JUSTIFIED_SHARE = 0.3;
/** …and at least this many (two lines of one length are a coincidence, as on a cover). */
const JUSTIFIED_LINES = 3;

/**
 * The right margin of lines that end together (a justified column), or null when their ends are ragged
 * (a contents page, a list): then only the document's margin can tell a short line.
 */
function justifiedRight(lines: readonly PdfLine[], size: number): number | null {
  const right = rightMargin(lines, size);
  const together = lines.filter((l) => Math.abs(l.xEnd - right) <= size).length;
  return together >= JUSTIFIED_LINES && together >= lines.length * JUSTIFIED_SHARE ? right : null;
}

/** A page has a size of its own when this many characters are set in it. */
const OWN_SIZE_CHARS = 60;

/**
 * The size most of a page's characters have, when enough of them do to be the page's text size. Table rows
 * do not count: a table set smaller than the text is no page of text in its own size.
 */
function ownSize(pageLines: readonly PdfLine[]): number | null {
  const lines = pageLines.filter((l) => !l.text.includes('\t'));
  if (lines.length === 0) return null;
  const size = mainSize(lines);
  const inSize = lines.filter((l) => Math.abs(l.size - size) <= SIZE_TOLERANCE).reduce((n, l) => n + chars(l), 0);
  return inSize >= OWN_SIZE_CHARS ? size : null;
}

/**
 * The text size headings on a line's page are judged against: the page's own, else the document's.
 * @example textSizeAt({ page: 6 } as PdfLine, layout) // 12 where page 6 is set in 12 points
 */
export function textSizeAt(line: Pick<PdfLine, 'page'>, layout: Pick<BodyLayout, 'size' | 'pageSizes'>): number {
  return layout.pageSizes.get(line.page) ?? layout.size;
}

/**
 * Whether a line is set in the body size.
 * @example isBodySize({ size: 10.5 } as PdfLine, { size: 10.5 } as BodyLayout) // true
 */
export function isBodySize(line: Pick<PdfLine, 'size'>, layout: Pick<BodyLayout, 'size'>): boolean {
  return Math.abs(line.size - layout.size) <= SIZE_TOLERANCE;
}

/** Steps this share from the most common one are the same step, its baselines rounded apart. */
const PITCH_JITTER = 0.1;

/**
 * The distance between two lines of a paragraph: the mean of the steps near the most common one (to half a
 * point). A typesetter that rounds each baseline to its device's grid sets a 14.7-point pitch as steps of 14.3
 * and 15.0, whose mode alone would read 15 and take a paragraph's spacing of 19.5 for a line's.
 * @example linePitch([14.3, 15, 15, 14.4, 15.2, 30]) // 14.78
 */
function linePitch(steps: readonly number[]): number {
  const mode = weightedMode(steps.map((step) => [step, 1] as const), 0.5);
  const near = steps.filter((step) => Math.abs(step - mode) <= PITCH_JITTER * mode);
  return near.length === 0 ? mode : near.reduce((sum, step) => sum + step, 0) / near.length;
}

/**
 * Measure the body text of a document from its pages' lines (furniture already removed). A slide's right
 * margin is the edge of its text boxes (`slides`, from `slideEdges`), not where its lines happen to end.
 * @example measureLayout([[line(90, 700), line(90, 684)]]).pitch // 16
 */
export function measureLayout(pages: ReadonlyArray<readonly PdfLine[]>, slides: ReadonlyMap<number, number> = new Map()): BodyLayout {
  const all = pages.flat();
  const size = all.length === 0 ? 0 : mainSize(all);
  const body = (lines: readonly PdfLine[]): PdfLine[] => lines.filter((l) => Math.abs(l.size - size) <= SIZE_TOLERANCE);
  const steps: Array<readonly [number, number]> = [];
  for (const lines of pages) {
    const b = body(lines);
    for (let k = 1; k < b.length; k++) {
      const step = b[k - 1].y - b[k].y;
      if (step > 0 && step < size * 4) steps.push([step, 1]);
    }
  }
  const pitch = steps.length === 0 ? 0 : linePitch(steps.map(([step]) => step));
  const margins = new Map<number, { left: number; right: number }>();
  const allBody = body(all);
  const docRight = unhungEdge(allBody, size, (lines) => percentile(lines.map((l) => l.xEnd), DOC_RIGHT_PERCENTILE));
  const docLeft = allBody.length === 0 ? 0 : leftMargin(allBody, docRight, size);
  const pageSizes = new Map<number, number>();
  for (const lines of pages) {
    const own = ownSize(lines);
    if (own !== null && Math.abs(own - size) > SIZE_TOLERANCE) pageSizes.set(lines[0].page, own);
  }
  for (const lines of pages) {
    if (lines.length === 0) continue;
    const pageSize = pageSizes.get(lines[0].page);
    if (pageSize !== undefined) {
      // A page set in its own size has margins of its own.
      const own = lines.filter((l) => Math.abs(l.size - pageSize) <= SIZE_TOLERANCE);
      const right = justifiedRight(own, pageSize) ?? Math.max(docRight, rightMargin(own, pageSize));
      margins.set(lines[0].page, { left: leftMargin(own, right, pageSize), right });
      continue;
    }
    const b = body(lines);
    // A page of indented one-line paragraphs has no margin of its own: the document's holds (odd and
    // even pages may be offset by a little).
    const right = Math.max(rightMargin(b, size), docRight - size * PAGE_SHIFT);
    const own = b.length === 0 ? docLeft : leftMargin(b, right, size);
    const left = Math.abs(own - docLeft) <= size * PAGE_SHIFT ? own : docLeft;
    margins.set(lines[0].page, { left, right });
  }
  for (const [page, edge] of slides) {
    const margin = margins.get(page);
    if (margin) margins.set(page, { left: margin.left, right: edge });
  }
  return { size, pitch, margins, columnMargins: measureColumns(pages, size), pageSizes, slides };
}

/**
 * The margins of each column of the pages set in columns: the column's own, measured as a page's are (a
 * justified column's right edge, else its second-widest line's end; the left edge of its full lines).
 */
function measureColumns(pages: ReadonlyArray<readonly PdfLine[]>, size: number): Map<number, Array<{ left: number; right: number }>> {
  const out = new Map<number, Array<{ left: number; right: number }>>();
  for (const lines of pages) {
    const columns: PdfLine[][] = [];
    for (const line of lines) if (line.column !== undefined) (columns[line.column] ??= []).push(line);
    if (columns.length === 0) continue;
    out.set(
      lines[0].page,
      Array.from(columns, (column = []) => {
        const inSize = column.filter((l) => Math.abs(l.size - size) <= SIZE_TOLERANCE);
        const own = inSize.length > 0 ? inSize : column;
        const right = justifiedRight(own, size) ?? rightMargin(own, size);
        return { left: own.length === 0 ? 0 : leftMargin(own, right, size), right };
      }),
    );
  }
  return out;
}
