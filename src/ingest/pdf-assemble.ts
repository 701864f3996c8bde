/**
 * From a PDF's pages of positioned text to the report's text: lines per page, page furniture taken out
 * (kept with the page it was on, its page numbers as the pages' printed numbers), a page set in two columns
 * put in reading order (a page too short to prove its columns read in the last columns before it), slides told (`pdf-slides.ts`), the body's layout measured, blocks built and written
 * one a line. Pure: the PDF reader feeds it what PDF.js extracted, the tests feed it pages laid out by hand.
 */
import type { PageSpan, TextRange } from '../model.js';
import { buildBlocks } from './pdf-blocks.js';
import { readPageColumns, type ColumnLayout } from './pdf-columns.js';
import type { PdfPage } from './pdf-extract.js';
import { detectFurniture } from './pdf-furniture.js';
import { measureLayout, type BodyLayout } from './pdf-layout.js';
import { buildLineItems, type PdfLine } from './pdf-lines.js';
import { slideEdges } from './pdf-slides.js';
import { writeBlocks } from './pdf-text.js';

/** A PDF's text, its pages and what was removed from them. */
export interface AssembledPdf {
  text: string;
  pages: PageSpan[];
  /** The lines set larger than the text (headings by their size), as ranges of `text`. */
  headings: TextRange[];
  /** The paragraphs of slides (a slide's bullets), each a paragraph of its own, as ranges of `text`. */
  items: TextRange[];
  /** The footnotes at the pages' feet, each a note of its own, as ranges of `text`. */
  notes: TextRange[];
  furniture: Array<{ page: number; text: string }>;
  /** Each page's body lines (furniture removed), in page order. */
  lines: PdfLine[][];
  layout: BodyLayout;
}

/**
 * Assemble the text of a PDF from its pages.
 * @example assemblePdf([{ index: 1, width: 595, height: 842, items, imageOnly: false }]).text // '各位代表：\n…'
 */
export function assemblePdf(pages: readonly PdfPage[]): AssembledPdf {
  const built = pages.map((p) => buildLineItems(p.index, p.items));
  const all = built.map((rows) => rows.map((r) => r.line));
  const found = detectFurniture(all);
  const furniture: Array<{ page: number; text: string }> = [];
  const printed = new Map<number, number>();
  // The columns of the last page read in columns, for a page whose own lines are too few to prove them.
  let earlier: ColumnLayout | null = null;
  const lines = all.map((pageLines, k) => {
    const { lines: marked, printed: number } = found[k];
    if (number !== null) printed.set(pages[k].index, number);
    for (const i of [...marked].sort((a, b) => a - b)) furniture.push({ page: pages[k].index, text: pageLines[i].text });
    const read = readPageColumns(pages[k].index, built[k].filter((_, i) => !marked.has(i)), earlier);
    earlier = read.layout ?? earlier;
    return read.lines;
  });
  const layout = measureLayout(lines, slideEdges(pages, lines));
  const rules = new Map(pages.filter((p) => p.rules !== undefined).map((p) => [p.index, p.rules ?? []]));
  const { text, pages: spans, headings, items, notes } = writeBlocks(buildBlocks(lines.flat(), layout, rules), pages.length, printed, layout.slides);
  return { text, pages: spans, headings, items, notes, furniture, lines, layout };
}
