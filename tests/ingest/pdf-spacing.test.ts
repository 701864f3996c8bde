import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildLines } from '../../src/ingest/pdf-lines.js';
import type { PdfItem } from '../../src/ingest/pdf-extract.js';
import { joinPdfLines, lineSeparator, repairLetterSpacing } from '../../src/ingest/pdf-spacing.js';
import { PARAGRAPH } from './pdf-typeset.js';

const item = (str: string, x: number, width: number, y = 700, size = 10): PdfItem => ({ str, x, y, width, size, font: 'f' });

describe('joining the lines of a paragraph', () => {
  it('puts nothing between CJK characters and digits, a space only between Latin words', () => {
    expect(lineSeparator('制定修订行政法规3', '0部')).toBe('');
    expect(lineSeparator('增长5', '%')).toBe('');
    expect(lineSeparator('增长6.', '1%')).toBe('');
    expect(lineSeparator('3', '000万人')).toBe('');
    expect(lineSeparator('high-quality economic', 'growth')).toBe(' ');
    expect(lineSeparator('GDP grew by', '5.2 percent')).toBe(' ');
    expect(lineSeparator('eco-', 'tourism')).toBe('');
    expect(lineSeparator('推动', 'AI 应用')).toBe('');
  });

  it('rebuilds any paragraph of Chinese and numbers cut into lines anywhere', () => {
    fc.assert(
      fc.property(PARAGRAPH, fc.array(fc.nat(), { maxLength: 12 }), (paragraph, cuts) => {
        const chars = Array.from(paragraph);
        const points = [...new Set(cuts.map((c) => c % chars.length))].filter((c) => c > 0).sort((a, b) => a - b);
        const lines = [0, ...points].map((p, k, all) => chars.slice(p, all[k + 1] ?? chars.length).join(''));
        expect(joinPdfLines(lines)).toBe(paragraph);
      }),
    );
  });
});

describe('repairing letter-spaced lines', () => {
  it('removes the spaces a justified line got between its characters', () => {
    expect(repairLetterSpacing('2020 年 3 月 ， 国 家 市 场 监督 总 局 与 国 家 标 准 化 管 理 委 员 会')).toBe('2020年3月，国家市场监督总局与国家标准化管理委员会');
    expect(repairLetterSpacing('调查显示 这些被 泄露 的数 据 在之前 的21个月 内都 没有 得到妥 善保护 。2022 年 初，J.D. Power')).toBe('调查显示这些被泄露的数据在之前的21个月内都没有得到妥善保护。2022年初，J.D. Power');
  });

  it('keeps spaces that were meant: a standard and its subtitle, a number set apart, Latin words', () => {
    expect(repairLetterSpacing('《GB/T 35273—2020信息安全技术 个人信息安全规范》')).toBe('《GB/T 35273—2020信息安全技术 个人信息安全规范》');
    expect(repairLetterSpacing('全市地区生产总值增长 5.2%、约 4.4 万亿元')).toBe('全市地区生产总值增长 5.2%、约 4.4 万亿元');
    expect(repairLetterSpacing('Report on the Work of the Government')).toBe('Report on the Work of the Government');
  });

  it('undoes letter-spacing of any Chinese line', () => {
    const han = fc.constantFrom(...'国家市场监督管理总局标准化委员会'.split(''));
    fc.assert(
      fc.property(fc.array(han, { minLength: 3, maxLength: 40 }), (chars) => {
        expect(repairLetterSpacing(chars.join(' '))).toBe(chars.join(''));
      }),
    );
  });
});

describe('building lines from text items', () => {
  it('joins touching items, puts a space at a word gap or a space glyph and a tab at a cell gap', () => {
    const [line] = buildLines(1, [item('值增长', 90, 31.4), item(' ', 121.4, 52.6), item('5.2%', 124.1, 20.7), item('、约', 144.8, 20.4)]);
    expect(line.text).toBe('值增长 5.2%、约');
    const [row] = buildLines(1, [item('一、编制背景', 83, 78), item('01', 443, 14)]);
    expect(row.text).toBe('一、编制背景\t01');
  });

  it('puts items of one baseline on one line left to right, lines top to bottom, whatever their order', () => {
    const items = [item('第二行', 90, 30, 684), item('行', 110, 10, 700), item('第一', 90, 20, 700.4)];
    expect(buildLines(1, items).map((l) => l.text)).toEqual(['第一行', '第二行']);
  });

  it('repairs a line drawn one character at a time with gaps between them', () => {
    const chars = Array.from('国家市场监督管理总局');
    const items = chars.map((ch, k) => item(ch, 90 + k * 14, 10));
    expect(buildLines(1, items)[0].text).toBe('国家市场监督管理总局');
  });
});
