import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishTitle, inferDocMeta, inferredId, slugify, titleFromFileName } from '../../src/ingest/doc-meta.js';
import { extractBlocks } from '../../src/ingest/html-blocks.js';
import { inferMeta } from '../../src/ingest/infer-meta.js';
import { pickReader, READERS } from '../../src/ingest/readers.js';
import { NATIONAL, PROVINCES, regionInTitle, regionOfPlace } from '../../src/ingest/regions.js';
import { regionName } from '../../src/search/region-names.js';
import { corporaDir, corpusDir } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

describe('ids, titles and regions of inferred metadata', () => {
  it('builds a region-year-type id when the region is a province or the nation', () => {
    const xizang = regionOfPlace('西藏自治区');
    expect(inferredId({ region: xizang, year: 2024, type: 'government work report', file: 'x.txt' })).toBe('xizang-2024-government-work-report');
    expect(inferredId({ region: NATIONAL, year: 1962, type: 'resolution', file: 'x.txt' })).toBe('national-1962-resolution');
  });

  it('falls back to the ASCII path, then to a hash of a non-ASCII path', () => {
    expect(inferredId({ region: null, year: 2012, type: 'government work report', file: 'district-gbk/2012.txt' })).toBe('district-gbk-2012');
    expect(inferredId({ region: null, year: null, type: 'report', file: '2012.txt' })).toBe('doc-2012');
    const hashed = inferredId({ region: null, year: null, type: 'report', file: '海拉尔/报告.txt' });
    expect(hashed).toMatch(/^doc-[0-9a-f]{12}$/);
    expect(inferredId({ region: null, year: null, type: 'report', file: '海拉尔/报告.txt' })).toBe(hashed);
  });

  it('slugifies to lowercase ASCII words joined by single hyphens', () => {
    expect(slugify('  Five-Year  Plan / 2021 ')).toBe('five-year-plan-2021');
  });

  it('writes English titles by report kind, without a region for the nation', () => {
    expect(englishTitle('government work report', NATIONAL.en, 2024)).toBe('Report on the Work of the Government (2024)');
    expect(englishTitle('gazette', 'Xizang (Tibet) Autonomous Region', 2025)).toBe("Gazette of the People's Government of Xizang (Tibet) Autonomous Region (2025)");
    expect(englishTitle('statistical communiqué', 'Beijing Municipality', 2024)).toBe('Statistical Communiqué on the National Economic and Social Development of Beijing Municipality (2024)');
  });

  it("keeps a five-year plan's ordinal in its inferred English title (第十四个五年规划 → 14th)", () => {
    const head = '西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要\n——2021年1月24日西藏自治区第十一届人民代表大会第四次会议通过\n';
    expect(inferDocMeta(head, { file: 'plan.txt', checksum: 'sha256:0' }).titleEn).toBe(
      'Outline of the 14th Five-Year Plan for Economic and Social Development of Xizang (Tibet) Autonomous Region (2021)',
    );
    const traditional = '廣東省國民經濟和社會發展第十二個五年規劃綱要\n——2011年2月在廣東省第十一屆人民代表大會第四次會議通過\n';
    expect(inferDocMeta(traditional, { file: 'plan.txt', checksum: 'sha256:0' }).titleEn).toMatch(/^Outline of the 12th Five-Year Plan /);
    const short = '四川省“十三五”规划纲要\n——2016年1月在四川省第十二届人民代表大会第四次会议通过\n';
    expect(inferDocMeta(short, { file: 'plan.txt', checksum: 'sha256:0' }).titleEn).toMatch(/^Outline of the 13th Five-Year Plan /);
    expect(englishTitle('five-year plan', NATIONAL.en, 2021, 21)).toBe('Outline of the 21st Five-Year Plan for Economic and Social Development (2021)');
    expect(englishTitle('five-year plan', NATIONAL.en, 2021)).toBe('Outline of the Five-Year Plan for Economic and Social Development (2021)');
  });

  it('calls a report written in English of no kind the catalogue names what it calls itself, with its year', () => {
    const cover = "China's Green Development in the New Era\nThe State Council Information Office of the People's Republic of China\nJanuary 2023\nPreface\nChina has pursued green development.";
    const meta = inferDocMeta(cover, { file: 'white-paper.txt', checksum: 'sha256:0' });
    expect(meta).toMatchObject({ title: "China's Green Development in the New Era", type: 'report', year: 2023, language: 'en' });
    expect(meta.titleEn).toBe("China's Green Development in the New Era (2023)");
  });

  it('takes a Chinese file name as a fallback title, not an ASCII one', () => {
    expect(titleFromFileName('docx/2025年宁夏政府工作报告.docx')).toBe('2025年宁夏政府工作报告');
    expect(titleFromFileName('district-gbk/2012.txt')).toBeUndefined();
  });

  it('finds provinces by full and short names, and tells Shanxi from Shaanxi', () => {
    expect(PROVINCES).toHaveLength(31);
    expect(new Set(PROVINCES.map((p) => p.slug)).size).toBe(31);
    expect(regionInTitle('2025年宁夏政府工作报告')?.slug).toBe('ningxia');
    expect(regionInTitle('2025年山西省政府工作报告')?.slug).toBe('shanxi');
    expect(regionInTitle('2025年陕西省政府工作报告')?.slug).toBe('shaanxi');
    expect(regionOfPlace('全国')).toBe(NATIONAL);
    expect(regionOfPlace('海拉尔区')).toBeNull();
  });

  it('finds provinces and the nation written in traditional characters', () => {
    expect(regionInTitle('2025年寧夏政府工作報告')?.slug).toBe('ningxia');
    expect(regionInTitle('2025年陝西省政府工作報告')?.slug).toBe('shaanxi');
    expect(regionInTitle('國務院政府工作報告')).toBe(NATIONAL);
    expect(regionOfPlace('內蒙古自治區')?.slug).toBe('inner-mongolia');
    expect(regionOfPlace('全國')).toBe(NATIONAL);
    expect(regionOfPlace('海拉爾區')).toBeNull();
  });

  it('names a district or city by the place its title names in full, not the province its name begins with', () => {
    const meta = (text: string) => inferDocMeta(text, { file: 'r.txt', checksum: 'sha256:0' });
    // Dateline and title both in 北京市海淀区: the district's, not Beijing Municipality's (whose id it would take).
    const haidian = meta('2024年北京市海淀区政府工作报告\n——2024年1月7日在北京市海淀区第十七届人民代表大会第四次会议上\n\n各位代表：\n\n正文。');
    expect([haidian.region, haidian.id]).toEqual(['北京市海淀区', 'r']);
    expect(regionName(haidian.region)?.government).toBe('北京市海淀区人民政府');
    expect(meta('2024年廣東省深圳市政府工作報告\n\n各位代表：\n\n正文。').region).toBe('广东省深圳市');
    // A title alone, without a dateline or an opening that names the place.
    expect(meta('2018年海拉尔区政府工作报告\n\n各位代表：\n\n正文。').region).toBe('海拉尔区');
    expect(meta('海拉尔区2018年人民政府工作报告\n\n各位代表：\n\n正文。').region).toBe('海拉尔区');
    // A province's own report is the province's, by its full or short name or a dateline that names its unit only.
    expect(meta('2025年广东省政府工作报告\n\n各位代表：\n\n正文。').id).toBe('guangdong-2025-government-work-report');
    expect(meta('2025年宁夏政府工作报告\n\n各位代表：\n\n正文。').region).toBe('Ningxia Hui Autonomous Region');
    expect(meta('2025年国务院政府工作报告\n\n各位代表：\n\n正文。').region).toBe('China (national)');
  });

  it('infers the whole DocMeta of a seed, marked inferred', () => {
    const text = readFileSync(path.join(corpusDir, 'xizang-2020-government-work-report.txt'), 'utf8');
    expect(inferDocMeta(text, { file: '003.txt', checksum: 'sha256:x' })).toEqual({
      id: 'xizang-2020-government-work-report',
      title: '2020年西藏自治区政府工作报告',
      titleEn: 'Report on the Work of the Government of Xizang (Tibet) Autonomous Region (2020)',
      type: 'government work report',
      region: 'Xizang (Tibet) Autonomous Region',
      year: 2020,
      date: '2020-01-07',
      issuer: '齐扎拉',
      language: 'zh',
      file: '003.txt',
      checksum: 'sha256:x',
      inferred: true,
    });
  });
});

