import { describe, expect, it } from 'vitest';
import { cellScript, headerKey, recognizeColumns } from '../../src/ingest/aligned-columns.js';

const ZH = ['推动高质量发展。', '加强边境管理。', '2025年GDP增长5%。'];
const EN = ['We will pursue high-quality development.', 'We will strengthen border management.', 'GDP grew by 5% in 2025.'];
/** The table's rows: a header (unless null) over the three aligned pairs, built by `row`. */
const table = (header: string[] | null, row: (zh: string, en: string, i: number) => string[]): string[][] => [
  ...(header ? [header] : []),
  ...ZH.map((zh, i) => row(zh, EN[i], i)),
];

describe('the script of a cell', () => {
  it('is Chinese for Han text, numbers and acronyms inside it, and English for Latin text quoting a Chinese term', () => {
    expect(cellScript('2025年GDP增长5%。')).toBe('zh');
    expect(cellScript('Rural revitalization (乡村振兴) went on.')).toBe('en');
    expect(cellScript(' 12 ')).toBeNull();
  });
});

describe('header names', () => {
  it('compare without case, spaces, full width or punctuation', () => {
    expect(headerKey(' Chinese ')).toBe('chinese');
    expect(headerKey('ＥＮＧＬＩＳＨ')).toBe('english');
    expect(headerKey('zh-CN')).toBe('zhcn');
    expect(headerKey('段 落')).toBe('段落');
  });
});

describe('recognizing the columns of an aligned table', () => {
  it.each([
    [['中文', '英文']],
    [['Chinese', 'English']],
    [['zh', 'en']],
    [['ZH', ' EN ']],
    [['原文', '译文']],
    [['中文', 'English']],
  ])('finds the Chinese and the English of a two-column table headed %j', (header) => {
    expect(recognizeColumns(table(header, (zh, en) => [zh, en]))).toEqual({ header: true, zh: 0, en: 1, paragraph: null, order: null, year: null, names: header });
  });

  it('finds them on either side, by name or by content', () => {
    expect(recognizeColumns(table(['English', 'Chinese'], (zh, en) => [en, zh]))).toMatchObject({ zh: 1, en: 0 });
    expect(recognizeColumns(table(['英语译文', '汉语原文'], (zh, en) => [en, zh]))).toMatchObject({ header: true, zh: 1, en: 0 });
  });

  it('reads a table without a header row: its first row is data', () => {
    expect(recognizeColumns(table(null, (zh, en) => [zh, en]))).toEqual({ header: false, zh: 0, en: 1, paragraph: null, order: null, year: null, names: [] });
    expect(recognizeColumns(table(null, (zh, en, i) => [String(i + 1), en, zh]))).toMatchObject({ header: false, zh: 2, en: 1 });
  });

  it('takes an unknown header row for a header when it does not read as Chinese and English text', () => {
    expect(recognizeColumns(table(['Text (ZH)', 'Text (EN)'], (zh, en) => [zh, en]))).toMatchObject({ header: true, zh: 0, en: 1 });
  });

  it('swaps 原文 and 译文 when the source is the English and the translation the Chinese', () => {
    expect(recognizeColumns(table(['原文', '译文'], (zh, en) => [en, zh]))).toMatchObject({ zh: 1, en: 0 });
  });

  it('finds the optional paragraph, order and year columns by name, and the shared CSVs\' columns among others', () => {
    expect(recognizeColumns(table(['段落', '中文', '英文'], (zh, en, i) => [String(i), zh, en]))).toMatchObject({ paragraph: 0, order: null, year: null });
    expect(recognizeColumns(table(['Year', 'Para', 'Sentence', 'Chinese', 'English'], (zh, en, i) => ['2025', String(i), '1', zh, en]))).toMatchObject({
      year: 0,
      paragraph: 1,
      order: 2,
      zh: 3,
      en: 4,
    });
    const shared = ['报告年份', '原始文件', '年度文件内行号', '段内对齐序号', '全局对齐序号', '中文', '英文', '原始中文', '原始英文'];
    expect(recognizeColumns(table(shared, (zh, en, i) => ['2024', 'a.csv', String(i + 2), '1', String(i), zh, en, zh, en]))).toMatchObject({
      header: true,
      year: 0,
      paragraph: 2,
      order: 3,
      zh: 5,
      en: 6,
    });
  });

  it('says what is missing when no column is Chinese, or none English, or the table has only a header', () => {
    expect(recognizeColumns([['item', 'amount'], ['roads', '3']])).toEqual({ problem: 'no column of Chinese text (first row: item | amount)' });
    expect(recognizeColumns(table(['中文', '备注'], (zh) => [zh, zh]))).toEqual({ problem: 'no column of English text (first row: 中文 | 备注)' });
    expect(recognizeColumns([['1', '2']])).toEqual({ problem: 'no column of Chinese text and none of English (first row: 1 | 2)' });
    expect(recognizeColumns([['中文', '英文']])).toEqual({ problem: 'a header row and no rows of text (first row: 中文 | 英文)' });
  });
});
