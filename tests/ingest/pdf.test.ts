import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceDoc } from '../../src/model.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { isIngestError } from '../../src/ingest/errors.js';
import { extractPdf, type PdfExtraction, type PdfItem } from '../../src/ingest/pdf-extract.js';
import { buildLines, closeUpMarks, type PdfLine } from '../../src/ingest/pdf-lines.js';
import { isGarbled } from '../../src/ingest/pdf-garbled.js';
import { readPdf } from '../../src/ingest/pdf.js';
import { pickReader } from '../../src/ingest/readers.js';
import { testContext } from './helpers.js';
import { buildPdf, IMAGE_CONTENT, textContent } from './pdf-builder.js';
import { describeWithShared, sharedPath } from '../shared-data.js';

const pdfDir = sharedPath('pdf');
const BEIJING = 'beijing_2024_government_work_report.pdf';
const WHITE_PAPER = 'beijing_autonomous_driving_demo_zone_data_classification_whitepaper_2022.pdf';
const PROBE = 'synthetic/cmap_probe_UniGB-UCS2-H.pdf';
/** Digests of the text, pages and furniture the reader gave the real PDFs before two-column pages were read. */
const SINGLE_COLUMN_DIGESTS_FILE = path.join(import.meta.dirname, 'pdf-single-column-digests.json');
const bytesOf = (file: string): Buffer => readFileSync(path.join(pdfDir, file));
const hanCount = (text: string): number => (text.match(/\p{Script=Han}/gu) ?? []).length;

interface Read {
  doc: SourceDoc;
  warnings: Array<{ code: string; detail: string }>;
  raw: PdfExtraction;
}

async function read(file: string): Promise<Read> {
  const ctx = testContext(file);
  const [doc] = await readPdf(bytesOf(file), ctx);
  return { doc, warnings: ctx.warnings, raw: await extractPdf(bytesOf(file)) };
}

/** Share of the Han characters PDF.js finds on the pages (furniture aside) that the text keeps. */
function hanCoverage({ doc, raw }: Read): number {
  const onPages = raw.pages.reduce((n, p) => n + hanCount(p.items.map((i) => i.str).join('')), 0);
  const furniture = (doc.furniture ?? []).reduce((n, f) => n + hanCount(f.text), 0);
  return hanCount(doc.text) / (onPages - furniture);
}

/** The paragraphs of the text (lines with a sentence of Han in them). */
const paragraphsOf = (doc: SourceDoc): string[] => doc.text.split('\n').filter((l) => hanCount(l) >= 20 && /[。！？]/u.test(l));

/** The page span a text offset falls in. */
function pageAt(doc: SourceDoc, offset: number): number {
  const spans = doc.pages ?? [];
  return [...spans].reverse().find((p) => p.start <= offset)?.index ?? 0;
}