describe('the metadata of a report written in English', () => {
  it('has the year, date, region and publisher of the same report in Chinese', () => {
    const ctx = { file: 'report.txt', checksum: 'sha256:0' };
    const zh = inferDocMeta('政府工作报告\n——2024年1月21日在北京市第十六届人民代表大会第二次会议上\n各位代表：', ctx);
    const en = inferDocMeta("Report on the Work of the Government\nDelivered at the Second Session of the 16th Beijing Municipal People's Congress on January 21, 2024\nFellow Deputies,", ctx);
    expect({ year: en.year, date: en.date, region: en.region }).toEqual({ year: zh.year, date: zh.date, region: zh.region });
    expect(regionName(en.region)?.government).toBe('北京市人民政府');
    expect(en.language).toBe('en');
  });
});

describe('the reader table', () => {
  it('ends every extension\'s list with a reader that accepts anything', () => {
    for (const [ext, readers] of Object.entries(READERS)) expect(readers.at(-1)?.accepts, ext).toBeUndefined();
  });
});

describe('robustness on random input', () => {
  it('never throws while inferring metadata from arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (text) => {
        const meta = inferMeta(`政府工作报告\n${text}\n——2024年1月7日在${text}第十二届人民代表大会第二次会议上`);
        return meta.year === null || Number.isInteger(meta.year);
      }),
      { numRuns: 300 },
    );
  });

  it('never lets a tag through when extracting text from random markup', { tags: ['slow'] }, () => {
    const piece = fc.constantFrom('<p>', '</p>', '<script>', '</script>', '<td>', '<tr>', '<table>', '</table>', '<!--', '-->', '<b>', '&amp;', '&lt;', '<br>', '正文', 'x', '<iframe>', '<style>');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { text } = extractBlocks(pieces.join(''));
        // `&lt;` decodes to `<`, but no piece is a bare `p>`, so a tag in the text means markup leaked.
        return !/<(p|script|td|tr|table|b|br|iframe|style)>/.test(text);
      }),
      { numRuns: 300 },
    );
  });
});

