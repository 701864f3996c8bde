/**
 * Chunking: a `SourceDoc` in, its `Passage[]` out. The pipeline, one module a step:
 * lines → line roles (toc, tables, front matter, which a heading marked at the top of a later page ends) →
 * paragraph repair (blocks; a line the source sets as a paragraph of its own stays one) → the signature
 * block under the last paragraph (`signature.ts`) → headings (a heading in two languages is one; one marked by its type
 * placed among the numbered ones, `marked-headings.ts`) and section paths →
 * paragraphs past the hard bound cut → English attached → ids, paragraph numbers, pages.
 * Invariant: the body characters partition into passages: the passages' texts, in order, rebuild the
 * document text without its page furniture (`findPageFurniture`; a PDF reader leaves it out of the text and
 * records it in `SourceDoc.furniture`), whitespace removed; no passage holds a furniture line (a passage that
 * runs across a page break spans its footer, which its text leaves out).
 */

import type { Passage, PassageKind, SourceDoc } from '../model.js';
import { splitLines } from './lines.js';
import { classifyLines } from './classify.js';
import { assembleBlocks, type Block } from './rejoin.js';
import { detectWrapProfile } from './width.js';
import { glossaryUnderAppendix, matchRunInHeading, type Heading } from './headings.js';
import { sectionHeadings } from './bilingual-headings.js';
import { isSalutation, lastOfList, promotedRanks, SectionStack } from './sections.js';
import { cutText, joinLines, textOffsetOf, type TextPiece } from './text.js';
import { DEFAULT_SPLIT, splitPoints, type SplitLimits } from './split.js';
import { assignTranslations, joinTranslatedParagraphs } from './translations.js';
import { markSignature } from './signature.js';
import { startsBody } from './front.js';
import { englishOpeners, markedGroups, markedLines, pageOpeners, placeMarkedHeadings } from './marked-headings.js';
import { createChunkError } from './errors.js';
import { findPageFurniture } from '../ingest/page-furniture.js';
import { pageLocator, pageStartsIn } from './pages.js';

/** Options of chunking; the defaults suit government reports. */
export interface ChunkOptions {
  split?: SplitLimits;
}

/** A passage before it gets its ordinal and id. */
interface Draft {
  kind: PassageKind;
  sectionPath: string[];
  piece: TextPiece;
  /** True for the second and later pieces of a paragraph cut at the hard bound. */
  continued: boolean;
}

/**
 * Cuts a report into passages: whole paragraphs (rejoined across wraps; only one past the hard bound is
 * cut), headings, tables, TOC blocks and front matter, each with its section path, its range in `doc.text`,
 * its paragraph number as a reader counts it (body paragraphs from 1; null for the rest; the pieces of a
 * cut paragraph share one) and, for a paged source, its first and last page.
 * @example chunkDocument(doc)[0] // { id: 'xizang-2024-government-work-report-p0000', kind: 'front', … }
 */
export function chunkDocument(doc: SourceDoc, options: ChunkOptions = {}): Passage[] {
  validate(doc);
  const limits = options.split ?? DEFAULT_SPLIT;
  const lines = splitLines(doc.text);
  const furniture = new Set(findPageFurniture(doc.text).filter((f) => f.text !== '').map((f) => f.start));
  const marked = markedLines(lines, doc.headings);
  const classes = classifyLines(lines, furniture, new Set([...pageOpeners(lines, marked, doc.pages), ...englishOpeners(lines, marked, startsBody)]));
  const wrap = detectWrapProfile(
    lines.filter((line, i) => classes.roles[i] === 'body'),
    lines,
  );
  const items = markedLines(lines, doc.items);
  const notes = markedGroups(lines, doc.notes);
  const blocks = markSignature(joinTranslatedParagraphs(assembleBlocks(lines, classes, wrap, marked, items, notes), doc.translations ?? []));
  const drafts = draftPassages(blocks, limits);
  const english = assignTranslations(
    drafts.map((d) => d.piece),
    doc.translations ?? [],
  );
  const docId = doc.meta.id;
  const pageAt = pageLocator(doc.pages);
  const startsIn = pageStartsIn(doc.pages);
  let paragraph = 0;
  return drafts.map((d, ordinal) => {
    if (d.kind === 'paragraph' && !d.continued) paragraph++;
    const passage: Passage = {
      id: passageId(docId, ordinal),
      docId,
      ordinal,
      kind: d.kind,
      sectionPath: d.sectionPath,
      text: d.piece.text,
      start: d.piece.start,
      end: d.piece.end,
      paragraph: d.kind === 'paragraph' ? paragraph : null,
    };
    const pages = pageAt && startsIn ? pagesOf(pageAt, startsIn, d.piece) : null;
    if (pages) Object.assign(passage, pages);
    const textEn = english[ordinal];
    if (textEn !== undefined) passage.textEn = textEn;
    return passage;
  });
}

