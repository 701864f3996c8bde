/**
 * The one place that says what the index holds: its fields, their boosts, and the files of a generation.
 * Index and query both go through `analyze()` (src/text/analyzer.ts); the index stores the analyzer's terms
 * as they come, and never normalizes anything itself.
 *
 *   words    jieba words, Latin words (stemmed), Tibetan syllables… of the passage text
 *   bigrams  character bigrams and run-final characters of the match text (the recall net for phrases)
 *   heading  words of the passage's own section heading
 *   en       words of the parallel English translation
 */
import type { IndexField } from './backend.js';

/** Bumped whenever the layout of the saved index or the chunking it holds changes (4: flat binary postings
 * instead of MiniSearch JSON; 5: the corpus JSON and the terms in UTF-16, which decode without transcoding;
 * 6: whole paragraphs as passages, with paragraph numbers, pages and tables' empty cells; 7: headings marked by
 * bold, a heading tag or a PDF's type size, signature blocks, unnumbered front pages, ruled PDF tables' cells of
 * several lines, and the readers' and chunker's fixes of the three ingestion audits before, which an index built
 * by earlier code does not hold; 8: slide decks exported to PDF read slide by slide, a contents list in no section,
 * a page number printed a tab away from its footer's text; 9: notes (a PDF's footnotes, a Word document's footnotes
 * and endnotes, a text's closing notes) as passages of kind note, unnumbered, a merged table cell's row kept on its
 * grid, a glossary under a bare 附件 inside it, a dateline set as a sentence in the title block, an HTML page's tools
 * left out, two-column PDF pages' notes, tables and short runs, a text wrapped at a number of characters, a title set
 * over several lines; 10: a PDF's justified lines, whose stretched gaps were read as table cells, read as text, and an
 * English PDF paragraph run on into a line that opens with a lower-case word and a colon; 11: PDF pages set in three
 * columns or more read column by column, a newspaper page's blocks read block by block, a table inside one column kept
 * in it, a last column of one or two lines read as a column; 12: a PDF paragraph's full line run on into a full line that
 * opens like a label, `主要是：…`, ragged text's paragraphs kept whole, a PDF's space glyph between Chinese text and its marks left
 * out, and where a passage's later pages begin; 13: PDF pages set in ragged-right columns read column by column, a
 * number such as `11.2%` at a line's head kept whole and Latin measured as its font sets it when judging whether it would
 * have fit on the line before, the line pitch measured as the mean of baselines rounded apart, a paragraph's spacing
 * of a fifth of a line enough to part it, Word 97–2003 .doc files read where they were skipped, and a
 * ruled PDF table's rows read between its rules, and a page's turned text read upright; 14: the last page of a PDF
 * set in two columns read in the columns of the pages before, a web page's header and footer as a word processor
 * saves them, page number and all, left out, and a report in traditional characters cut as its simplified text is:
 * its contents page, boxed tables, dateline and page numbers found, and an English report's speaker as its issuer; 15: a
 * district's or city's report whose title names its place in full (`2024年北京市海淀区政府工作报告`) of that place, not of
 * the province its name begins with, nor `unknown` without a dateline). */
export const INDEX_FORMAT_VERSION = 15;

export const INDEX_FIELDS: IndexField[] = ['words', 'bigrams', 'heading', 'en'];

/** Relative weights of the fields in ranking. Headings count most; bigrams are for recall. */
export const FIELD_BOOSTS: Record<IndexField, number> = { words: 2, bigrams: 1, heading: 3, en: 1.5 };


/** The documents and passages, as JSON. */
export const CORPUS_FILE = 'corpus.json';
/** Every field's postings, binary (`postings-file.ts`). */
export const POSTINGS_FILE = 'postings.bin';
