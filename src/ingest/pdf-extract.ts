/**
 * Text items with their positions, page by page, out of a PDF's bytes (Mozilla's PDF.js, loaded only when
 * a PDF is read). CJK text in non-embedded fonts needs the CMaps (`cMapUrl`, `cMapPacked`), or it comes out
 * empty with no error; the standard font data covers the 14 base fonts. The work is bounded by a page limit
 * and a time budget. The only module of the PDF reader that touches a library with side effects.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { createIngestError } from './errors.js';
import { buildLineItems } from './pdf-lines.js';
import { horizontalRules, type Rule, type RuleOps } from './pdf-rules.js';
import { uprightPage, type DrawnItem } from './pdf-rotation.js';

/** One run of text as the PDF draws it: its string, baseline origin and extent, in PDF points. */
export interface PdfItem {
  str: string;
  /** Left edge of the run. */
  x: number;
  /** Baseline, measured up from the bottom of the page. */
  y: number;
  /** Advance width of the run. */
  width: number;
  /** Font size (the text matrix's scale). */
  size: number;
  /** The font's id inside the document (a change of font can mark a heading). */
  font: string;
}

/** One page: its 1-based index, its size and its text items. */
export interface PdfPage {
  index: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** True when the page has no text but paints an image (a scan, a picture of text). */
  imageOnly: boolean;
  /** The horizontal rules the page draws (`pdf-rules.ts`), read only on a page with table rows. */
  rules?: Rule[];
}

/** What was extracted, and what was left out. */
export interface PdfExtraction {
  pages: PdfPage[];
  /** Pages of the file (extraction may stop earlier, see `truncated`). */
  pageCount: number;
  /** Why extraction stopped before the last page, when it did. */
  truncated: string | null;
}

/** Limits against pathological PDFs. */
export interface PdfBounds {
  maxPages: number;
  /** Wall-clock budget for the whole file, in milliseconds. */
  timeBudgetMs: number;
}

/** Default bounds: a long report has a few hundred pages and reads in a few seconds. */
export const DEFAULT_PDF_BOUNDS: PdfBounds = { maxPages: 3000, timeBudgetMs: 120_000 };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | null = null;

/** PDF.js, imported on first use so that nothing else pays for it. */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return loading;
}

/** The CMap and standard font folders of the installed pdfjs-dist (PDF.js on Node reads them as paths). */
function pdfJsAssets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: path.join(root, 'cmaps') + path.sep, standardFontDataUrl: path.join(root, 'standard_fonts') + path.sep };
}

/** The PDF.js operator codes that paint an image. */
function imageOps(pdfjs: PdfJs): Set<number> {
  const { OPS } = pdfjs;
  return new Set([OPS.paintImageXObject, OPS.paintInlineImageXObject, OPS.paintImageMaskXObject, OPS.paintImageXObjectRepeat]);
}

/** The operators `horizontalRules` reads. */
function ruleOps(pdfjs: PdfJs): RuleOps {
  const { OPS } = pdfjs;
  const paints = [OPS.stroke, OPS.closeStroke, OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke];
  return { save: OPS.save, restore: OPS.restore, transform: OPS.transform, constructPath: OPS.constructPath, paints: new Set(paints) };
}

/** A page may hold a ruled table when this many of its lines have cells at least (a row of a table whose other rows wrap may be the only one): only then are its rules read (they cost a second parse). */
const TABLE_LINES = 1;

/** Whether the page's items make table rows (lines with a gap as wide as a table's between two cells). */
function hasTableRows(index: number, items: readonly PdfItem[]): boolean {
  return buildLineItems(index, items).filter((row) => row.line.cells.length > 1).length >= TABLE_LINES;
}

/** A PDF.js failure as an ingest error: encrypted, not a PDF, or broken. */
function openError(error: unknown): Error {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return createIngestError('INGEST_PDF_ENCRYPTED', message);
  return createIngestError('INGEST_PDF_INVALID', message);
}

/**
 * Read every page's text items with their positions. Throws `INGEST_PDF_ENCRYPTED` for a PDF that needs a
 * password and `INGEST_PDF_INVALID` for bytes PDF.js cannot open.
 * @example (await extractPdf(fs.readFileSync('report.pdf'))).pages[0].items[0].str // '各位代表：'
 */
export async function extractPdf(bytes: Uint8Array, bounds: PdfBounds = DEFAULT_PDF_BOUNDS): Promise<PdfExtraction> {
  const started = Date.now();
  const pdfjs = await loadPdfJs();
  // PDF.js may detach the buffer it is given: hand it a copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    ...pdfJsAssets(),
    cMapPacked: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    throw openError(error);
  }
  try {
    const images = imageOps(pdfjs);
    const drawing = ruleOps(pdfjs);
    const pages: PdfPage[] = [];
    let truncated: string | null = null;
    for (let index = 1; index <= doc.numPages; index++) {
      if (index > bounds.maxPages) {
        truncated = `only the first ${bounds.maxPages} of ${doc.numPages} pages were read (page limit)`;
        break;
      }
      if (Date.now() - started > bounds.timeBudgetMs) {
        truncated = `only the first ${index - 1} of ${doc.numPages} pages were read (time limit of ${bounds.timeBudgetMs} ms)`;
        break;
      }
      const page = await doc.getPage(index);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const drawn: DrawnItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, , , x, y] = item.transform as number[];
        drawn.push({ str: item.str, a, b, x, y, width: item.width, font: item.fontName });
      }
      // Text turned on its page (a landscape table on a portrait page) is read in its own frame.
      const [x0, y0, x1, y1] = page.view;
      const upright = uprightPage(drawn, x1 - x0, y1 - y0);
      const items = upright.items;
      const imageOnly = !items.some((i) => i.str.trim() !== '') && (await page.getOperatorList()).fnArray.some((op) => images.has(op));
      let rules: Rule[] | undefined;
      if (hasTableRows(index, items)) {
        const list = await page.getOperatorList();
        rules = horizontalRules(list.fnArray, list.argsArray, drawing, upright.frame);
      }
      const [width, height] = upright.turn === 0 ? [viewport.width, viewport.height] : [upright.width, upright.height];
      pages.push({ index, width, height, items, imageOnly, ...(rules && rules.length > 0 ? { rules } : {}) });
      page.cleanup();
    }
    return { pages, pageCount: doc.numPages, truncated };
  } catch (error) {
    throw openError(error);
  } finally {
    await doc.destroy();
  }
}
