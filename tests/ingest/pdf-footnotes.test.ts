import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/index.js';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import type { PdfItem, PdfPage } from '../../src/ingest/pdf-extract.js';
import type { SourceDoc } from '../../src/model.js';

const SIZE = 16;
const LEFT = 72;
const MEASURE = 25;
const item = (str: string, x: number, y: number, size = SIZE): PdfItem => ({ str, x, y, width: Array.from(str).length * size, size, font: size === SIZE ? 'f1' : 'f2' });

/** Body lines from the top of a page (the first indented two characters when `indent`), 28 points apart. */
function body(lines: ReadonlyArray<[text: string, indent: boolean]>, top = 760): PdfItem[] {
  return lines.map(([text, indent], k) => item(text, LEFT + (indent ? 2 * SIZE : 0), top - k * 28));
}

/** A page with its body, its notes in 10 points at the foot and its page number under them. */
function page(index: number, items: PdfItem[], notes: string[] = []): PdfPage {
  const noteItems = notes.map((t, k) => item(t, LEFT, 96 - k * 14, 10));
  return { index, width: 595, height: 842, imageOnly: false, items: [...items, ...noteItems, item(`- ${index} -`, 280, 40, 10)] };
}

const full = (seed: string): string => seed.repeat(Math.ceil(MEASURE / Array.from(seed).length)).slice(0, MEASURE);

/** The paragraph that runs on: its first line indented two characters, the others full, the last ending mid-word. */
const FIRST = '过去一年全市地区生产总值增长百分之五点六①，一';
const SECOND = '般公共预算收入增长百分之四点一，城镇新增就业六万多';
const THIRD = '人，居民人均可支配收入增长百分之五点二，全市经济运';

/** Page 1 ends inside a paragraph (its last line full, ending 经济运) above a footnote; page 2 goes on with 行总体平稳. */
function pages(): PdfPage[] {
  const filler = (n: number): Array<[string, boolean]> => Array.from({ length: n }, (_, k) => [full('全年完成固定资产投资增长百分之八，'), k === 0]);
  return [
    page(1, body([['各位代表：', true], ...filler(5), [FIRST, true], [SECOND, false], [THIRD, false]]), [
      '①地区生产总值增速按可比价格计算，数据为初步核算数，',
      '最终数据以统计年鉴为准。',
      '②城镇新增就业为全年累计数。',
    ]),
    page(2, body([['行总体平稳、稳中有进。', false], ...filler(6)])),
    page(3, body(filler(6))),
  ];
}

const pdfDoc = (text: string, assembled: ReturnType<typeof assemblePdf>): SourceDoc => ({
  meta: { id: 'notes', title: '政府工作报告', titleEn: '', type: 'government work report', region: '', year: 2025, date: null, issuer: null, language: 'zh', file: 'notes.pdf', checksum: 'sha256:0' },
  format: 'pdf',
  encoding: 'utf-8',
  text,
  pages: assembled.pages,
  ...(assembled.items.length > 0 ? { items: assembled.items } : {}),
  ...(assembled.notes.length > 0 ? { notes: assembled.notes } : {}),
});

describe('footnotes at the foot of a PDF page', () => {
  it('are kept out of the paragraph that runs on over the page break, which stays whole', () => {
    const assembled = assemblePdf(pages());
    const passages = chunkDocument(pdfDoc(assembled.text, assembled));
    const texts = passages.map((p) => p.text);
    expect(texts).toContain(`${FIRST}${SECOND}${THIRD}行总体平稳、稳中有进。`);
    expect(texts).toContain('①地区生产总值增速按可比价格计算，数据为初步核算数，最终数据以统计年鉴为准。');
    expect(texts).toContain('②城镇新增就业为全年累计数。');
  });

  it('are cited on the page they are printed on, and the paragraph from its first page to its last', () => {
    const assembled = assemblePdf(pages());
    const passages = chunkDocument(pdfDoc(assembled.text, assembled));
    const note = passages.find((p) => p.text.startsWith('①'));
    const runOn = passages.find((p) => p.text.startsWith('过去一年'));
    expect(note?.page).toBe(1);
    expect([runOn?.page, runOn?.pageEnd]).toEqual([1, 2]);
  });

  it('are notes, not counted among the paragraphs a reader numbers', () => {
    const assembled = assemblePdf(pages());
    expect(assembled.notes.map((r) => assembled.text.slice(r.start, r.end).slice(0, 1))).toEqual(['①', '②']);
    const passages = chunkDocument(pdfDoc(assembled.text, assembled));
    const notes = passages.filter((p) => p.kind === 'note');
    expect(notes.map((p) => [p.text.slice(0, 1), p.paragraph])).toEqual([
      ['①', null],
      ['②', null],
    ]);
    // The paragraphs are numbered 1, 2, 3 … in order, the notes between them taking no number.
    const numbered = passages.filter((p) => p.kind === 'paragraph').map((p) => p.paragraph);
    expect(numbered).toEqual(numbered.map((_, k) => k + 1));
  });

  it('leave a page whose small last line opens with no note mark as it was', () => {
    const plain = pages().map((p) => ({ ...p, items: p.items.map((i) => ({ ...i, str: i.str.replace(/^[①②]/u, '') })) }));
    const { text } = assemblePdf(plain);
    expect(text).toContain('全市经济运\n地区生产总值增速');
  });
});
