/**
 * Page furniture: page numbers (`— 3 —`, `- 3 -`, `第3页`, `3/15`, `Page 3 of 15`, a bare number, the front
 * matter's roman `iii`, which prints no number a citation could tell from the body's `3`) and
 * running headers and footers repeated across pages, found among the lines at the top and bottom of each
 * page. They are removed from the text and kept as page labels. Printed page numbers may differ from the
 * PDF's page index (a cover and front matter without numbers). Pure.
 */
import type { PdfLine } from './pdf-lines.js';
import { isRomanPageNumber, pageNumberOf } from './page-number.js';

/** What was found on one page. */
export interface PageFurniture {
  /** Positions (in the page's line list) of the furniture lines. */
  lines: Set<number>;
  /** The page number printed on the page, when one was found. */
  printed: number | null;
}

/** How many lines at each edge of a page can be furniture. */
const EDGE_LINES = 2;
/** Two lines are at the same place on two pages when their baselines differ by at most this (points). */
const SAME_PLACE = 6;

/** A number at the start or end of a running header or footer: the page number printed with it. */
const EDGE_NUMBER = /^[0-9０-９]{1,4}(?=\D)|(?<=\D)[0-9０-９]{1,4}$/gu;

/**
 * The page number a running header or footer prints a tab apart from its text, in its first or last cell
 * (`某某市大数据发展管理局\t第 2 页`), and the line's key with that cell masked; null when it prints none.
 * @example cellPageNumber('某某市大数据发展管理局\t第 2 页') // { number: 2, key: '某某市大数据发展管理局\t#' }
 */
function cellPageNumber(text: string): { number: number; key: string } | null {
  const cells = text.split('\t');
  if (cells.length < 2) return null;
  const last = pageNumberOf(cells[cells.length - 1], { edge: true });
  if (last !== null) return { number: last, key: `${runningKey(cells.slice(0, -1).join('\t'))}\t#` };
  const first = pageNumberOf(cells[0], { edge: true });
  return first === null ? null : { number: first, key: `#\t${runningKey(cells.slice(1).join('\t'))}` };
}

/**
 * A line's text with spaces removed and a number at its start or end masked: the same running header on
 * every page (`国务院公报 12`). Digits inside the text count, so body lines that differ by a number do not
 * look alike.
 */
function runningKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(EDGE_NUMBER, '#');
}

/** Positions of the lines at the top and bottom edges of a page (lines are top to bottom). */
function edgeLines(lines: readonly PdfLine[]): number[] {
  const edge = new Set<number>();
  for (let k = 0; k < Math.min(EDGE_LINES, lines.length); k++) {
    edge.add(k);
    edge.add(lines.length - 1 - k);
  }
  return [...edge].sort((a, b) => a - b);
}

interface Candidate {
  page: number;
  line: number;
  y: number;
  /** Left and right edges, and font size, of the line. */
  x: number;
  xEnd: number;
  size: number;
  /** The first or last line of its page. */
  outermost: boolean;
  key: string;
  number: number | null;
  /** A roman page number (`iii`, front matter's): furniture as a page number is, but no printed number. */
  roman: boolean;
  /** The page number a running header or footer prints in a cell of its own (`cellPageNumber`). */
  cellNumber: number | null;
  /** Set apart from the text: farther from the next line inwards than lines of text are from each other. */
  apart: boolean;
}

/** A running header or footer is never a sentence. */
const SENTENCE_END = /[。！？!?]$/u;
/** A header or footer stands this many line steps away from the text. */
const APART = 1.4;

/**
 * The usual distance between two lines of text: the lower quartile of the baseline steps of all pages (the
 * gaps around headers, footers and between paragraphs are the larger steps).
 */
function lineStep(pages: readonly (readonly PdfLine[])[]): number {
  const steps = pages.flatMap((lines) => lines.slice(1).map((l, i) => lines[i].y - l.y)).filter((d) => d > 0).sort((a, b) => a - b);
  return steps.length === 0 ? 0 : steps[Math.floor(steps.length / 4)];
}

