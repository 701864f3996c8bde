/**
 * Passages as Sphinx rows: the same analyzer terms per field as `indexPassages()` in src/index/build.ts
 * (jieba words, bigrams with run-final singles, heading words, English stems), encoded as ASCII tokens
 * (`term-codec.ts`), plus the attributes filters use. The row id is the passage's position + 1
 * (Sphinx ids start at 1), so a hit maps straight back to the passage's position in the corpus. The
 * passage itself travels in string and integer attributes (its text, English text, section path, match
 * keys), so the cluster, not Node, holds the text: `passageOfRow()` rebuilds the passage from a row.
 */
import type { DocMeta, Passage, PassageKind } from '../../model.js';
import { analyze, phraseKey, wordFieldTerms, wordFieldTokens } from '../../text/analyzer.js';
import type { BackendFilters, StoredPassage } from '../backend.js';
import { decodeStored, encodeStored } from './stored-text.js';
import { fieldText } from './term-codec.js';

/** The order of kind codes stored in the `kind` attribute (code = position + 1). */
export const KIND_CODES: readonly PassageKind[] = ['paragraph', 'heading', 'table', 'toc', 'front', 'note'];

/** One row of the `passages` RT index. */
export interface PassageRow {
  id: number;
  pid: string;
  /** Position + 1 of the passage's document in the corpus's document list. */
  doc: number;
  /** The document's year, 0 when unknown. */
  year: number;
  kind: number;
  words: string;
  bigrams: string;
  heading: string;
  en: string;
  ordinal: number;
  span_start: number;
  span_end: number;
  /** The paragraph number a reader counts (0: none), and the pages of a paged source (0: unpaged). */
  paragraph: number;
  page: number;
  page_end: number;
  /** Where the passage's later pages begin (`Passage.pageBreaks`) as JSON, '' when it runs over no page break. */
  page_breaks: string;
  /** The section path as JSON; this and the texts below are spelled by `encodeStored()`. */
  section: string;
  text: string;
  text_en: string;
  /** Match keys (`phraseKey`) of the text and of the English text ('' when there is none). */
  mkey: string;
  mkey_en: string;
}

/**
 * The two real-time indexes a row is written to, and their columns. `passages` holds what searches match
 * and filter on: an agent ships every attribute of every match to the aggregator (measured at 100x: 54 ms
 * on a shard, 359 ms through the aggregator with the texts beside), so nothing bulky lives there. `texts`
 * holds the passage itself, read by id (its one field, `body`, stays empty).
 */
export const ROW_TABLES = {
  passages: ['id', 'words', 'bigrams', 'heading', 'en', 'pid', 'doc', 'year', 'kind'],
  texts: ['id', 'body', 'pid', 'doc', 'kind', 'ordinal', 'span_start', 'span_end', 'paragraph', 'page', 'page_end', 'page_breaks', 'section', 'text', 'text_en', 'mkey', 'mkey_en'],
} as const;

export type RowTable = keyof typeof ROW_TABLES;

/**
 * The values of a row for one table, in its column order.
 * @example tableValues(row, 'passages')[0] === row.id
 */
export function tableValues(row: PassageRow, table: RowTable): unknown[] {
  return ROW_TABLES[table].map((column) => (column === 'body' ? '' : row[column]));
}

/** The attributes of `texts` a passage is rebuilt from (`passageOfRow()`). */
export const PASSAGE_ATTRIBUTES = 'id, pid, doc, kind, ordinal, span_start, span_end, paragraph, page, page_end, page_breaks, section, text, text_en, mkey, mkey_en';

/** A row plus the passage's distinct word terms (for the completion vocabulary). */
export interface AnalyzedRow {
  row: PassageRow;
  wordTerms: string[];
}

/**
 * The distinct words of a passage's text: what the completion vocabulary counts it under (`wordTerms`).
 * @example passageWords('乡村振兴，乡村振兴') // ['乡村振兴'] (each word once)
 */
export const passageWords = (text: string): string[] => [...new Set(wordFieldTerms(text))];

/** Builds rows for the passages of one corpus; caches the words of section titles, as build.ts does. */
export class RowBuilder {
  private readonly docOrdinals: Map<string, number>;
  private readonly years: Map<string, number | null>;
  private readonly headingWords = new Map<string, string[]>();

  constructor(docs: readonly DocMeta[]) {
    this.docOrdinals = new Map(docs.map((d, i) => [d.id, i + 1]));
    this.years = new Map(docs.map((d) => [d.id, d.year]));
  }