describeWithShared('pdf', 'the PDF reader on real PDFs', () => {
  let beijing: Read;
  let whitePaper: Read;
  beforeAll(async () => {
    [beijing, whitePaper] = await Promise.all([read(BEIJING), read(WHITE_PAPER)]);
  });

  describe('the PDF reader on the CMap probe', () => {
    it('reads CJK text in a non-embedded font through its CMap', async () => {
      const [doc] = await readPdf(bytesOf(PROBE), testContext(PROBE));
      expect(doc.text).toBe('政府工作报告');
      expect(doc.format).toBe('pdf');
    });
  });

  describe('the PDF reader on the Beijing 2024 government work report', () => {
    it('has a title, a year, 13 pages and its paragraphs', () => {
      const { doc } = beijing;
      expect(doc.meta).toMatchObject({ title: '2024年北京市政府工作报告', year: 2024, type: 'government work report', region: 'Beijing Municipality' });
      expect(doc.pages?.map((p) => p.index)).toEqual(Array.from({ length: 13 }, (_, k) => k + 1));
      expect(doc.pages?.every((p) => p.printed === null)).toBe(true);
      expect(doc.furniture).toEqual([]);
      expect(paragraphsOf(doc).length).toBeGreaterThan(70);
      expect(doc.text.split('\n').slice(0, 3)).toEqual(['各位代表：', '现在，我代表北京市人民政府，向大会报告政府工作，请予审议，并请市政协委员提出意见。', '一、2023 年工作回顾']);
    });

    it('keeps at least 98% of the Han characters on its pages', () => {
      expect(hanCoverage(beijing)).toBeGreaterThanOrEqual(0.98);
      expect(hanCoverage(beijing)).toBeLessThanOrEqual(1);
    });

    it('finds every phrase that runs across a page break whole in one line, on the page where it starts', () => {
      const { doc, raw } = beijing;
      const pages = raw.pages.map((p) => buildLines(p.index, p.items));
      let checked = 0;
      for (let k = 0; k + 1 < pages.length; k++) {
        const last = pages[k][pages[k].length - 1];
        const first = pages[k + 1][0];
        // A page that ends a paragraph, or a next page that starts one (indented), has no phrase across.
        if (/[。！？：]$/u.test(last.text) || first.x > pages[k + 1].map((l) => l.x).sort((a, b) => a - b)[0] + 5) continue;
        const phrase = last.text.replace(/\s/gu, '').slice(-4) + first.text.replace(/\s/gu, '').slice(0, 4);
        const offset = indexIgnoringSpaces(doc.text, phrase);
        expect(offset, phrase).toBeGreaterThanOrEqual(0);
        expect(pageAt(doc, offset), phrase).toBe(k + 1);
        expect(pageAt(doc, offset + spanIgnoringSpaces(doc.text, offset, phrase) - 1), phrase).toBe(k + 2);
        checked++;
      }
      expect(checked).toBe(4); // pages 3, 4, 6 and 8 end inside a paragraph
    });

    it('finds every phrase that runs across a line wrap whole in one line', () => {
      const { doc, raw } = beijing;
      let checked = 0;
      for (const page of raw.pages) {
        const lines: PdfLine[] = buildLines(page.index, page.items);
        const margin = Math.min(...lines.map((l) => l.x));
        for (let k = 0; k + 1 < lines.length; k++) {
          if (lines[k + 1].x > margin + 5) continue; // the next line starts a paragraph
          const phrase = lines[k].text.replace(/\s/gu, '').slice(-3) + lines[k + 1].text.replace(/\s/gu, '').slice(0, 3);
          expect(indexIgnoringSpaces(doc.text, phrase), phrase).toBeGreaterThanOrEqual(0);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(300);
    });
  });

  describe('the PDF reader on the autonomous-driving white paper', () => {
    it('has a title that is not the PDF metadata, the year of its cover, and pages numbered as printed', () => {
      const { doc } = whitePaper;
      expect(doc.meta.title).not.toMatch(/PowerPoint|演示文稿|未命名/u);
      expect(doc.meta.title.length).toBeGreaterThan(5);
      expect(doc.meta.year).toBe(2022);
      expect(doc.pages).toHaveLength(40);
      expect(doc.pages?.find((p) => p.printed === 7)?.index).toBe(12);
      expect(doc.furniture?.find((f) => f.page === 12)?.text).toBe('7');
    });

    it('keeps at least 98% of the Han characters on its pages', () => {
      expect(hanCoverage(whitePaper)).toBeGreaterThanOrEqual(0.98);
      expect(hanCoverage(whitePaper)).toBeLessThanOrEqual(1);
    });

    it('repairs letter-spaced justified lines and keeps paragraphs whole across pages', () => {
      const { doc } = whitePaper;
      expect(doc.text).toContain('2020年3月，国家市场监督总局与国家标准化管理委员会发布了国家推荐标准');
      expect(doc.text).not.toMatch(/\p{Script=Han} \p{Script=Han} \p{Script=Han}/u);
      // Page 12 ends inside a paragraph that page 13 finishes.
      expect(doc.text).toContain('同时依据信息敏感程度，以及信息滥用或泄露的危害严重性将用户个人信息的敏感程度划分为');
      expect(paragraphsOf(doc).length).toBeGreaterThan(60);
    });

    it('warns that page 40 is an image without text, naming the file', () => {
      expect(whitePaper.warnings).toEqual([{ code: 'INGEST_PDF_NO_TEXT', detail: `${WHITE_PAPER}: page 40 of 40` }]);
    });
  });

  describe('the two real PDFs, set in one column', () => {
    it('read exactly as before pages set in two columns were read in column order', () => {
      const expected = JSON.parse(readFileSync(SINGLE_COLUMN_DIGESTS_FILE, 'utf8')) as Record<string, string>;
      for (const [file, { doc }] of [[BEIJING, beijing], [WHITE_PAPER, whitePaper]] as const) {
        const read = JSON.stringify({ text: doc.text, pages: doc.pages, furniture: doc.furniture });
        expect(createHash('sha256').update(read).digest('hex'), file).toBe(expected[file]);
      }
    });
  });

  describe('PDFs that are partly or wholly images, or too long', () => {
    it('refuses a PDF whose pages are all images with a coded error', async () => {
      const error = await readPdf(buildPdf([IMAGE_CONTENT, IMAGE_CONTENT]), testContext('scan.pdf')).catch((e: unknown) => e);
      expect(isIngestError(error, 'INGEST_PDF_NO_TEXT')).toBe(true);
      expect((error as Error).message).toContain('scan.pdf');
    });

    it('reads the pages with text and warns naming the pages without, a blank page aside', async () => {
      const ctx = testContext('mixed.pdf');
      const pdf = buildPdf([textContent('Report on the Work of the Government'), IMAGE_CONTENT, '', IMAGE_CONTENT, IMAGE_CONTENT, textContent('Thank you.')]);
      const [doc] = await readPdf(pdf, ctx);
      expect(doc.text).toBe('Report on the Work of the Government\nThank you.');
      expect(doc.pages?.map((p) => p.start)).toEqual([0, 37, 37, 37, 37, 37]);
      expect(ctx.warnings).toEqual([{ code: 'INGEST_PDF_NO_TEXT', detail: 'mixed.pdf: pages 2, 4-5 of 6' }]);
    });

    it('names the pages whose text does not decode to readable text, and reads the others', async () => {
      // 政府工作报告… in GBK bytes shown in a standard font: the glyphs of other characters (ÕþÍø…), as a PDF whose
      // font has no map to Unicode gives them.
      const gbk = iconv.encode('政府工作报告各位代表现在我代表市人民政府向大会报告工作', 'gbk').toString('latin1').replace(/[()\\]/g, '');
      const ctx = testContext('garbled.pdf');
      const [doc] = await readPdf(buildPdf([textContent(gbk), textContent(gbk, 120), textContent('Report on the Work of the Government of Beijing Municipality, delivered in January.')]), ctx);
      expect(ctx.warnings).toEqual([{ code: 'INGEST_PDF_GARBLED', detail: 'garbled.pdf: pages 1-2 of 3' }]);
      expect(doc?.text).toContain('Report on the Work of the Government');
    });

    it('finds no garbled page in real reports, in Chinese or English', () => {
      expect(isGarbled('政府工作报告各位代表现在我代表市人民政府向大会报告工作，请予审议。'.repeat(4))).toBe(false);
      expect(isGarbled('The company Société Générale and the café in Zürich grew by 5% (€12 million) ×2. '.repeat(2))).toBe(false);
      expect(isGarbled('\uE001\uE002\uE003\uE004\uE005'.repeat(5))).toBe(true);
    });

    it('stops at the page limit and says so', async () => {
      const ctx = testContext('long.pdf');
      const pdf = buildPdf(['One.', 'Two.', 'Three.'].map((t) => textContent(t)));
      const [doc] = await readPdf(pdf, ctx, { maxPages: 2, timeBudgetMs: 60_000 });
      expect(doc.pages?.map((p) => p.index)).toEqual([1, 2]);
      expect(doc.text).toMatch(/^One\.\s+Two\.$/u);
      expect(ctx.warnings).toEqual([{ code: 'INGEST_PDF_TRUNCATED', detail: 'long.pdf: only the first 2 of 3 pages were read (page limit)' }]);
    });
  });

  describe('PDFs in a corpus folder', () => {
    let dir = '';
    beforeAll(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'pdf-corpus-'));
      for (const file of [BEIJING, WHITE_PAPER]) copyFileSync(path.join(pdfDir, file), path.join(dir, file));
      copyFileSync(path.join(pdfDir, BEIJING), path.join(dir, 'broken.pdf'));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('picks the PDF reader for .pdf files', () => {
      expect(pickReader('Report.PDF', bytesOf(BEIJING))?.format).toBe('pdf');
    });

    it('reads them, and turns an unreadable PDF into a warning naming it', async () => {
      const { writeFileSync } = await import('node:fs');
      writeFileSync(path.join(dir, 'broken.pdf'), '%PDF-1.7\nnot really a PDF\n');
      const { docs, warnings } = await readCorpus([dir]);
      expect(docs.map((d) => d.format)).toEqual(['pdf', 'pdf']);
      expect(warnings.find((w) => w.code === 'INGEST_PDF_INVALID')?.file).toBe(path.join(dir, 'broken.pdf'));
      expect(warnings.find((w) => w.code === 'INGEST_PDF_NO_TEXT')?.message).toContain('page 40 of 40');
    });

    it('refuses bytes without a PDF header with a coded error', async () => {
      const error = await readPdf(Buffer.from('<html>not a pdf</html>'), testContext('fake.pdf')).catch((e: unknown) => e);
      expect(isIngestError(error, 'INGEST_PDF_INVALID')).toBe(true);
    });
  });

  /** Spaces and tabs inside a line (a line break is never ignored: a phrase must be inside one line). */
  const INLINE_SPACE = /[^\S\n]/u;

  /** Offset in `text` where `phrase` starts, inside one line, when spaces in `text` are ignored; -1 when absent. */
  function indexIgnoringSpaces(text: string, phrase: string): number {
    const kept: number[] = [];
    let squeezed = '';
    for (let i = 0; i < text.length; i++) {
      if (INLINE_SPACE.test(text[i])) continue;
      kept.push(i);
      squeezed += text[i];
    }
    const at = squeezed.indexOf(phrase);
    return at < 0 ? -1 : kept[at];
  }

  /** Length in `text`, from `offset`, of `phrase` with the spaces inside it. */
  function spanIgnoringSpaces(text: string, offset: number, phrase: string): number {
    let matched = 0;
    let i = offset;
    while (matched < phrase.length && i < text.length) {
      if (!INLINE_SPACE.test(text[i])) matched++;
      i++;
    }
    return i - offset;
  }
}, { tags: ['slow'] });

describe('a report in English printed to PDF', () => {
  const line = (text: string, size: number, y: number): string => `BT /F1 ${size} Tf 20 ${y} Td (${text}) Tj ET`;

  it('takes its year, date and place from its dateline and opening, not the year in its file name', async () => {
    const page = [
      line('Report on the Work of the Government', 18, 170),
      line("Delivered at the Second Session of the 14th National People's Congress on March 5, 2024", 10, 140),
      line('Fellow Deputies,', 10, 120),
      line('On behalf of the State Council, I will now report to you on the work of the government', 10, 100),
      line('for your deliberation.', 10, 88),
    ].join('\n');
    const [doc] = await readPdf(buildPdf([page]), testContext('reports/report_2023.pdf'));
    expect(doc.meta).toMatchObject({ title: 'Report on the Work of the Government', year: 2024, date: '2024-03-05', region: 'China (national)', language: 'en' });
  });
});

describe('a PDF of two pages with a running head', () => {
  const head = 'City Government Office - Annual Report';
  const pageOf = (lines: string[], n: number): string =>
    [textContent(head, 185), ...lines.map((l, k) => textContent(l, 150 - 16 * k)), textContent(`${n} / 2`, 15)].join('\n');

  it('keeps the head out of the text and the title block, on both pages', async () => {
    const pdf = buildPdf([
      pageOf(['Report on the Work of the Government', 'Fellow Deputies,', 'The year past was a year of work.'], 1),
      pageOf(['We will keep going this year.', 'Thank you.'], 2),
    ]);
    const [doc] = await readPdf(pdf, testContext('two-pages.pdf'));
    expect(doc.text).not.toContain(head);
    expect(doc.text.startsWith('Report on the Work of the Government')).toBe(true);
    expect(doc.furniture).toEqual([
      { page: 1, text: head },
      { page: 1, text: '1 / 2' },
      { page: 2, text: head },
      { page: 2, text: '2 / 2' },
    ]);
  });
});

describe('a line whose runs part Chinese text from its marks', () => {
  const item = (str: string, x: number, width: number): PdfItem => ({ str, x, y: 700, width, size: 14, font: 'f' });

  it('closes up a space glyph before a closing mark or after an opening one, and keeps the rest', () => {
    // LibreOffice writes a space glyph where a bold lead sentence ends: 提升 + ' ' + 。重点.
    const [line] = buildLines(1, [item('水平持续提升', 90, 84), item(' ', 174, 2), item('。重点围绕', 176, 70)]);
    expect(line?.text).toBe('水平持续提升。重点围绕');
    expect(closeUpMarks('二十届二中 、三中全会，（ 一）推进 《 规划》')).toBe('二十届二中、三中全会，（一）推进 《规划》');
    expect(closeUpMarks('海拉尔区人民政府区长 杜联合')).toBe('海拉尔区人民政府区长 杜联合');
    expect(closeUpMarks('增长 5.2% 。GDP ,')).toBe('增长 5.2% 。GDP ,');
  });
});
