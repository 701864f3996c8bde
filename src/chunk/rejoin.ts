/**
 * Paragraph repair: rebuilding paragraphs that page breaks, newspaper columns or PDF line wraps cut into
 * several lines, and telling them apart from headings. The evidence:
 * - a line that does not end a sentence (。！？；：) continues on the next body line, whatever lies
 *   between (blank lines, a page number), provided it reads like prose, is already inside a paragraph,
 *   or the next line opens mid-sentence (`、法规`); a short bare line (`关于外交工作`) stands alone, and so
 *   does an English salutation (`Fellow Deputies,`);
 * - in a document hard-wrapped at a fixed width, a line that ends a sentence exactly at the margin
 *   continues too when the next line is full at the continuation width (an indented first line of a
 *   new paragraph is shorter), or is a short tail after a full continuation line;
 * - a heading line never takes the next line, unless it is itself cut at the wrap margin; and a heading
 *   line after a line cut mid-sentence still starts a section when its number continues the sequence;
 * - a line of only invisible characters (a lone zero-width space) goes with its neighbours;
 * - in a document that is not hard-wrapped, a line numbered one more than the line before it (`附件：1.…pdf`,
 *   `2.…docx`; `list-items.ts`) is not joined to it: it starts a new item, a paragraph when the item before
 *   it is one;
 * - a line the source marks as a heading by its type (bold, `<h3>`: `marked-headings.ts`) that reads as one
 *   is a heading block of its own, never joined to a line before or after it; a line the source sets as a
 *   paragraph of its own (a slide's bullet, `SourceDoc.items`) is never joined either.
 */

import type { Line } from './lines.js';
import type { LineClassification, Region } from './classify.js';
import { endsSentence, isInvisible, looksLikeProse, startsMidSentence } from './punctuation.js';
import { HEADING_PATTERNS, matchRunInHeading, matchStandaloneHeading, type Heading } from './headings.js';
import type { WrapProfile } from './width.js';
import { continuesWrapped, cutsNumber, type LineGap } from './wrapped.js';
import { groupTocLines } from './toc.js';
import { isEnglishSalutation } from '../ingest/english-salutation.js';
import { startsNextItem } from './list-items.js';
import { markedHeading } from './marked-headings.js';
import type { Joiner } from './text.js';
import { joinLines } from './text.js';

/** A run of source lines that becomes one passage (or several, when a long paragraph is split). */
export interface Block {
  kind: 'paragraph' | 'heading' | 'table' | 'toc' | 'front' | 'note';
  lines: Line[];
  joiner: Joiner;
  /** For a heading block: the heading. */
  heading?: Heading;
}

/**
 * Whether `next` continues the paragraph whose lines so far are `lines` (body lines only); `gap` says
 * whether a blank line stands between them. A hard-wrapped document follows `continuesWrapped`.
 * @example continuesParagraph([line('现在，我代表…列席的同')], line('志提出意见。'), null) // true
 */
function continuesParagraph(lines: readonly Line[], next: Line, wrap: WrapProfile | null, gap: LineGap = { blank: false }): boolean {
  const previous = lines[lines.length - 1];
  const previousIsFirst = lines.length === 1;
  if (isInvisible(next.text) || (previousIsFirst && isInvisible(previous.text))) return true;
  if (wrap !== null) return continuesWrapped(lines, next, wrap, gap);
  if (previousIsFirst && (matchStandaloneHeading(previous.text) || isEnglishSalutation(previous.text))) return false;
  if (cutsNumber(previous.text, next.text)) return true;
  if (endsSentence(previous.text)) return false;
  return !previousIsFirst || looksLikeProse(previous.text) || startsMidSentence(next.text);
}

/**
 * Whether a heading line that follows a line cut mid-sentence starts a new section all the same: only
 * in a document that is not hard-wrapped, for a non-arabic style (一、 （一） 第X章), and only when its
 * number starts its style's sequence or follows the last one seen (`seen`: style → last number).
 * @example isSequelHeading(line('二、深化“一老一小”关爱服务'), new Map([['一、', 1]]), null) // true
 */
function isSequelHeading(next: Line, seen: ReadonlyMap<string, number>, wrap: WrapProfile | null): boolean {
  if (wrap !== null) return false;
  const h = matchStandaloneHeading(next.text);
  if (!h || h.number === null || WEAK_STYLES.has(h.style)) return false;
  const last = seen.get(h.style);
  return h.number === 1 || (last !== undefined && h.number === last + 1);
}

const WEAK_STYLES: ReadonlySet<string> = new Set(HEADING_PATTERNS.filter((p) => p.weak).map((p) => p.style));

/** The body block being built: its body lines, all its lines (page lines inside it too), and whether it is a list item. */
interface OpenBlock {
  body: Line[];
  all: Line[];
  /** A list item split from the paragraph before it (`list-items.ts`): a paragraph, whatever its text looks like. */
  item: boolean;
  /** A note the source sets apart (`SourceDoc.notes`): a block of its own, kind note; the index of its range. */
  note?: number;
}

/**
 * Builds the blocks of a document in order: toc, table and front regions as they are; body lines
 * rejoined into paragraphs and headings; page-number lines inside a paragraph that runs across them
 * stay in it, others become front blocks. `marked` holds the indexes of the lines the source marks as
 * headings by their type (`markedLines`), `items` those it sets as paragraphs of their own (`SourceDoc.items`),
 * `notes` those it sets apart as notes (`SourceDoc.notes`, each line with the index of its note: a note is a
 * block of its own, joined to nothing else; the lines of one note wrapped over several lines make one block).
 * @example assembleBlocks(lines, classifyLines(lines), null).map((b) => b.kind) // ['front', 'paragraph', …]
 */