  /**
   * The row of the passage at `index`.
   * @example new RowBuilder(docs).row(passages[0], 0).row.id // 1
   */
  row(passage: Passage, index: number): AnalyzedRow {
    const analyzed = analyze(passage.text);
    const title = passage.sectionPath[passage.sectionPath.length - 1] ?? '';
    let heading = this.headingWords.get(title);
    if (!heading) {
      heading = wordFieldTerms(title);
      this.headingWords.set(title, heading);
    }
    const words = wordFieldTokens(analyzed).map((t) => t.term);
    return {
      row: {
        id: index + 1,
        pid: passage.id,
        doc: this.docOrdinals.get(passage.docId) ?? 0,
        year: this.years.get(passage.docId) ?? 0,
        kind: KIND_CODES.indexOf(passage.kind) + 1,
        words: fieldText('words', words),
        bigrams: fieldText('bigrams', analyzed.bigrams.map((t) => t.term)),
        heading: fieldText('heading', heading),
        en: passage.textEn ? fieldText('en', wordFieldTerms(passage.textEn)) : '',
        ordinal: passage.ordinal,
        span_start: passage.start,
        span_end: passage.end,
        paragraph: passage.paragraph ?? 0,
        page: passage.page ?? 0,
        page_end: passage.pageEnd ?? passage.page ?? 0,
        page_breaks: passage.pageBreaks ? JSON.stringify(passage.pageBreaks) : '',
        section: encodeStored(JSON.stringify(passage.sectionPath)),
        text: encodeStored(passage.text),
        // An empty English text is kept apart from none at all by the key: '' in both cases, so mark it.
        text_en: passage.textEn === undefined ? '' : encodeStored(`=${passage.textEn}`),
        mkey: encodeStored(phraseKey(passage.text)),
        mkey_en: passage.textEn ? encodeStored(phraseKey(passage.textEn)) : '',
      },
      wordTerms: [...new Set(words)],
    };
  }
}

/** Attribute conditions for a query's filters: SphinxQL `WHERE` parts, or null when nothing can match. */
export interface AttributeFilter {
  conditions: string[];
}

/**
 * Translates backend filters into attribute conditions; null when no passage can pass them (an unknown
 * document, a year that is not a positive integer, an unknown kind).
 * @example attributeFilter({ year: 2024 }, new Map()) // { conditions: ['year=2024'] }
 */
export function attributeFilter(filters: BackendFilters, docOrdinals: ReadonlyMap<string, number>): AttributeFilter | null {
  const conditions: string[] = [];
  if (filters.doc !== undefined) {
    const ordinal = docOrdinals.get(filters.doc);
    if (ordinal === undefined) return null;
    conditions.push(`doc=${ordinal}`);
  }
  if (filters.docs !== undefined) {
    const ordinals = filters.docs.flatMap((id) => docOrdinals.get(id) ?? []);
    if (ordinals.length === 0) return null;
    conditions.push(`doc IN (${ordinals.join(',')})`);
  }
  if (filters.year !== undefined) {
    if (!Number.isInteger(filters.year) || filters.year < 1 || filters.year > 0xffffffff) return null;
    conditions.push(`year=${filters.year}`);
  }
  if (filters.kind !== undefined) {
    const code = KIND_CODES.indexOf(filters.kind) + 1;
    if (code === 0) return null;
    conditions.push(`kind=${code}`);
  }
  return { conditions };
}

/**
 * The passage a row of `PASSAGE_ATTRIBUTES` holds, with its position and match keys; `docIds[i]` is the id
 * of the document with ordinal i + 1.
 * @example passageOfRow(row, docIds).passage.text // '推进…'
 */
export function passageOfRow(row: Record<string, unknown>, docIds: readonly string[]): StoredPassage {
  const textEn = String(row.text_en ?? '');
  const passage: Passage = {
    id: String(row.pid ?? ''),
    docId: docIds[Number(row.doc) - 1] ?? '',
    ordinal: Number(row.ordinal),
    kind: KIND_CODES[Number(row.kind) - 1] ?? 'paragraph',
    sectionPath: JSON.parse(decodeStored(String(row.section ?? '[]'))) as string[],
    text: decodeStored(String(row.text ?? '')),
    start: Number(row.span_start),
    end: Number(row.span_end),
    paragraph: Number(row.paragraph) > 0 ? Number(row.paragraph) : null,
  };
  if (Number(row.page) > 0) Object.assign(passage, { page: Number(row.page), pageEnd: Number(row.page_end) });
  const breaks = String(row.page_breaks ?? '');
  if (breaks !== '') passage.pageBreaks = JSON.parse(breaks) as Array<[number, number]>;
  if (textEn !== '') passage.textEn = decodeStored(textEn).slice(1);
  return { index: Number(row.id) - 1, passage, key: decodeStored(String(row.mkey ?? '')), keyEn: decodeStored(String(row.mkey_en ?? '')) };
}
