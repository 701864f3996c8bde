/**
 * Word .docx reports: check the file (size, a real zip, complete, no zip bomb by its declared sizes, a Word
 * document) before anything is inflated, then inflate each member under the cap of its declared size (the
 * sizes may lie), convert it to HTML with mammoth, with the labels of Word's automatic numbering put in
 * front of their paragraphs (`docx-numbering.ts`; mammoth drops them), give its footnotes and endnotes their
 * marks (`docx-notes.ts`), then keep its text blocks exactly as the HTML reader does, so headings and table rows
 * survive as lines.
 */
import mammoth from 'mammoth';
import type { SourceDoc } from '../model.js';
import { checksumOf } from './checksum.js';
import { markNotes } from './docx-notes.js';
import { paragraphLabels, readNumbering, type NumberedParagraph } from './docx-numbering.js';
import { inferDocMeta, titleFromFileName } from './doc-meta.js';
import { createIngestError } from './errors.js';
import { extractBlocks } from './html-blocks.js';
import type { ReadContext, Reader } from './reader.js';
import { checkZipLimits, inspectZip, type ZipEntryInfo } from './zip-guard.js';
import { checkInflatedSizes, memberText } from './zip-inflate.js';

/** Images are dropped from the text anyway: do not inline them as base64. */
const NO_IMAGES = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

/** The part of mammoth's document tree the numbering labels touch. */
interface DocumentNode {
  type: string;
  value?: string;
  children?: DocumentNode[];
}

/** Each paragraph with its Word numbering label, or null when the document has no numbering.xml. */
function numberedParagraphs(bytes: Buffer, entries: ZipEntryInfo[]): NumberedParagraph[] | null {
  const part = (name: string): string | null => memberText(bytes, entries, name);
  const numbering = part('word/numbering.xml');
  const document = numbering === null ? null : part('word/document.xml');
  if (numbering === null || document === null) return null;
  const paragraphs = paragraphLabels(document, readNumbering(numbering, part('word/styles.xml')));
  return paragraphs.some((p) => p.label !== null) ? paragraphs : null;
}

function paragraphsOf(node: DocumentNode, out: DocumentNode[] = []): DocumentNode[] {
  if (node.type === 'paragraph') out.push(node);
  else for (const child of node.children ?? []) paragraphsOf(child, out);
  return out;
}

function textOf(node: DocumentNode): string {
  return node.type === 'text' ? (node.value ?? '') : (node.children ?? []).map(textOf).join('');
}

const squeeze = (text: string): string => text.replace(/\s+/g, '');

/**
 * Put each label in front of its paragraph, as text (no run: it takes no formatting). Mammoth's paragraphs are matched to
 * document.xml's one to one, in order; when their number or any one's text differs, nothing is labelled.
 */
function labelParagraphs(document: DocumentNode, labels: NumberedParagraph[]): DocumentNode {
  const paragraphs = paragraphsOf(document);
  if (paragraphs.length !== labels.length || paragraphs.some((p, i) => squeeze(textOf(p)) !== squeeze(labels[i].text))) return document;
  paragraphs.forEach((paragraph, i) => {
    const label = labels[i].label;
    if (label !== null) paragraph.children?.unshift({ type: 'text', value: label });
  });
  return document;
}

/**
 * Convert .docx bytes to HTML after the safety checks (`INGEST_TOO_LARGE`, `INGEST_NOT_ZIP`,
 * `INGEST_DOCX_TRUNCATED`, `INGEST_ZIP_BOMB`, `INGEST_DOCX_INVALID`).
 * @example (await docxToHtml(fs.readFileSync('a.docx'), DEFAULT_LIMITS)).startsWith('<p>') // true
 */
async function docxToHtml(bytes: Buffer, limits: ReadContext['limits']): Promise<string> {
  if (bytes.length === 0) throw createIngestError('INGEST_EMPTY');
  if (bytes.length > limits.maxFileBytes) throw createIngestError('INGEST_TOO_LARGE', `${bytes.length} bytes (limit ${limits.maxFileBytes})`);
  const entries = inspectZip(bytes);
  checkZipLimits(entries, limits);
  if (!entries.some((e) => e.name === 'word/document.xml')) {
    throw createIngestError('INGEST_DOCX_INVALID', 'the zip has no word/document.xml, so it is not a Word document');
  }
  checkInflatedSizes(bytes, entries);
  const labels = numberedParagraphs(bytes, entries);
  try {
    const numbering = labels === null ? {} : { transformDocument: (document: DocumentNode) => labelParagraphs(document, labels) };
    const result = await mammoth.convertToHtml({ buffer: bytes }, { externalFileAccess: false, convertImage: NO_IMAGES, ...numbering });
    return result.value;
  } catch (error) {
    throw createIngestError('INGEST_DOCX_INVALID', error instanceof Error ? error.message : String(error));
  }
}

/**
 * Read one .docx report.
 * @example (await readDocx(fs.readFileSync('2025年西藏政府工作报告.docx'), ctx))[0].meta.year // 2025
 */
export async function readDocx(bytes: Buffer, ctx: ReadContext): Promise<SourceDoc[]> {
  const { text, headings, notes } = extractBlocks(markNotes(await docxToHtml(bytes, ctx.limits)), 'none');
  if (text.trim() === '') throw createIngestError('INGEST_EMPTY', 'the document has no text');
  const meta = inferDocMeta(text, { file: ctx.file, checksum: checksumOf(bytes), fallbackTitle: titleFromFileName(ctx.file) });
  return [{ meta, format: 'docx', encoding: 'utf-8', text, ...(headings.length > 0 ? { headings } : {}), ...(notes.length > 0 ? { notes } : {}) }];
}

/** The .docx reader. */
export const docxReader: Reader = { format: 'docx', read: readDocx };
