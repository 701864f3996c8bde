/**
 * Footnotes at a page's foot: the last lines of a page, set smaller than its text, the first of them opening
 * with a note's mark (①, ⑴, [1], 〔1〕, ¹, *, ※, 注：). They are no part of the paragraph above them, which may
 * run on over the page break, so they are taken out of the flow and put back where they stand apart: before
 * the first block that runs on past their page (when it starts on their page), else after it, else after the
 * last block of their page; either way the note stays within its page's span of the text. Pure.
 */
import { textSizeAt, type BodyLayout } from './pdf-layout.js';
import type { PdfLine } from './pdf-lines.js';
import { noteMark } from './note-mark.js';

/** A note is set at most this share of its page's text size. */
const NOTE_SCALE = 0.9;

/** A block of lines, as `pdf-blocks.ts` builds them. */
interface LinesBlock {
  lines: PdfLine[];
}

/**
 * A page's lines from its top to its foot: as read on a page of one column; on a page set in columns (whose
 * left column's foot is read before the right column), by their baselines, so that the lines under both
 * columns come last wherever they were read.
 */
function topToFoot(pageLines: readonly PdfLine[]): readonly PdfLine[] {
  if (!pageLines.some((l) => l.column !== undefined)) return pageLines;
  return [...pageLines].sort((p, q) => q.y - p.y);
}

/**
 * The lines of a document (reading order, furniture removed) that are footnotes: on each page that is no
 * slide, the run of its last lines (the lowest, on a page set in columns) set smaller than its text from the
 * last one opening with a note's mark, when a line of the text stands above them.
 * @example footnoteLines([body, body, note], layout) // Set { note } where note is '①数据为初步核算数。' in 10 points under 16-point text
 */
export function footnoteLines(lines: readonly PdfLine[], layout: Pick<BodyLayout, 'size' | 'pageSizes' | 'slides'>): Set<PdfLine> {
  const notes = new Set<PdfLine>();
  const byPage = new Map<number, PdfLine[]>();
  for (const line of lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);
  for (const [page, read] of byPage) {
    if (layout.slides.has(page)) continue;
    const pageLines = topToFoot(read);
    const small = (l: PdfLine): boolean => !l.text.includes('\t') && l.size <= textSizeAt(l, layout) * NOTE_SCALE;
    let first = pageLines.length;
    while (first > 0 && small(pageLines[first - 1])) first--;
    const mark = pageLines.findIndex((l, k) => k >= first && noteMark(l.text) !== null);
    if (mark <= 0 || !pageLines.slice(0, mark).some((l) => !small(l))) continue;
    for (const line of pageLines.slice(mark)) notes.add(line);
  }
  return notes;
}

/** Whether a note's line opens a note of its own (a mark), rather than continuing the one above. */
export function opensNote(line: PdfLine): boolean {
  return noteMark(line.text) !== null;
}

/**
 * The blocks with each page's note blocks put back: before the first block that runs on past the page when it
 * starts there, after it when it started on an earlier page, else after the page's last block.
 * @example placeNotes([para(1, 2)], [note(1)]) // [note(1), para(1, 2)]
 */
export function placeNotes<B extends LinesBlock>(blocks: readonly B[], notes: readonly B[]): B[] {
  const out = [...blocks];
  const pageOf = (b: B, end: boolean): number => b.lines[end ? b.lines.length - 1 : 0].page;
  for (const note of notes) {
    const page = pageOf(note, false);
    let at = out.findIndex((b) => !notes.includes(b) && pageOf(b, true) > page);
    if (at === -1) at = out.length;
    else if (pageOf(out[at], false) < page) at += 1;
    // Notes of one page keep their order.
    while (at < out.length && notes.includes(out[at]) && pageOf(out[at], false) <= page) at++;
    out.splice(at, 0, note);
  }
  return out;
}
