/**
 * A PDF's blocks written out as text, one block a line (a paragraph's lines joined, a table row's cells
 * separated by tabs, empty ones too), with the offset where each page's text starts: a page that begins inside a paragraph
 * begins inside that paragraph's line. Pure.
 */
import type { PageSpan, TextRange } from '../model.js';
import type { PdfBlock } from './pdf-blocks.js';
import { lineSeparator } from './pdf-spacing.js';

/** The text, and the pages' spans in it. */
export interface PdfText {
  text: string;
  pages: PageSpan[];
  /** The ranges of the heading blocks (set larger than the text) in `text`. */
  headings: TextRange[];
  /** The ranges of the paragraph blocks on slides (a slide's bullets: each a paragraph of its own). */
  items: TextRange[];
  /** The ranges of the note blocks (footnotes at a page's foot). */
  notes: TextRange[];
}

/**
 * Write blocks out as text. Every page from 1 to `pageCount` gets a span; a page without text starts where
 * the next text starts. A paragraph on one of the `slides` (page indexes) is named in `items`, a footnote in `notes`.
 * @example writeBlocks([{ kind: 'paragraph', lines: [l(1, '国家'), l(2, '统计局')] }], 2, new Map()).pages[1].start // 2
 */
export function writeBlocks(blocks: readonly PdfBlock[], pageCount: number, printed: ReadonlyMap<number, number>, slides: ReadonlyMap<number, unknown> = new Map()): PdfText {
  let text = '';
  const starts = new Map<number, number>();
  const headings: TextRange[] = [];
  const items: TextRange[] = [];
  const notes: TextRange[] = [];
  for (const block of blocks) {
    if (text !== '') text += '\n';
    let blockText = '';
    for (const line of block.lines) {
      // A table row keeps its leading tab: an empty first cell.
      const piece = block.kind === 'table' ? line.text.replace(/^ +| +$/gu, '') : line.text.trim();
      if (piece === '') continue;
      if (blockText !== '') blockText += lineSeparator(blockText, piece);
      if (!starts.has(line.page)) starts.set(line.page, text.length + blockText.length);
      blockText += piece;
    }
    const range = { start: text.length, end: text.length + blockText.length };
    if (block.kind === 'heading' && blockText !== '') headings.push(range);
    if (blockText !== '' && block.kind === 'note') notes.push(range);
    if (blockText !== '' && block.kind === 'paragraph' && slides.has(block.lines[0].page)) items.push(range);
    text += blockText;
  }
  const pages: PageSpan[] = [];
  let next = text.length;
  for (let index = pageCount; index >= 1; index--) {
    next = starts.get(index) ?? next;
    pages.push({ index, start: next, printed: printed.get(index) ?? null });
  }
  return { text, pages: pages.reverse(), headings, items, notes };
}
