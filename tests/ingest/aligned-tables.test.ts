/**
 * Aligned Chinese-English tables of any common shape are read as the shared parallel CSVs are: the Chinese as the
 * document's text, one paragraph a line, each with its English; the metadata from the text, never assumed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readCorpus } from '../../src/ingest/corpus.js';
import { readParallelCsv } from '../../src/ingest/parallel-csv.js';
import { readParallelPairs } from '../../src/ingest/parallel-pairs.js';
import { alignedTable, BEIJING_ROWS } from './aligned-fixture.js';
import { tempDirs, testContext } from './helpers.js';

const tempDir = tempDirs('aligned-tables-');
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf16 = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const swapped = BEIJING_ROWS.map(([zh, en]) => [en, zh]);

/** What every shape of the Beijing table must give. */
const BEIJING_TEXT = BEIJING_ROWS.map(([zh]) => zh).join('\n');
const BEIJING_ENGLISH = BEIJING_ROWS.map(([, en]) => en);

describe('a two-column aligned table of a provincial report', () => {
  const shapes: Array<[string, string, Buffer]> = [
    ['UTF-8 with BOM, headed 中文,英文', 'beijing.csv', Buffer.concat([BOM, Buffer.from(alignedTable(BEIJING_ROWS, { header: ['中文', '英文'] }))])],
    ['headed Chinese,English', 'beijing.csv', Buffer.from(alignedTable(BEIJING_ROWS, { header: ['Chinese', 'English'] }))],
    ['headed zh,en, the Chinese on the right', 'beijing.csv', Buffer.from(alignedTable(swapped, { header: ['en', 'zh'] }))],
    ['headed 原文,译文 in GBK', 'beijing.csv', iconv.encode(alignedTable(BEIJING_ROWS, { header: ['原文', '译文'] }), 'gbk')],
    ['without a header row', 'beijing.csv', Buffer.from(alignedTable(BEIJING_ROWS))],
    ['without a header row, the Chinese on the right, tab-separated', 'beijing.tsv', Buffer.from(alignedTable(swapped, { delimiter: '\t' }))],
    ['saved by Excel as Unicode text (UTF-16LE, tabs), headed 中文,English', 'beijing.csv', utf16(alignedTable(BEIJING_ROWS, { header: ['中文', 'English'], delimiter: '\t' }))],
    ['semicolon-separated, headed 中文;英文', 'beijing.csv', Buffer.from(alignedTable(BEIJING_ROWS, { header: ['中文', '英文'], delimiter: ';' }))],
  ];

  it.each(shapes)('is read %s: the Chinese a paragraph a line, each with its English', (_, file, bytes) => {
    const ctx = testContext(file);
    const [doc, ...more] = readParallelCsv(bytes, ctx);
    expect(more).toEqual([]);
    expect(ctx.warnings).toEqual([]);
    expect(doc.text).toBe(BEIJING_TEXT);
    expect(doc.translations?.map((t) => t.textEn)).toEqual(BEIJING_ENGLISH);
    for (const t of doc.translations ?? []) expect(doc.text.slice(t.start, t.end)).toBe(BEIJING_ROWS[BEIJING_ENGLISH.indexOf(t.textEn)][0]);
  });

  it('takes its title, year, date, region and speaker from its own text, as a Beijing report, not a national one', () => {
    const [doc] = readParallelCsv(Buffer.from(alignedTable(BEIJING_ROWS, { header: ['中文', '英文'] })), testContext('tables/beijing.csv'));
    expect(doc.meta).toEqual({
      id: 'beijing-2025-government-work-report-zh-en',
      title: '2025年北京市政府工作报告',
      titleEn: 'Report on the Work of the Government of Beijing Municipality (2025)',
      type: 'government work report',
      region: 'Beijing Municipality',
      year: 2025,
      date: '2025-01-14',
      issuer: '殷勇',
      language: 'zh-en',
      file: 'tables/beijing.csv',
      checksum: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
  });

  it('joins the rows of one paragraph when the table has a paragraph column, in the order column\'s order', () => {
    const rows = [
      ['1', '1', '各位代表：', 'Fellow Deputies,'],
      ['2', '2', '请予审议。', 'Please deliberate.'],
      ['2', '1', '现在，我代表北京市人民政府，向大会报告政府工作，', "On behalf of the Beijing Municipal People's Government, I will now report on the work of the government."],
      ['', '3', '并请市政协委员提出意见。', 'Members of the CPPCC are invited to comment.'],
    ];
    const ctx = testContext('2025-beijing.csv');
    const [doc] = readParallelCsv(Buffer.from(alignedTable(rows, { header: ['段落', '句序', '中文', '英文'] })), ctx);
    expect(doc.text).toBe('各位代表：\n现在，我代表北京市人民政府，向大会报告政府工作，请予审议。并请市政协委员提出意见。');
    expect(doc.translations?.[1].textEn).toBe(
      "On behalf of the Beijing Municipal People's Government, I will now report on the work of the government. Please deliberate. Members of the CPPCC are invited to comment.",
    );
    // The opening names Beijing; the year comes from the file name, the text having no dateline.
    expect(doc.meta).toMatchObject({ id: 'beijing-2025-government-work-report-zh-en', region: 'Beijing Municipality', year: 2025, title: '2025年北京市政府工作报告' });
    expect(ctx.warnings).toEqual([]);
  });
});

describe('the metadata of an aligned table', () => {
  it('names the nation only when the opening says 我代表国务院, the year from the year column', () => {
    const rows = [['2026', '现在，我代表国务院，向大会报告政府工作。', 'On behalf of the State Council, I will now report on the work of the government.']];
    const [doc] = readParallelCsv(Buffer.from(alignedTable(rows, { header: ['year', 'Chinese', 'English'] })), testContext('t.csv'));
    expect(doc.meta).toMatchObject({ id: 'national-2026-government-work-report-zh-en', title: '2026年国务院政府工作报告', region: 'China (national)', year: 2026 });
  });

  it('assumes nothing of a table that does not say what it is: an untitled report of an unknown region, its id from the file', () => {
    const rows = [['推动高质量发展。', 'We will pursue high-quality development.']];
    const [doc] = readParallelCsv(Buffer.from(alignedTable(rows)), testContext('notes/energy.csv'));
    expect(doc.meta).toMatchObject({ id: 'notes-energy-zh-en', title: '未命名报告（notes/energy.csv）', region: 'unknown', type: 'report', year: null });
  });

  it('titles a white paper by its file name when the text has no title line, with no region it does not name', () => {
    const rows = [['中国坚持走绿色低碳发展道路。', 'China follows a path of green and low-carbon development.']];
    const [doc] = readParallelCsv(Buffer.from(alignedTable(rows, { header: ['中文', '英文'] })), testContext('2024年中国的能源转型白皮书.csv'));
    expect(doc.meta).toMatchObject({ title: '2024年中国的能源转型白皮书', year: 2024, region: 'unknown', language: 'zh-en' });
    expect(doc.meta.id).toMatch(/^doc-[0-9a-f]{12}-zh-en$/);
  });

  it('gives the reports of a several-year table that names no region distinct, stable ids', () => {
    const rows = [
      ['2024', '推动高质量发展。', 'We will pursue high-quality development.'],
      ['2025', '加强边境管理。', 'We will strengthen border management.'],
    ];
    const read = (): string[] => readParallelCsv(Buffer.from(alignedTable(rows, { header: ['年份', '中文', '英文'] })), testContext('m.csv')).map((d) => d.meta.id);
    expect(read()).toEqual(['m-2024-zh-en', 'm-2025-zh-en']);
    expect(read()).toEqual(read());
  });
});

describe('tables that are not aligned tables', () => {
  it.each([
    ['no column of Chinese', 'item,amount\r\nroads,3\r\n', /no column of Chinese text/],
    ['no column of English', '中文,备注\r\n推动高质量发展。,重点\r\n', /no column of English text/],
    ['only a header', '中文,英文\r\n', /a header row and no rows of text/],
  ])('are refused with INGEST_CSV_INVALID saying what is missing: %s', (_, table, detail) => {
    expect(() => readParallelCsv(Buffer.from(table), testContext('x.csv'))).toThrow(expect.objectContaining({ code: 'INGEST_CSV_INVALID', message: expect.stringMatching(detail) }));
  });

  it('skip a row whose paragraph number is not a number with a warning naming the row and the column, and read the rest', () => {
    const ctx = testContext('x.csv');
    const [doc] = readParallelCsv(Buffer.from('段落,中文,英文\r\n1,推动高质量发展。,We will pursue high-quality development.\r\n一,加强边境管理。,We will strengthen border management.\r\n'), ctx);
    expect(doc.text).toBe('推动高质量发展。');
    expect(ctx.warnings).toEqual([{ code: 'INGEST_RECORD_INVALID', detail: 'row 3: needs a whole number in 段落' }]);
  });

  it('become a warning naming the file and the fix while the rest of the corpus is read', async () => {
    const dir = await tempDir();
    await mkdir(path.join(dir, 'tables'));
    await writeFile(path.join(dir, 'tables', 'budget.csv'), 'item,amount\nroads,3\n');
    await writeFile(path.join(dir, 'tables', 'empty.tsv'), '');
    await writeFile(path.join(dir, 'tables', 'beijing.csv'), alignedTable(BEIJING_ROWS, { header: ['中文', '英文'] }));
    const { docs, warnings } = await readCorpus([dir]);
    expect(docs.map((d) => d.meta.id)).toEqual(['beijing-2025-government-work-report-zh-en']);
    expect(warnings.map((w) => [path.basename(w.file), w.code])).toEqual([
      ['budget.csv', 'INGEST_CSV_INVALID'],
      ['empty.tsv', 'INGEST_EMPTY'],
    ]);
    expect(warnings[0].message).toMatch(/no column of Chinese text/);
    expect(warnings[0].message).toMatch(/To fix: an aligned table needs a column of Chinese text and a column of its English translation/);
    expect(warnings[0].hints?.zh).toMatch(/对齐表须有一列中文/);
  });
});

describe('sentence pairs for learning from any aligned table', () => {
  it('are its rows with both sides, in its order, the year the one its text gives', async () => {
    const dir = await tempDir();
    const file = path.join(dir, 'beijing.csv');
    await writeFile(file, alignedTable(BEIJING_ROWS));
    const pairs = readParallelPairs(file);
    expect(pairs).toEqual(BEIJING_ROWS.map(([zh, en]) => ({ zh, en, year: 2025 })));
    expect(readParallelPairs(file, { excludeYears: [2025] })).toEqual([]);
  });
});
