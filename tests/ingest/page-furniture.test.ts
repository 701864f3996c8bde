import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { findPageFurniture } from '../../src/ingest/page-furniture.js';
import { pageNumberOf } from '../../src/ingest/page-number.js';
import { corporaDir, corpusDir } from './helpers.js';
import { describeWithShared } from '../shared-data.js';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { seedDoc } from '../chunk/seeds.js';

/** Lines of a real report, one paragraph a line (the bundled 2020 work report). */
const REAL_LINES = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8')
  .split(/\r?\n/u)
  .filter((line) => line.trim() !== '');

/** Real lines with a footer inserted after each of the given line numbers, and the footers' texts. */
function withFooters(lines: readonly string[], after: readonly number[], footer: (n: number) => string): { text: string; footers: string[] } {
  const out: string[] = [];
  const footers: string[] = [];
  lines.forEach((line, k) => {
    out.push(line);
    if (after.includes(k)) {
      footers.push(footer(footers.length + 1));
      out.push(footers.at(-1) ?? '');
    }
  });
  return { text: out.join('\n'), footers };
}

describe('pageNumberOf', () => {
  it('reads the page-number styles of Chinese and Western documents, full-width digits included', () => {
    const cases: Array<[string, number]> = [['— 3 —', 3], ['- 12 -', 12], ['—3—', 3], ['·7·', 7], ['第3页', 3], ['第 3 页 共 20 页', 3], ['第３页', 3], ['3/15', 3], ['Page 4 of 9', 4], ['17', 17]];
    for (const [line, n] of cases) expect(pageNumberOf(line), line).toBe(n);
  });

  it('reads no page number in text that holds one among other words', () => {
    for (const line of ['增长12%', '第3章', '2023年', '— 3 — 月', '3.5']) expect(pageNumberOf(line), line).toBeNull();
  });
});

describe('findPageFurniture', () => {
  it('finds footers of every style inserted between any lines of a real report, and nothing else', () => {
    const styles = [(n: number) => `— ${n} —`, (n: number) => `- ${n} -`, (n: number) => `第${n}页`, (n: number) => `${n}/40`];
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(REAL_LINES.length - 1), { maxLength: 20 }), fc.constantFrom(...styles), (after, footer) => {
        const { text, footers } = withFooters(REAL_LINES, after, footer);
        const found = findPageFurniture(text);
        expect(found.map((f) => f.text)).toEqual(footers);
        expect(found.map((f) => f.printed)).toEqual(footers.map((_, k) => k + 1));
        for (const f of found) expect(text.slice(f.start, f.end)).toBe(f.text);
      }),
      { numRuns: 200, seed: 14 },
    );
  });

  it('takes bare numbers for page numbers only in a rising run of pages at least eight lines apart', () => {
    const lines = Array.from({ length: 60 }, (_, k) => REAL_LINES[k % REAL_LINES.length]);
    const paged = withFooters(lines, [9, 19, 29, 39], (n) => String(n + 4));
    expect(findPageFurniture(paged.text).map((f) => [f.text, f.kind])).toEqual([['5', 'page'], ['6', 'page'], ['7', 'page'], ['8', 'page']]);
    const serials = withFooters(lines, [9, 11, 13], (n) => String(n));
    expect(findPageFurniture(serials.text)).toEqual([]);
    const lone = withFooters(lines, [9, 30], (n) => String(n * 7));
    expect(findPageFurniture(lone.text)).toEqual([]);
  });

  it('finds a running header repeated next to the page numbers, and one that carries the page number itself', () => {
    const lines = Array.from({ length: 40 }, (_, k) => REAL_LINES[k % REAL_LINES.length]);
    const withHeader = withFooters(lines, [9, 19, 29], (n) => `— ${n} —\n西藏自治区政府工作报告`);
    const found = findPageFurniture(withHeader.text);
    expect(found.filter((f) => f.kind === 'running').map((f) => f.text)).toEqual(Array(3).fill('西藏自治区政府工作报告'));
    const numbered = withFooters(lines, [9, 19, 29], (n) => `政府工作报告 ${n + 1}`);
    expect(findPageFurniture(numbered.text).map((f) => [f.kind, f.printed])).toEqual([['running', 2], ['running', 3], ['running', 4]]);
  });

  it('takes no row of a numbered table for a running header, though its rows differ only in their figures', () => {
    // A table's rows (`1	指标项目1号	136.4	1.1%`): digits masked they are one line repeated 45 times, and their last
    // figures rise by chance; the rows of 附表 in a PDF printed by Chromium were dropped from its passage.
    const figures = '1.1 9.0 5.9 1.5 3.6 9.6 9.1 5.6 5.6 5.8 7.9 7.9 1.5 6.9 8.0 1.5 5.9 3.5 6.9 7.1 3.4 5.3 7.1 6.5 8.2 4.9 4.1 4.5 3.4 6.9 5.8 8.5 5.6 1.6 1.7 9.6 1.7 5.8 2.9 4.0 4.6 1.7 3.8 1.8 1.9';
    const rows = figures.split(' ').map((f, k) => `${k + 1}\t指标项目${k + 1}号\t${100 + k * 37}.${k % 10}\t${f}%`);
    const text = [...REAL_LINES.slice(0, 5), '附表 2025年主要预期目标', '序号\t指标\t数值\t增速', ...rows, ...REAL_LINES.slice(5, 10)].join('\n');
    expect(findPageFurniture(text)).toEqual([]);
    const passages = chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text });
    const table = passages.find((p) => p.kind === 'table');
    expect(table?.text.split('\n')).toEqual(['附表 2025年主要预期目标', '序号\t指标\t数值\t增速', ...rows]);
  });

  it('finds newspaper jump lines and form feeds', () => {
    const found = findPageFurniture('甲。\n（下转第三版）\n乙。\f丙。');
    expect(found.map((f) => [f.kind, f.text])).toEqual([['jump', '（下转第三版）'], ['break', '']]);
  });
});

describeWithShared('corpora', 'findPageFurniture on the shared corpora', () => {
  it('finds no furniture in any report of ../shared/corpora or corpus/ (none was extracted from a PDF with its footers)', { tags: ['slow'] }, async () => {
    const { docs } = await readCorpus([corporaDir, corpusDir]);
    expect(docs.length).toBeGreaterThan(150);
    const flagged = docs.filter((d) => findPageFurniture(d.text).length > 0).map((d) => d.meta.id);
    expect(flagged).toEqual([]);
  });
});