/**
 * The id of a passage: the document id and the 0-based ordinal, zero-padded to 4 digits.
 * @example passageId('xizang-2024-government-work-report', 42) // 'xizang-2024-government-work-report-p0042'
 */
export function passageId(docId: string, ordinal: number): string {
  return `${docId}-p${String(ordinal).padStart(4, '0')}`;
}

/**
 * Walks the blocks with a section stack and turns each into one or more drafts. A contents list closes the
 * sections open before it (a foreword's): it lists the body, and stands in none of its sections.
 */
function draftPassages(blocks: readonly Block[], limits: SplitLimits): Draft[] {
  const texts = blocks.map((b) => joinLines(b.lines, b.joiner));
  const headingOf = placeMarkedHeadings(
    sectionHeadings(
      blocks.map((b, k): Heading | null => {
        if (b.kind === 'heading') return b.heading ?? null;
        return b.kind === 'paragraph' ? matchRunInHeading(texts[k].text) : null;
      }),
    ),
  );
  const present = headingOf.filter((h): h is Heading => h !== null);
  const ranks = promotedRanks(present);
  const last = lastOfList(ranks);
  const rankOf = new Map<Heading, number>(present.map((h, k) => [h, ranks[k]]));
  const lastOf = new Map<Heading, boolean>(present.map((h, k) => [h, last[k]]));
  const stack = new SectionStack();
  const drafts: Draft[] = [];
  blocks.forEach((block, k) => {
    const heading = headingOf[k];
    const previous = k > 0 ? headingOf[k - 1] : null;
    if (heading) {
      // A glossary right under a bare 附件 is that appendix's title: inside it, half a rank deeper.
      const under = previous && glossaryUnderAppendix(previous, heading) ? previous : null;
      const rank = under ? (rankOf.get(under) ?? under.rank) + 0.5 : (rankOf.get(heading) ?? heading.rank);
      stack.enter(rank, heading.title, lastOf.get(heading) ?? false);
    } else if (block.kind === 'toc') stack.closeAll();
    else if (block.kind === 'paragraph' && isSalutation(texts[k].text)) stack.closeFinishedLists();
    const sectionPath = stack.path();
    const mapped = texts[k];
    const cuts = block.kind === 'paragraph' ? splitPoints(mapped.text, limits) : [];
    cutText(mapped, cuts).forEach((piece, n) => drafts.push({ kind: block.kind, sectionPath: [...sectionPath], piece, continued: n > 0 }));
  });
  return drafts;
}

/**
 * The first and last page of a range, as cited (`pageLocator`), and where in its text each later page begins; a
 * range that begins on unnumbered front matter and runs into the body begins on the body's first page; null when
 * no page of it has a number.
 */
function pagesOf(pageAt: (offset: number) => number | null, startsIn: (from: number, to: number) => number[], piece: TextPiece): Pick<Passage, 'page' | 'pageEnd' | 'pageBreaks'> | null {
  const first = pageAt(piece.start);
  const last = pageAt(Math.max(piece.start, piece.end - 1));
  const page = first ?? last;
  if (page === null) return null;
  const breaks: Array<[number, number]> = [];
  let current = page;
  for (const start of startsIn(piece.start, piece.end)) {
    const next = pageAt(start);
    const at = textOffsetOf(piece, start);
    if (next === null || next === current || at === null || at === 0) continue;
    breaks.push([at, next]);
    current = next;
  }
  return { page, pageEnd: last ?? page, ...(breaks.length > 0 ? { pageBreaks: breaks } : {}) };
}

function validate(doc: SourceDoc): void {
  if (typeof doc.text !== 'string') throw createChunkError('CHUNK_TEXT_INVALID', doc.meta?.id);
  if (!doc.meta || typeof doc.meta.id !== 'string' || doc.meta.id.trim() === '') {
    throw createChunkError('CHUNK_DOC_ID_MISSING');
  }
  for (const t of doc.translations ?? []) {
    if (!(t.start >= 0 && t.start <= t.end && t.end <= doc.text.length)) {
      throw createChunkError('CHUNK_TRANSLATION_RANGE', `${doc.meta.id} [${t.start}, ${t.end})`);
    }
  }
}
