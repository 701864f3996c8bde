/**
 * Blocks out of lines: which lines of a PDF form one paragraph, and which lines are headings, figure or
 * table captions, or table rows. A paragraph ends at a first-line indent, a vertical gap wider than the
 * line pitch, a short last line, a change of font size, or a line opening with a bullet; it runs on across a
 * page break when the page's last line is full (from the margin, not set right as a date under a signature)
 * and the next page's first line is not indented, and from one column to the next so; never from a slide.
 * Pure.
 */
import { foldToSimplified } from '../simplified-chinese.js';
import { isEnglishSalutation } from './english-salutation.js';
import { wouldNotFit } from './pdf-fit.js';
import { isBodySize, textSizeAt, type BodyLayout } from './pdf-layout.js';
import type { PdfLine } from './pdf-lines.js';
import { alignTableRows } from './pdf-table.js';
import { LEADER_PAGE } from './toc-leader.js';
import { ruledAreas, type Rule, type RuledArea } from './pdf-rules.js';
import { continuesCell, insideArea, joinCellLines, joinRuledRows } from './pdf-table-cells.js';
import { footnoteLines, opensNote, placeNotes } from './pdf-footnotes.js';

/** What a block is (a note: a footnote at a page's foot, `pdf-footnotes.ts`). */
export type PdfBlockKind = 'paragraph' | 'heading' | 'caption' | 'table' | 'note';

/** One block: a paragraph, a heading, a caption or a table row, with its lines in reading order. */
export interface PdfBlock {
  kind: PdfBlockKind;
  lines: PdfLine[];
}

/** A line set this much larger than the body is a heading. */
const HEADING_SCALE = 1.15;
/** A line starting this many font sizes right of the margin is indented. */
const INDENT = 0.6;
/** A slide's bullet and the gap after it take at most this many font sizes (the hanging indent of its text). */
const HANG = 3;
/** A line starting this many font sizes right of the margin is set off (right-aligned, centred), past any indent. */
const SET_OFF = 4;
/** A line ending this many font sizes left of the right margin is short. */
const SHORT = 1.5;
/** A ruled table's rules stand this many font sizes apart at most (a row of several lines); further apart, two tables. */
const MAX_ROW = 12;
/** A gap this many pitches wide between two lines separates paragraphs. */
const GAP = 1.2;
/** A line (or a heading-sized line) with no pitch to go by: this many font sizes. */
const DEFAULT_PITCH = 1.8;
/** `图 1 …`, `表2-1 …`, `Figure 3.`, `Table 1:` at the start of a short line. */
const CAPTION = /^(?:图|表|附图|附表|Figure|Fig\.|Table)\s*[0-9０-９一二三四五六七八九十]+(?:[-.．—][0-9０-９]+)*(?:\s|[：:.．、]|$)/iu;
const MAX_CAPTION = 60;
/** Numbered headings: 第X章/节/部分, 一、, （一）. */
const NUMBERED_HEADING = /^(?:第[一二三四五六七八九十百零〇0-9]+[篇章节部分]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])/u;
/**
 * `指导单位：…`, `编写单位：…`, `Prepared by: …`: a label and its value, a line of its own in a cover's block. A
 * word in lower case before a colon (`steps: We redoubled …`) is a sentence running on, no label.
 */
const LABEL = /^(?!\p{Ll})[^：:，。]{1,8}[：:]/u;
/** Characters after which a short line still runs on (a clause is open). */
const OPEN_END = /[，、,（(“‘《〈【\-]$/u;
/**
 * A bullet opening a line (•, ●, ■, ◆, ➢, ✓…; a symbol font's private-use code as PDF.js gives it without a
 * ToUnicode map): the line starts an item, whatever the line before it.
 */
const BULLET = /^[•●○◦▪▫■□◆◇►▶➢➤✓✔√★☆◎\uF000-\uF0FF]/u;
/** A sentence ends here: a short line ending so is a paragraph's last line. */
const SENTENCE_END = /[。！？!?；;：:…][”’」』）)]*$/u;

/**
 * What kind of block a line starts, judged by itself.
 * @example lineKind({ text: '图 1 数据安全保障体系', size: 10 } as PdfLine, { size: 10, pageSizes: new Map() } as BodyLayout) // 'caption'
 */
export function lineKind(line: PdfLine, layout: Pick<BodyLayout, 'size' | 'pageSizes'>): PdfBlockKind {
  if (line.text.includes('\t')) return 'table';
  if (CAPTION.test(foldToSimplified(line.text)) && Array.from(line.text).length <= MAX_CAPTION && !SENTENCE_END.test(line.text)) return 'caption';
  const size = textSizeAt(line, layout);
  if (size > 0 && line.size >= size * HEADING_SCALE) return 'heading';
  return 'paragraph';
}

