/**
 * A tiny typesetter for the PDF reader's tests: paragraphs of Chinese text with numbers laid out the way a
 * report's PDF is, as positioned text items (first-line indent, greedy wrap at any width, page breaks, a
 * page-number footer and a running header), so that what the reader rebuilds can be compared with the
 * paragraphs that went in.
 */
import fc from 'fast-check';
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';

/** How a document is set. */
export interface Setting {
  /** Characters (CJK widths) a full line holds. */
  measure: number;
  linesPerPage: number;
  /** How the page number is printed, `N` standing for the number. */
  footer: string;
  /** Printed number of the first page minus its index. */
  numberOffset: number;
  header: string | null;
  /** Extra space between paragraphs, in font sizes. */
  paragraphGap: number;
  /** Cut lines into several items at these fractions of their length (PDFs draw runs, not lines). */
  cuts: number[];
}

const SIZE = 10;
const LEFT = 72;
const TOP = 770;
const FOOTER_Y = 40;
const PAGE = { width: 595, height: 842 };

/** Width of a character in font sizes: CJK is square, the rest half. */
export function advance(ch: string): number {
  return /[\u3000-\u9fff\uff00-\uffef“”]/u.test(ch) ? 1 : 0.5;
}

const HAN = fc.constantFrom(...'国家发展改革委员会统计局经济社会规划建设民生保障科技创新绿色开放协调'.split(''));
const PUNCT = fc.constantFrom('，', '、', '；', '“', '”');
const NUMBER = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.option(fc.integer({ min: 0, max: 9 })), fc.boolean())
  .map(([n, d, pct]) => `${n}${d === null ? '' : `.${d}`}${pct ? '%' : ''}`);

/** A token: mostly Han, some punctuation, numbers always followed by Han. */
const TOKEN = fc.oneof(
  { weight: 8, arbitrary: HAN },
  { weight: 1, arbitrary: PUNCT },
  { weight: 2, arbitrary: fc.tuple(NUMBER, HAN).map(([n, h]) => n + h) },
);

/** A paragraph: Han first, then tokens, ending a sentence. */
export const PARAGRAPH = fc
  .tuple(HAN, fc.array(TOKEN, { minLength: 0, maxLength: 120 }))
  .map(([first, rest]) => `${first}${rest.join('')}。`);

export const SETTING: fc.Arbitrary<Setting> = fc.record({
  measure: fc.integer({ min: 6, max: 45 }),
  linesPerPage: fc.integer({ min: 3, max: 40 }),
  footer: fc.constantFrom('— N —', '- N -', '第N页', 'N', 'N/99', 'Page N of 99'),
  numberOffset: fc.integer({ min: 0, max: 5 }),
  header: fc.option(fc.constantFrom('北京市人民政府办公厅', 'XX市统计局 公报'), { nil: null }),
  paragraphGap: fc.constantFrom(0, 0.5, 1),
  cuts: fc.array(fc.double({ min: 0.05, max: 0.95, noNaN: true }), { maxLength: 3 }),
});

/** A paragraph broken into lines of at most `measure` CJK widths, the first indented by two. */
export function wrap(paragraph: string, measure: number): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 2;
  for (const ch of paragraph) {
    if (width + advance(ch) > measure && line !== '') {
      lines.push(line);
      line = '';
      width = 0;
    }
    line += ch;
    width += advance(ch);
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** One line as text items (of the body size unless told), cut at the setting's fractions. */
export function itemsOf(text: string, x: number, y: number, cuts: readonly number[], size = SIZE): PdfItem[] {
  const chars = Array.from(text);
  const points = [...new Set(cuts.map((c) => Math.floor(c * chars.length)))].filter((p) => p > 0 && p < chars.length).sort((a, b) => a - b);
  const items: PdfItem[] = [];
  let start = 0;
  let left = x;
  for (const end of [...points, chars.length]) {
    const str = chars.slice(start, end).join('');
    const width = Array.from(str).reduce((w, ch) => w + advance(ch) * size, 0);
    items.push({ str, x: left, y, width, size, font: 'body' });
    left += width;
    start = end;
  }
  return items;
}

/** The printed page-number line of a page. */
export function footerText(setting: Setting, index: number): string {
  return setting.footer.replace('N', String(index + setting.numberOffset));
}

/**
 * Lay paragraphs out on pages. Each page gets the footer; every page gets the header when one is set and
 * there are three pages at least (on fewer, a repeated line is not told from text).
 */
export function typeset(paragraphs: readonly string[], setting: Setting): PdfPage[] {
  const pitch = SIZE * 1.5;
  const pages: PdfPage[] = [];
  let items: PdfItem[] = [];
  let row = 0;
  let y = TOP;
  const finishPage = (): void => {
    const index = pages.length + 1;
    const footer = footerText(setting, index);
    items.push(...itemsOf(footer, PAGE.width / 2 - 20, FOOTER_Y, []));
    pages.push({ index, ...PAGE, items, imageOnly: false });
    items = [];
    row = 0;
    y = TOP;
  };
  paragraphs.forEach((paragraph, p) => {
    if (p > 0 && row > 0) y -= setting.paragraphGap * SIZE;
    wrap(paragraph, setting.measure).forEach((line, k) => {
      if (row === setting.linesPerPage) finishPage();
      items.push(...itemsOf(line, LEFT + (k === 0 ? 2 * SIZE : 0), y, setting.cuts));
      row++;
      y -= pitch;
    });
  });
  finishPage();
  const header = setting.header;
  // A header stands apart from the text, farther than a paragraph gap (as in print).
  if (header && pages.length >= 3) for (const page of pages) page.items.push(...itemsOf(header, LEFT, TOP + 4 * SIZE, []));
  return pages;
}
