import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { checksumOf } from '../../src/ingest/checksum.js';
import { groupParagraphs, joinPieces, layoutParagraphs, readParallelCsv } from '../../src/ingest/parallel-csv.js';
import { pickReader } from '../../src/ingest/readers.js';
import type { SourceDoc, Translation } from '../../src/model.js';
import { describeWithShared } from '../shared-data.js';
import { corporaDir, testContext } from './helpers.js';

for (const year of [2024, 2025]) {
  const file = `04_${year}_auto_usable_parallel.csv`;

  describeWithShared(`corpora/parallel-zh-en/${file}`, `the parallel CSV reader on ${file}`, () => {
    const ctx = testContext(`parallel-zh-en/${file}`);
    let rows: Array<Record<string, string>> = [];
    let docs: SourceDoc[] = [];
    let doc: SourceDoc;
    let translations: Translation[] = [];
    beforeAll(() => {
      const bytes = readFileSync(path.join(corporaDir, 'parallel-zh-en', file));
      rows = parse(bytes.toString('utf8').replace(/^\uFEFF/, ''), { columns: true }) as Array<Record<string, string>>;
      docs = readParallelCsv(bytes, ctx);
      [doc] = docs;
      translations = doc.translations ?? [];
    });

    it('gives one zh-en document for the year, as the national work report its opening (我代表国务院) says it is', () => {
      expect(docs).toHaveLength(1);
      expect(doc.encoding).toBe('utf-8-bom');
      expect(doc.format).toBe('csv');
      expect(doc.meta).toEqual({
        id: `national-${year}-government-work-report-zh-en`,
        title: `${year}年国务院政府工作报告`,
        titleEn: `Report on the Work of the Government (${year})`,
        type: 'government work report',
        region: 'China (national)',
        year,
        date: null,
        issuer: null,
        language: 'zh-en',
        file: `parallel-zh-en/${file}`,
        checksum: checksumOf(readFileSync(path.join(corporaDir, 'parallel-zh-en', file))),
      });
      expect(ctx.warnings).toEqual([]);
    });

    it('has one line and one translation per paragraph number', () => {
      const paragraphs = new Set(rows.map((r) => r['年度文件内行号']));
      expect(doc.text.split('\n')).toHaveLength(paragraphs.size);
      expect(translations).toHaveLength(paragraphs.size);
    });

    it('gives every paragraph Chinese text and English text, the ranges covering exactly its line', () => {
      const lines = doc.text.split('\n');
      translations.forEach((t, i) => {
        expect(doc.text.slice(t.start, t.end)).toBe(lines[i]);
        expect(lines[i].length).toBeGreaterThan(0);
        expect(t.textEn.trim().length).toBeGreaterThan(0);
      });
    });

    it('puts each aligned sentence pair in the same paragraph, in order', () => {
      for (const row of rows) {
        const i = translations.findIndex((t) => t.textEn.includes(row['英文'].trim()));
        expect(i, row['英文']).toBeGreaterThanOrEqual(0);
        expect(doc.text.split('\n')[i]).toContain(row['中文'].trim());
      }
      const first = rows.filter((r) => r['年度文件内行号'] === rows[0]['年度文件内行号']).sort((a, b) => Number(a['段内对齐序号']) - Number(b['段内对齐序号']));
      expect(translations[0].textEn).toBe(first.map((r) => r['英文'].trim()).join(' '));
    });
  });
}

describe('paragraph assembly', () => {
  it('orders paragraphs by number and sentences by alignment order', () => {
    const grouped = groupParagraphs([
      { paragraph: 10, order: 2, zh: '乙。', en: 'B.' },
      { paragraph: 3, order: 1, zh: '丙。', en: 'C.' },
      { paragraph: 10, order: 1, zh: '甲。', en: 'A.' },
    ]);
    expect(grouped).toEqual([
      { number: 3, zh: '丙。', en: 'C.' },
      { number: 10, zh: '甲。乙。', en: 'A. B.' },
    ]);
    expect(layoutParagraphs(grouped)).toEqual({
      text: '丙。\n甲。乙。',
      translations: [
        { start: 0, end: 2, textEn: 'C.' },
        { start: 3, end: 7, textEn: 'A. B.' },
      ],
    });
  });

  it('joins Chinese pieces without a space, but keeps two Latin words apart', () => {
    expect(joinPieces('增长5.2%。', '居民')).toBe('增长5.2%。居民');
    expect(joinPieces('GDP', 'CPI')).toBe('GDP CPI');
  });

  it('refuses a CSV without a column of Chinese and one of English', () => {
    expect(() => readParallelCsv(Buffer.from('a,b\n1,2\n'), testContext('x.csv'))).toThrow(expect.objectContaining({ code: 'INGEST_CSV_INVALID' }));
  });

  it('reads the same table tab-separated, with a BOM, CRLF, a quoted cell holding a line break and an empty English cell', () => {
    const table = [
      '报告年份\t年度文件内行号\t段内对齐序号\t中文\t英文',
      '2026\t1\t1\t各位代表：\tFellow Deputies,',
      '2026\t2\t1\t"现在，我代表国务院，\r\n向大会报告政府工作。"\t"On behalf of the State Council, I will now report."',
      '2026\t2\t2\t请予审议。\t',
    ].join('\r\n');
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${table}\r\n`)]);
    const [doc] = readParallelCsv(bytes, testContext('x.tsv'));
    expect(doc.meta).toMatchObject({ id: 'national-2026-government-work-report-zh-en', title: '2026年国务院政府工作报告' });
    expect(doc.text).toBe('各位代表：\n现在，我代表国务院，\r\n向大会报告政府工作。请予审议。');
    expect(doc.translations?.map((t) => t.textEn)).toEqual(['Fellow Deputies,', 'On behalf of the State Council, I will now report.']);
  });

  it('keeps a paragraph whole when a cell of it holds a line break after a full stop, its English attached', () => {
    const table = [
      '报告年份,年度文件内行号,段内对齐序号,中文,英文',
      '2026,1,1,各位代表：,"Fellow Deputies,"',
      '2026,4,1,"过去一年，经济运行稳中有进。\r\n全年国内生产总值增长5%。","Over the past year, the economy was stable.\r\nGDP grew by 5 percent."',
      '2026,4,2,城镇新增就业1200万人。,',
    ].join('\r\n');
    const [doc] = readParallelCsv(Buffer.from(`\ufeff${table}\r\n`), testContext('x.csv'));
    const passages = chunkDocument(doc);
    expect(passages.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', '各位代表：'],
      ['paragraph', '过去一年，经济运行稳中有进。全年国内生产总值增长5%。城镇新增就业1200万人。'],
    ]);
    expect(passages[1].textEn).toBe('Over the past year, the economy was stable.\r\nGDP grew by 5 percent.');
  });

  it('reads a table Excel saved as Unicode text: UTF-16LE with a BOM, tab-separated', () => {
    const table = '报告年份\t年度文件内行号\t段内对齐序号\t中文\t英文\r\n2026\t1\t1\t各位代表：\tFellow Deputies,\r\n';
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(table, 'utf16le')]);
    expect(readParallelCsv(bytes, testContext('x.csv'))[0].translations).toEqual([{ start: 0, end: 5, textEn: 'Fellow Deputies,' }]);
  });

  it('gives .tsv files to the parallel-table reader', () => {
    expect(pickReader('2026.tsv', Buffer.from(''))?.format).toBe('csv');
  });
});