/** The margins of a line's column on a page set in columns, else of its page. */
function marginsOf(line: PdfLine, layout: BodyLayout): { left: number; right: number } {
  const column = line.column === undefined ? undefined : layout.columnMargins.get(line.page)?.[line.column];
  return column ?? layout.margins.get(line.page) ?? { left: line.x, right: line.xEnd };
}

/** Whether a line runs to its column's right margin, as a paragraph's lines do before its last. */
function isFull(line: PdfLine, layout: BodyLayout): boolean {
  return line.xEnd >= marginsOf(line, layout).right - SHORT * line.size;
}

/** Whether `next` is the first line of the column after `previous`'s, on the same page. */
function nextColumn(previous: PdfLine, next: PdfLine): boolean {
  return previous.page === next.page && previous.column !== undefined && next.column !== undefined && next.column > previous.column;
}

/** The baseline distance expected between two lines of one block of this size. */
function pitchFor(line: PdfLine, layout: BodyLayout): number {
  if (layout.pitch > 0 && isBodySize(line, layout)) return layout.pitch;
  if (layout.pitch > 0 && layout.size > 0 && Math.abs(line.size - textSizeAt(line, layout)) < 0.6) return (layout.pitch * line.size) / layout.size;
  return line.size * DEFAULT_PITCH;
}

/**
 * Whether `next` hangs under the text of a slide's bullet that opens its block (`first`): right of the bullet by
 * less than the room a bullet and its gap take.
 */
function hangsUnderBullet(first: PdfLine, next: PdfLine, layout: BodyLayout): boolean {
  if (!layout.slides.has(next.page) || first.page !== next.page || !BULLET.test(first.text)) return false;
  return next.x > first.x && next.x <= first.x + HANG * first.size;
}

/**
 * Whether `next` continues the block whose first line is `first` and last `previous`.
 * @example continuesBlock('paragraph', fullLine, fullLine, flushLeftNextLine, layout) // true
 */
function continuesBlock(kind: PdfBlockKind, first: PdfLine, previous: PdfLine, next: PdfLine, layout: BodyLayout): boolean {
  if (kind === 'table' || kind === 'caption' || lineKind(next, layout) !== kind) return false;
  if (Math.abs(previous.size - next.size) > 0.6) return false;
  // A block flows on to the next page or column as it does to the next line, where the line is not told
  // apart by how far it stands.
  const flows = previous.page !== next.page || nextColumn(previous, next);
  if (!flows && (previous.y - next.y <= 0 || previous.y - next.y > pitchFor(next, layout) * GAP)) return false;
  if (previous.page !== next.page && (next.page !== previous.page + 1 || layout.slides.has(previous.page))) return false;
  if (BULLET.test(next.text)) return false;
  // A contents entry is a line of its own, full as it is (`一、2024年工作回顾…………2`).
  if (LEADER_PAGE.test(previous.text) || LEADER_PAGE.test(next.text)) return false;
  if (kind === 'heading') return !flows && !SENTENCE_END.test(previous.text) && !LABEL.test(next.text);
  const { left } = marginsOf(next, layout);
  const { left: previousLeft } = marginsOf(previous, layout);
  if (next.x > left + INDENT * next.size && !hangsUnderBullet(first, next, layout)) return false;
  // A line set right (a signature, a date) or centred ends at the right margin without being full.
  if (flows && previous.x > previousLeft + SET_OFF * previous.size) return false;
  const short = !isFull(previous, layout);
  // A label (`指导单位：…`, `邮箱：…`) opens a line of its own, unless a paragraph's full line runs on into a
  // full line that only opens like one (`…还面临不少困难和问题。` + `主要是：经济…`, set to the margin).
  if (LABEL.test(next.text) && !OPEN_END.test(previous.text) && (short || LABEL.test(first.text) || !isFull(next, layout))) return false;
  if (!short) return true;
  // `Fellow Deputies,`: a short line that ends with a comma and is a paragraph of its own.
  if (isEnglishSalutation(previous.text.trim())) return false;
  return OPEN_END.test(previous.text) || (/[a-z,]$/u.test(previous.text) && /^[a-z]/u.test(next.text)) || nextWouldNotFit(previous, next, layout);
}

/**
 * Whether the first unit of `next` would not have fit in the room `previous` left before the right margin
 * (`pdf-fit.ts`): a line of ragged text that breaks there is not a paragraph's last line.
 */