export function assembleBlocks(
  lines: readonly Line[],
  classes: LineClassification,
  wrap: WrapProfile | null,
  marked: ReadonlySet<number> = new Set(),
  items: ReadonlySet<number> = new Set(),
  notes: ReadonlyMap<number, number> = new Map(),
): Block[] {
  const blocks: Block[] = [];
  const headingOf = (line: Line): Heading | null => (marked.has(line.index) ? markedHeading(line.text) : null);
  const regionAt = new Map<number, Region>(classes.regions.map((r) => [r.first, r]));
  let open: OpenBlock | null = null;
  let pending: Line[] = [];
  // Blank lines before and after page furniture: a blank on one side only is a paragraph break.
  const gap = { blank: false, furniture: false, blankAfterFurniture: false };
  const seen = new Map<string, number>();
  const close = (): Block | null => {
    let block: Block | null = null;
    if (open) {
      const markedAs = open.body.length === 1 ? headingOf(open.body[0]) : null;
      if (open.note !== undefined) block = { kind: 'note', lines: open.all, joiner: 'prose' };
      else if (open.item) block = { kind: 'paragraph', lines: open.all, joiner: 'prose' };
      else block = markedAs ? { kind: 'heading', lines: open.all, joiner: 'prose', heading: markedAs } : bodyBlock(open.body, open.all);
      const heading = block.heading ?? (block.kind === 'paragraph' ? matchRunInHeading(open.body[0].text) : null);
      if (heading && heading.number !== null) seen.set(heading.style, heading.number);
      blocks.push(block);
    }
    open = null;
    return block;
  };
  const flushPending = (): void => {
    for (const line of pending) blocks.push({ kind: 'front', lines: [line], joiner: 'rows' });
    pending = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const role = classes.roles[i];
    if (role === 'blank' || role === 'furniture') {
      if (role === 'furniture' && !gap.furniture) gap.blankAfterFurniture = false;
      gap.furniture ||= role === 'furniture';
      if (role === 'blank' && gap.furniture) gap.blankAfterFurniture = true;
      else if (role === 'blank') gap.blank = true;
      continue;
    }
    if (role === 'page') {
      pending.push(lines[i]);
      continue;
    }
    if (role !== 'body') {
      const region = regionAt.get(i);
      if (!region) continue;
      close();
      flushPending();
      for (const block of regionBlocks(lines, region, classes.roles)) blocks.push(block);
      i = region.last;
      continue;
    }
    const line = lines[i];
    const current: OpenBlock | null = open;
    const blank = gap.furniture ? gap.blank !== gap.blankAfterFurniture : gap.blank;
    const between: LineGap = { blank, after: wrap === null ? null : nextBody(lines, classes, i) };
    Object.assign(gap, { blank: false, furniture: false, blankAfterFurniture: false });
    if (current !== null && current.note !== undefined && current.note === notes.get(line.index)) {
      for (const held of pending) current.all.push(held);
      current.all.push(line);
      current.body.push(line);
      pending = [];
      continue;
    }
    const alone =
      headingOf(line) !== null ||
      items.has(line.index) ||
      notes.has(line.index) ||
      (current !== null && current.body.length === 1 && headingOf(current.body[0]) !== null) ||
      (current !== null && (items.has(current.body[current.body.length - 1].index) || current.note !== undefined));
    const continues = current !== null && !alone && continuesParagraph(current.body, line, wrap, between) && !isSequelHeading(line, seen, wrap);
    const item = current !== null && continues && wrap === null && startsNextItem(current.body[current.body.length - 1].text, line.text);
    if (current && continues && !item) {
      for (const held of pending) current.all.push(held);
      current.all.push(line);
      current.body.push(line);
      pending = [];
    } else {
      const closed = close();
      flushPending();
      const next: OpenBlock = { body: [line], all: [line], item: item && closed?.kind === 'paragraph', ...(notes.has(line.index) ? { note: notes.get(line.index) } : {}) };
      open = next;
    }
  }
  close();
  flushPending();
  return blocks;
}

/** The first body line after line i, if any. */
function nextBody(lines: readonly Line[], classes: LineClassification, i: number): Line | null {
  for (let k = i + 1; k < lines.length; k++) {
    const role = classes.roles[k];
    if (role === 'body') return lines[k];
    if (role !== 'blank' && role !== 'furniture' && role !== 'page') return null;
  }
  return null;
}

/** A paragraph, or a heading when its text is a standalone heading. */
function bodyBlock(body: readonly Line[], all: Line[]): Block {
  const first = body[0];
  const firstHeading = matchStandaloneHeading(first.text);
  if (firstHeading) {
    const heading = body.length === 1 ? firstHeading : matchStandaloneHeading(joinLines(all, 'prose').text);
    if (heading) return { kind: 'heading', lines: all, joiner: 'prose', heading };
  }
  return { kind: 'paragraph', lines: all, joiner: 'prose' };
}

/** The blocks of a toc, table or front region (without the furniture inside it). */
function regionBlocks(lines: readonly Line[], region: Region, roles: LineClassification['roles']): Block[] {
  const covered = lines.slice(region.first, region.last + 1).filter((line) => line.text !== '' && roles[line.index] !== 'furniture');
  if (region.kind === 'toc') {
    return groupTocLines(covered).map((group) => ({ kind: 'toc', lines: group, joiner: 'rows' }));
  }
  return [{ kind: region.kind, lines: covered, joiner: 'rows' }];
}