/** Whether the edge line at `k` is farther from its inward neighbour than lines of text are from each other. */
function standsApart(lines: readonly PdfLine[], k: number, step: number): boolean {
  const inward = k < lines.length / 2 ? lines[k + 1] : lines[k - 1];
  return inward === undefined || Math.abs(inward.y - lines[k].y) > APART * step;
}

/** How many other pages have a candidate at the same place (and, when given, with the same key). */
function recurrence(c: Candidate, all: readonly Candidate[], sameKey: boolean): number {
  const pages = new Set<number>();
  for (const o of all) {
    if (o.page === c.page || Math.abs(o.y - c.y) > SAME_PLACE) continue;
    if (sameKey ? o.key === c.key : o.number !== null || o.roman) pages.add(o.page);
  }
  return pages.size;
}

/**
 * Whether a candidate of a document with two pages of text is a running head or foot by clear evidence: the
 * outermost line of its page, standing apart, and the other page has the same line (same text, an edge
 * number aside) as its outermost line too, standing apart, at the same place, with the same edges and size.
 */
function runsOnBothPages(c: Candidate, all: readonly Candidate[]): boolean {
  const same = (a: number, b: number): boolean => Math.abs(a - b) <= SAME_PLACE;
  return (
    c.outermost &&
    all.some(
      (o) =>
        o.page !== c.page && o.outermost && o.apart && o.key === c.key &&
        same(o.y, c.y) && same(o.x, c.x) && same(o.xEnd, c.xEnd) && o.size === c.size,
    )
  );
}

/**
 * Find the furniture of every page. A page-number line counts when a page number stands at the same place
 * on another page (or the document has a single page with text); another edge line counts when it stands
 * apart from the text, ends no sentence, and the same text (an edge number aside) stands at the same place on at least a third
 * of the pages, and on three at least; of a document with two pages of text, on both, as their outermost line
 * with the same edges and size (a lone page never has a running head). A running line that prints the page
 * number a tab apart from its text (`…管理局\t第 2 页`) gives its page's printed number.
 * @example detectFurniture([[bodyLine, line('— 1 —')], [bodyLine2, line('— 2 —')]])[1].printed // 2
 */
export function detectFurniture(pages: readonly (readonly PdfLine[])[]): PageFurniture[] {
  const candidates: Candidate[] = [];
  const step = lineStep(pages);
  pages.forEach((lines, page) => {
    for (const line of edgeLines(lines)) {
      const { text, y, x, xEnd, size } = lines[line];
      const outermost = line === 0 || line === lines.length - 1;
      const number = pageNumberOf(text, { edge: true });
      const roman = number === null && isRomanPageNumber(text);
      const cell = number === null ? cellPageNumber(text) : null;
      const key = cell?.key ?? runningKey(text);
      candidates.push({ page, line, y, x, xEnd, size, outermost, key, number, roman, cellNumber: cell?.number ?? null, apart: standsApart(lines, line, step) });
    }
  });
  const textPages = pages.filter((lines) => lines.length > 0).length;
  const minRunning = Math.max(3, Math.ceil(textPages / 3));
  const running = (c: Candidate): boolean =>
    textPages === 2 ? runsOnBothPages(c, candidates) : recurrence(c, candidates, true) + 1 >= minRunning;
  const found: PageFurniture[] = pages.map(() => ({ lines: new Set<number>(), printed: null }));
  for (const c of candidates) {
    if ((c.number !== null || c.roman) && (textPages === 1 || recurrence(c, candidates, false) >= 1)) {
      found[c.page].lines.add(c.line);
      if (c.number !== null) found[c.page].printed ??= c.number;
    } else if (c.apart && c.key.length > 0 && !SENTENCE_END.test(c.key) && running(c)) {
      found[c.page].lines.add(c.line);
      if (c.cellNumber !== null) found[c.page].printed ??= c.cellNumber;
    }
  }
  return found;
}
