/**
 * The nouns every stage shares. Dependencies point one way:
 * ingest → text → chunk → index → search → server. This file holds types, and the one list of passage kinds.
 */

/** Every kind of text a passage can be (the query syntax's `kind:` and the API's `kind` take these). */
export const PASSAGE_KINDS = ['paragraph', 'heading', 'table', 'toc', 'front', 'note'] as const;

/** What kind of text a passage is. */
export type PassageKind = (typeof PASSAGE_KINDS)[number];

/** Metadata of one report, from `corpus/manifest.json` or inferred from the report's own text. */
export interface DocMeta {
  /** Stable, URL-safe id, e.g. `xizang-2024-government-work-report`. */
  id: string;
  /** Chinese title. */
  title: string;
  /** English title. */
  titleEn: string;
  /** e.g. `government work report`, `five-year plan`, `plan report`, `gazette`, `resolution`. */
  type: string;
  /** e.g. `Xizang (Tibet) Autonomous Region`, `China (national)`. */
  region: string;
  /** The year the report is for (a work report delivered in Jan 2024 is for 2024). */
  year: number | null;
  /** ISO date delivered or adopted (`2024-01-07`), when known. */
  date: string | null;
  /** Speaker or issuing body, when known. */
  issuer: string | null;
  /** `zh`, `en` or `zh-en` (parallel). */
  language: string;
  /** Path of the source file relative to its corpus folder (for a collection: the collection file). */
  file: string;
  /** `sha256:<hex>` of the source file's bytes (of the record's text for a collection member). */
  checksum: string;
  /** True when the metadata was inferred from the text rather than read from a manifest. */
  inferred?: boolean;
}

/** A parallel English translation attached to a range of `SourceDoc.text` (one Chinese paragraph). */
export interface Translation {
  start: number;
  end: number;
  textEn: string;
}

/** One report as a reader produced it: decoded text plus metadata. Every reader yields this shape. */
export interface SourceDoc {
  meta: DocMeta;
  /** Which reader produced it. */
  format: 'txt' | 'html' | 'docx' | 'doc' | 'csv' | 'xlsx' | 'jsonl' | 'yeartxt' | 'pdf';
  /** Detected or declared encoding of the bytes (`utf-8`, `utf-8-bom`, `utf-16le`, `gb18030`, …). */
  encoding: string;
  /**
   * The report's text. For plain text: the decoded file, verbatim. For structured formats: the extracted
   * text with one block (paragraph, heading, list item, table row with cells joined by tabs) a line.
   */
  text: string;
  /** Parallel English, for bilingual sources. */
  translations?: Translation[];
  /**
   * Lines the source marks as headings by their type alone, not by a number (an HTML `<h1>`–`<h6>`, a paragraph
   * set wholly in bold, a Word paragraph whose runs are all bold, a PDF line set larger than the text): their
   * ranges in `text`. The chunker takes a short one with no sentence in it for a heading
   * (`src/chunk/marked-headings.ts`).
   */
  headings?: TextRange[];
  /**
   * Lines the source sets as paragraphs of their own whether or not they end a sentence (the bullets of a
   * slide), as ranges of `text`: the chunker never joins such a line to the line before or after it.
   */
  items?: TextRange[];
  /**
   * Lines the source sets apart as notes (a PDF's footnotes at a page's foot, a Word document's footnotes and
   * endnotes), as ranges of `text`: each is a passage of kind `note`, joined to nothing and not counted as a
   * paragraph, since a reader counts the body's paragraphs and not the notes under them.
   */
  notes?: TextRange[];
  /**
   * For a paged source (a PDF, or text extracted from one with its page footers): where each page's text
   * starts in `text`, in order. Page furniture (running headers and footers, page numbers) is in no passage:
   * a PDF reader leaves it out of `text`; a .txt keeps it in `text` verbatim, and the chunker skips it.
   */
  pages?: PageSpan[];
  /** The page furniture removed from the text, page by page, for the record. */
  furniture?: Array<{ page: number; text: string }>;
}

/** A range of `SourceDoc.text` (UTF-16 code units, end exclusive). */
export interface TextRange {
  start: number;
  end: number;
}

/** One page of a paged source. */
export interface PageSpan {
  /** 1-based position of the page in the file (the PDF page index). */
  index: number;
  /** Offset in `SourceDoc.text` where the page's text starts (UTF-16 code units). */
  start: number;
  /** The page number printed on the page, when it has one (it may differ from `index`). */
  printed: number | null;
}

/** A citable unit: one paragraph (or heading, table, TOC block, front matter block) of a report. */
export interface Passage {
  /** Stable id: `${docId}-p${ordinal}` with ordinal zero-padded to 4 digits, e.g. `xizang-2024-gwr-p0042`. */
  id: string;
  docId: string;
  /** 0-based position in the document. */
  ordinal: number;
  kind: PassageKind;
  /**
   * Chain of headings above this passage, outermost first (a heading passage's path ends with itself; of a
   * heading printed in two languages, `一、…` and `I. …`, both end with the Chinese one).
   */
  sectionPath: string[];
  /**
   * The passage text: the source lines it covers (page furniture left out), each trimmed of surrounding
   * whitespace, rejoined with nothing between them where either side is CJK or a number or word was cut
   * (`3`+`000`, `6.`+`1%`, `5`+`%`, `（P`+`M2.5）`), one space where Latin words meet; table rows keep their
   * `\n`. Characters inside a line are verbatim.
   */
  text: string;
  /** Parallel English translation, when the source has one. */
  textEn?: string;
  /** Offsets of the covered range in `SourceDoc.text` (UTF-16 code units, end exclusive). */
  start: number;
  end: number;
  /**
   * The paragraph's number as a reader counts it: body paragraphs numbered from the start of the report;
   * null for headings, the title block, contents and front matter.
   */
  paragraph?: number | null;
  /** For a paged source: the page where the passage begins (its printed number, else its index) and ends. */
  page?: number;
  pageEnd?: number;
  /**
   * For a passage that runs over a page break: where in `text` each later page begins, and its number as cited
   * (`[offset, page]`, in order), so an occurrence is cited by its own page.
   */
  pageBreaks?: Array<[number, number]>;
}

/** A warning raised while reading a corpus: names the file and says what to do. */
export interface IngestWarning {
  file: string;
  code: string;
  /** The problem and the fix, in English: `<message>. To fix: <hint>`. */
  message: string;
  /** The problem alone (with its detail), in English and Chinese. */
  messages?: { en: string; zh: string };
  /** How to fix it, in English and Chinese. */
  hints?: { en: string; zh: string };
}
