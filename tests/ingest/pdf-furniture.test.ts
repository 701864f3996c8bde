import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFurniture } from '../../src/ingest/pdf-furniture.js';
import { pageNumberOf } from '../../src/ingest/page-number.js';
import type { PdfLine } from '../../src/ingest/pdf-lines.js';

const line = (page: number, text: string, y: number, x = 90): PdfLine => ({ page, text, x, xEnd: x + 10 * text.length, y, size: 10, font: 'f', cells: [{ x, xEnd: x + 10 * text.length }] });

/** A page of body lines from 760 down, with optional header and footer lines. */
function page(index: number, body: string[], extra: Array<{ text: string; y: number }> = []): PdfLine[] {
  const lines = [...extra.filter((e) => e.y > 760), ...body.map((t, k) => line(index, t, 760 - 16 * k)), ...extra.filter((e) => e.y <= 760)];
  return lines.map((l) => ('page' in l ? l : line(index, l.text, l.y))) as PdfLine[];
}

describe('page numbers', () => {
  it('reads the forms reports print', () => {
    expect(pageNumberOf('— 3 —')).toBe(3);
    expect(pageNumberOf('- 12 -')).toBe(12);
    expect(pageNumberOf('－１２－')).toBe(12);
    expect(pageNumberOf('第3页')).toBe(3);
    expect(pageNumberOf('第 3 页 共 15 页')).toBe(3);
    expect(pageNumberOf('3/15')).toBe(3);
    expect(pageNumberOf('Page 3 of 15')).toBe(3);
    expect(pageNumberOf('7')).toBe(7);
  });

  it('reads the forms only a line at a page edge can be taken for, when told the line stands there', () => {
    for (const [text, n] of [['(4)', 4], ['（１２）', 12], ['[9]', 9], ['3 of 15', 3]] as const) {
      expect(pageNumberOf(text)).toBeNull();
      expect(pageNumberOf(text, { edge: true })).toBe(n);
    }
  });

  it('does not take text for a page number', () => {
    for (const text of ['增长5%', '2023 年工作回顾', '一、总体要求', '3.5', '图 1', '(一)', '12345']) {
      expect(pageNumberOf(text)).toBeNull();
      expect(pageNumberOf(text, { edge: true })).toBeNull();
    }
  });
});