function nextWouldNotFit(previous: PdfLine, next: PdfLine, layout: BodyLayout): boolean {
  return wouldNotFit({ text: previous.text, size: previous.size, width: previous.xEnd - previous.x }, next, marginsOf(previous, layout).right - previous.xEnd);
}

/** A lone short paragraph line that is numbered like a heading and ends no sentence is a heading. */
function promoteNumbered(block: PdfBlock, layout: BodyLayout): PdfBlock {
  if (block.kind !== 'paragraph' || block.lines.length !== 1) return block;
  const [line] = block.lines;
  if (!isFull(line, layout) && NUMBERED_HEADING.test(foldToSimplified(line.text)) && !SENTENCE_END.test(line.text)) return { kind: 'heading', lines: block.lines };
  return block;
}

/**
 * Group a document's lines (all pages, in reading order, furniture removed) into blocks. Footnotes at a page's
 * foot are blocks of their own, out of the flow (`pdf-footnotes.ts`): a paragraph runs on over them.
 * @example buildBlocks(lines, measureLayout(pages)).map((b) => b.kind) // ['paragraph', 'heading', 'paragraph']
 */
export function buildBlocks(lines: readonly PdfLine[], layout: BodyLayout, rules: ReadonlyMap<number, readonly Rule[]> = new Map()): PdfBlock[] {
  const notes = footnoteLines(lines, layout);
  const body = groupLines(lines.filter((l) => !notes.has(l)), layout);
  const areas = new Map([...rules].map(([page, own]) => [page, ruledAreas(own, MAX_ROW * Math.max(layout.size, 1))]));
  if (notes.size === 0) return alignTables(body, areas);
  const noteBlocks: PdfBlock[] = [];
  for (const line of lines.filter((l) => notes.has(l))) {
    const last = noteBlocks[noteBlocks.length - 1];
    if (last && last.lines[0].page === line.page && !opensNote(line)) last.lines.push(line);
    else noteBlocks.push({ kind: 'note', lines: [line] });
  }
  return alignTables(placeNotes(body, noteBlocks), areas);
}

function groupLines(lines: readonly PdfLine[], layout: BodyLayout): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  let current: PdfBlock | null = null;
  for (const line of lines) {
    const last: PdfLine | undefined = current?.lines[current.lines.length - 1];
    if (current && last && continuesBlock(current.kind, current.lines[0], last, line, layout)) {
      current.lines.push(line);
      continue;
    }
    if (current) blocks.push(promoteNumbered(current, layout));
    current = { kind: lineKind(line, layout), lines: [line] };
  }
  if (current) blocks.push(promoteNumbered(current, layout));
  return blocks;
}

/**
 * Runs of table rows on one page, with the lines that continue their cells (`pdf-table-cells.ts`), joined
 * into rows and aligned on their columns (empty cells kept).
 */
function alignTables(blocks: readonly PdfBlock[], areas: ReadonlyMap<number, readonly RuledArea[]>): PdfBlock[] {
  const out: PdfBlock[] = [];
  for (let k = 0; k < blocks.length; k++) {
    if (blocks[k].kind !== 'table') {
      out.push(blocks[k]);
      continue;
    }
    const run = [blocks[k].lines[0]];
    // A ruled table's lines are all its own, whatever the blocks they fell in (a cell centred beside wrapped ones).
    const area = areas.get(run[0].page)?.find((a) => insideArea(run[0], a)) ?? null;
    const inArea = (block: PdfBlock): boolean => area !== null && block.lines.every((l) => l.page === run[0].page && insideArea(l, area));
    for (let before = out[out.length - 1]; before !== undefined && before.kind !== 'table' && inArea(before); before = out[out.length - 1]) {
      for (let i = before.lines.length - 1; i >= 0; i--) run.unshift(before.lines[i]);
      out.pop();
    }
    let end = k;
    for (let next = blocks[k + 1]; next !== undefined; next = blocks[end + 1]) {
      const inTable =
        next.kind === 'table'
          ? next.lines[0].page === run[0].page
          : inArea(next) || next.lines.every((l, n) => continuesCell([...run, ...next.lines.slice(0, n)], l));
      if (!inTable) break;
      for (const line of next.lines) run.push(line);
      end++;
    }
    const rows = run.length === 1 ? run : alignTableRows(area ? joinRuledRows(run, area) : joinCellLines(run));
    for (const row of rows) out.push({ kind: 'table', lines: [row] });
    k = end;
  }
  return out;
}