describeWithShared('corpora/national-zh', 'the reader table on the year-a-line collection', () => {
  it('picks readers by extension, case-insensitively, and the year-a-line reader only for its shape', () => {
    const yearLines = readFileSync(path.join(corporaDir, 'national-zh/gov_reports1954-2022.txt'));
    expect(pickReader('national-zh/gov_reports1954-2022.txt', yearLines)?.format).toBe('yeartxt');
    expect(pickReader('REPORT.TXT', Buffer.from('政府工作报告'))?.format).toBe('txt');
    expect(pickReader('a.htm', Buffer.alloc(0))?.format).toBe('html');
    expect(pickReader('a.docx', Buffer.alloc(0))?.format).toBe('docx');
    expect(pickReader('a.csv', Buffer.alloc(0))?.format).toBe('csv');
    expect(pickReader('a.jsonl', Buffer.alloc(0))?.format).toBe('jsonl');
    expect(pickReader('a.PDF', Buffer.alloc(0))?.format).toBe('pdf');
    expect(pickReader('a.doc', Buffer.alloc(0))?.format).toBe('doc');
    expect(pickReader('a.doc', Buffer.from('PK\x03\x04rest', 'latin1'))?.format).toBe('docx');
    expect(pickReader('a.doc', Buffer.from('<html><body><p>报告</p></body></html>'))?.format).toBe('html');
    expect(pickReader('a.wps', Buffer.alloc(0))?.format).toBe('doc');
    expect(pickReader('Makefile', Buffer.alloc(0))).toBeNull();
  });
});