describe('detecting page furniture across pages', () => {
  it('finds footers and a running header, printed numbers that differ from the page index', () => {
    const pages = [1, 2, 3, 4].map((i) => page(i, [`正文第${i}页第一行`, `正文第${i}页第二行`], [
      { text: '北京市人民政府公报', y: 800 },
      { text: `— ${i + 4} —`, y: 40 },
    ]));
    const found = detectFurniture(pages);
    expect(found.map((f) => f.printed)).toEqual([5, 6, 7, 8]);
    expect(found.map((f) => [...f.lines].sort())).toEqual(pages.map((p) => [0, p.length - 1]));
  });

  it('takes out the roman page numbers of the front matter, without taking them for the arabic ones', () => {
    // A white paper printed by Chromium: cover, 前言 (III), 目录 (IV), then the body numbered 1, 2.
    const pages = [
      page(1, ['某某省数字经济发展白皮书']),
      page(2, ['前言', '前言正文'], [{ text: 'III', y: 40 }]),
      page(3, ['目录', '一、发展现状'], [{ text: '- iv -', y: 40 }]),
      page(4, ['一、发展现状', '正文第一页'], [{ text: '1', y: 40 }]),
      page(5, ['正文第二页', '正文第二页下一行'], [{ text: '2', y: 40 }]),
    ];
    const found = detectFurniture(pages);
    expect(found.map((f) => [...f.lines])).toEqual([[], [2], [2], [2], [2]]);
    expect(found.map((f) => f.printed)).toEqual([null, null, null, 1, 2]);
    // A roman numeral that stands at no page number's place is text.
    expect([...detectFurniture([page(1, ['正文', 'IV'], [{ text: '1', y: 40 }]), page(2, ['正文'], [{ text: '2', y: 40 }])])[0].lines]).toEqual([2]);
  });

  it('reads the page number printed in the same line as a running footer, a tab apart', () => {
    // A deck exported to PDF: an unnumbered cover, then slides whose footer line holds the issuer at the left
    // and 第 N 页 (or N alone) at the right.
    for (const form of ['第 N 页', 'N', '- N -']) {
      const pages = [
        page(1, ['2024年数据安全治理工作汇报', '某某市大数据发展管理局']),
        ...[1, 2, 3].map((n) => page(n + 1, ['一、工作背景', `第${n}张幻灯片的要点`], [{ text: `某某市大数据发展管理局\t${form.replace('N', String(n))}`, y: 20 }])),
      ];
      const found = detectFurniture(pages);
      expect(found.map((f) => f.printed)).toEqual([null, 1, 2, 3]);
      expect(found.map((f) => [...f.lines])).toEqual([[], [2], [2], [2]]);
    }
  });

  it('leaves a bare number that is not at the same place on other pages in the text', () => {
    const pages = [page(1, ['表中数字', '12']), page(2, ['另一页正文', '继续正文'], [{ text: '2', y: 40 }])];
    const found = detectFurniture(pages);
    expect([...found[0].lines]).toEqual([]);
  });

  it('takes every footer out, wherever the body ends, and never a body line (property)', () => {
    const han = fc.constantFrom(...'国家发展改革统计局经济社会'.split(''));
    const body = fc.array(fc.array(han, { minLength: 1, maxLength: 30 }).map((c) => c.join('')), { minLength: 1, maxLength: 30 });
    const form = fc.constantFrom('— N —', '- N -', '第N页', 'N', 'N/40');
    fc.assert(
      fc.property(fc.array(body, { minLength: 2, maxLength: 8 }), form, fc.integer({ min: 20, max: 60 }), (bodies, f, footerY) => {
        // Body lines differ from page to page (a line repeated at the same place on every page is a running head).
        const own = (k: number, lines: string[]): string[] => lines.map((line) => `${'甲乙丙丁戊己庚辛'[k]}${line}`);
        const pages = bodies.map((b, k) => page(k + 1, own(k, b), [{ text: f.replace('N', String(k + 1)), y: footerY }]));
        const found = detectFurniture(pages);
        found.forEach((fp, k) => {
          expect([...fp.lines]).toEqual([pages[k].length - 1]);
          expect(fp.printed).toBe(k + 1);
        });
      }),
    );
  });
});

describe('running heads of a document of two pages', () => {
  const head = { text: '某市人民政府办公厅 · 政府工作报告', y: 822 };

  it('takes out a line that stands apart at the same place on both pages', () => {
    const pages = [
      page(1, ['某市2024年政府工作报告', '市长 张三', '各位代表：'], [head, { text: '1 / 2', y: 16 }]),
      page(2, ['第二页的正文第一行', '第二页的正文第二行'], [head, { text: '2 / 2', y: 16 }]),
    ];
    const found = detectFurniture(pages);
    expect(found.map((f) => [...f.lines].sort((a, b) => a - b))).toEqual(pages.map((p) => [0, p.length - 1]));
  });

  it('keeps a first line that stands on one page only, or at another place or width on the other', () => {
    const title = (x: number, y: number): PdfLine => line(0, '某市2024年政府工作报告', y, x);
    const cases: PdfLine[][][] = [
      [page(1, ['第一页的正文'], [head]), page(2, ['第二页的正文', '第二页的正文下一行'])],
      [[{ ...title(90, 822), page: 1 }, ...page(1, ['正文一行'])], [{ ...title(180, 822), page: 2 }, ...page(2, ['正文二行'])]],
      [[{ ...title(90, 822), page: 1 }, ...page(1, ['正文一行'])], [{ ...title(90, 790), page: 2 }, ...page(2, ['正文二行'])]],
    ];
    for (const pages of cases) expect(detectFurniture(pages).map((f) => [...f.lines])).toEqual([[], []]);
  });

  it('keeps the first line of a page of its own, and a sentence repeated on two pages', () => {
    expect([...detectFurniture([page(1, ['正文一行'], [head])])[0].lines]).toEqual([]);
    const said = { text: '以上报告，请予审议。', y: 822 };
    expect(detectFurniture([page(1, ['一行'], [said]), page(2, ['二行'], [said])]).map((f) => [...f.lines])).toEqual([[], []]);
  });
});
