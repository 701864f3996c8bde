/**
 * Real PDFs of English set justified in narrow columns, for the PDF reader's tests: Helvetica (not embedded,
 * PDF.js measures it by its standard widths), each word drawn at its own place as Chromium and most
 * typesetters draw a justified line, the gaps of every line but a paragraph's last stretched alike to the
 * column's right edge, however wide that makes them; tables of cells at fixed places between paragraphs.
 */
import { buildPdf } from './pdf-builder.js';

/** Helvetica's advance widths, per 1000 of the font size. */
const WIDTHS: Record<string, number> = {
  ...Object.fromEntries([...'abdeghnopqu0123456789'].map((c) => [c, 556])),
  ...Object.fromEntries([...'cksvxyzJ'].map((c) => [c, 500])),
  ...Object.fromEntries([...'ijl'].map((c) => [c, 222])),
  ...Object.fromEntries([...'ft ,.:;I'].map((c) => [c, 278])),
  ...Object.fromEntries([...'ABEKPSVXY'].map((c) => [c, 667])),
  ...Object.fromEntries([...'CDHNRUw'].map((c) => [c, 722])),
  ...Object.fromEntries([...'GOQ'].map((c) => [c, 778])),
  ...Object.fromEntries([...'FTZ'].map((c) => [c, 611])),
  r: 333,
  '-': 333,
  m: 833,
  M: 833,
  W: 944,
  L: 556,
  '%': 889,
};

export const JUSTIFIED_SIZE = 10;
const PITCH = 13;
const TOP = 760;
const PAGE: [number, number] = [600, 800];

/** The width of a text in Helvetica at the body size. */
export function helvetica(text: string): number {
  return [...text].reduce((w, ch) => w + ((WIDTHS[ch] ?? 556) * JUSTIFIED_SIZE) / 1000, 0);
}

/** A column: its left edge and width, in points. */
export interface Column {
  x: number;
  width: number;
}

/** What a column holds, top to bottom: paragraphs (first line indented) and tables (cells at offsets from the column's edge). */
export type Flow = Array<{ paragraph: string } | { table: string[][]; at: number[] }>;

/** One word or cell to draw. */
interface Word {
  text: string;
  x: number;
  y: number;
}

/** A paragraph cut into lines of whole words no wider than `width`, the first line `indent` narrower. */
function wrap(paragraph: string, width: number, indent: number): string[][] {
  const lines: string[][] = [[]];
  let used = indent;
  for (const word of paragraph.split(' ')) {
    const line = lines[lines.length - 1];
    const needed = (line.length > 0 ? helvetica(' ') : 0) + helvetica(word);
    if (line.length > 0 && used + needed > width) {
      lines.push([word]);
      used = helvetica(word);
    } else {
      line.push(word);
      used += needed;
    }
  }
  return lines;
}

/** The words of one line set from `x`: justified to `width` (gaps all alike), or at natural spacing. */
function setLine(words: readonly string[], x: number, y: number, width: number, justify: boolean): Word[] {
  const natural = words.reduce((w, word) => w + helvetica(word), 0);
  const gap = justify && words.length > 1 ? (width - natural) / (words.length - 1) : helvetica(' ');
  let left = x;
  return words.map((text) => {
    const word = { text, x: left, y };
    left += helvetica(text) + gap;
    return word;
  });
}

/**
 * The lines of a flow set in a column, top down from `top`, justified or (`ragged`) at natural spacing, and the
 * widest gap of a justified line (in font sizes).
 */
function setFlow(flow: Flow, column: Column, top: number, ragged = false): { words: Word[]; bottom: number; widestGap: number } {
  const words: Word[] = [];
  let y = top;
  let widestGap = 0;
  for (const part of flow) {
    if ('table' in part) {
      y -= PITCH * 0.6;
      for (const row of part.table) {
        row.forEach((cell, k) => words.push({ text: cell, x: column.x + part.at[k], y }));
        y -= PITCH * 1.4;
      }
      y -= PITCH * 0.2;
      continue;
    }
    const indent = JUSTIFIED_SIZE * 1.5;
    const lines = wrap(part.paragraph, column.width, indent);
    lines.forEach((line, k) => {
      const x = column.x + (k === 0 ? indent : 0);
      const last = k === lines.length - 1;
      const set = setLine(line, x, y, column.width - (k === 0 ? indent : 0), !last && !ragged);
      for (let n = 1; n < set.length && !last; n++) widestGap = Math.max(widestGap, (set[n].x - set[n - 1].x - helvetica(set[n - 1].text)) / JUSTIFIED_SIZE);
      words.push(...set);
      y -= PITCH;
    });
  }
  return { words, bottom: y, widestGap };
}

/** Escape a string for a PDF literal. */
function literal(text: string): string {
  return text.replace(/[\\()]/gu, (ch) => `\\${ch}`);
}

/**
 * A one-page PDF of flows, one a column, side by side, with `below` (lines of cells at offsets from the page's
 * left text edge) under the columns; `ragged` sets every line at natural spacing, its right edge ragged. Returns
 * the PDF and the widest stretched gap it holds, in font sizes.
 */
export function justifiedPdf(
  flows: readonly Flow[],
  columns: readonly Column[],
  below: { table: string[][]; at: number[] } | null = null,
  ragged = false,
): { pdf: Buffer; widestGap: number } {
  const words: Word[] = [];
  let bottom = TOP;
  let widestGap = 0;
  flows.forEach((flow, k) => {
    const set = setFlow(flow, columns[k], TOP, ragged);
    words.push(...set.words);
    bottom = Math.min(bottom, set.bottom);
    widestGap = Math.max(widestGap, set.widestGap);
  });
  if (below) words.push(...setFlow([below], { x: columns[0].x, width: 0 }, bottom - PITCH).words);
  const content = words.map((w) => `BT /F1 ${JUSTIFIED_SIZE} Tf ${w.x.toFixed(2)} ${w.y.toFixed(2)} Td (${literal(w.text)}) Tj ET`).join('\n');
  return { pdf: buildPdf([content], PAGE), widestGap };
}
