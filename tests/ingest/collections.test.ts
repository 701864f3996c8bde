import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checksumOf } from '../../src/ingest/checksum.js';
import { readJsonl, parseRecord, withoutSourceNotice } from '../../src/ingest/jsonl.js';
import { looksLikeYearLines, readYearLines } from '../../src/ingest/year-lines.js';
import { corporaDir, testContext } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

describeWithShared('corpora/national-zh', 'the national collections', () => {
  const jsonlBytes = readFileSync(path.join(corporaDir, 'national-zh/government_work_reports.jsonl'));
  const yearLinesBytes = readFileSync(path.join(corporaDir, 'national-zh/gov_reports1954-2022.txt'));
  const records = jsonlBytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { title: string; content: string; year: string | null });

  describe('the JSONL reader on the national collection', () => {
    const ctx = testContext('national-zh/government_work_reports.jsonl');
    const docs = readJsonl(jsonlBytes, ctx);

    it('gives one document per record, 72 in all, each text the record content verbatim up to the site licence notice', () => {
      expect(docs).toHaveLength(72);
      expect(ctx.warnings).toEqual([]);
      docs.forEach((doc, i) => {
        expect(doc.text).toBe(withoutSourceNotice(records[i].content));
        expect(doc.meta.title).toBe(records[i].title);
        expect(doc.meta.checksum).toBe(checksumOf(records[i].content));
        expect(doc.format).toBe('jsonl');
      });
    });

    it('types the 20 records without a year as NPC resolutions, with the year of their session', () => {
      const resolutions = docs.filter((d) => d.meta.type === 'resolution');
      expect(resolutions).toHaveLength(20);
      expect(resolutions.map((d) => d.meta.title).every((t) => t.endsWith('关于政府工作报告的决议'))).toBe(true);
      for (const doc of resolutions) {
        expect(doc.meta.year, doc.meta.title).not.toBeNull();
        expect(doc.meta.issuer).toBe(doc.meta.title.replace('关于政府工作报告的决议', ''));
      }
      const byTitle = new Map(resolutions.map((d) => [d.meta.title, d.meta.year]));
      expect(byTitle.get('第十四届全国人民代表大会第三次会议关于政府工作报告的决议')).toBe(2025);
      expect(byTitle.get('第十三届全国人民代表大会第三次会议关于政府工作报告的决议')).toBe(2020);
      expect(byTitle.get('第二届全国人民代表大会第三次会议关于政府工作报告的决议')).toBe(1962);
    });

    it('keeps the record year for the 52 work reports and gives every document a distinct id', () => {
      const reports = docs.filter((d) => d.meta.type === 'government work report');
      expect(reports).toHaveLength(52);
      reports.forEach((d) => expect(d.meta.id).toBe(`national-${d.meta.year}-government-work-report`));
      expect(new Set(docs.map((d) => d.meta.id)).size).toBe(72);
      expect(reports.find((d) => d.meta.year === 2024)?.meta).toMatchObject({ date: '2024-03-05', issuer: '李强' });
    });

    it('skips a malformed line with a warning and reads the rest', () => {
      const bad = Buffer.concat([Buffer.from('{"title": "坏", "content": 1}\nnot json\n'), jsonlBytes.subarray(0, jsonlBytes.indexOf(0x0a) + 1)]);
      const badCtx = testContext('bad.jsonl');
      expect(readJsonl(bad, badCtx)).toHaveLength(1);
      expect(badCtx.warnings.map((w) => w.code)).toEqual(['INGEST_RECORD_INVALID', 'INGEST_RECORD_INVALID']);
      expect(badCtx.warnings[1].detail).toMatch(/^line 2: not JSON/);
    });

    it('accepts years written as numbers or as strings', () => {
      expect(parseRecord('{"title":"t","content":"c","year":2024}')).toMatchObject({ year: 2024 });
      expect(parseRecord('{"title":"t","content":"c","year":"2024"}')).toMatchObject({ year: 2024 });
      expect(parseRecord('{"title":"t","content":"c","year":"二〇二四"}')).toMatch(/year/);
    });
  });

  describe('the year-a-line reader on gov_reports1954-2022.txt', () => {
    const lines = yearLinesBytes.toString('utf8').split('\n').filter((l) => l !== '');
    const ctx = testContext('national-zh/gov_reports1954-2022.txt');
    const docs = readYearLines(yearLinesBytes, ctx);

    it('is recognised by its shape, and plain reports are not', () => {
      expect(looksLikeYearLines(yearLinesBytes)).toBe(true);
      expect(looksLikeYearLines(readFileSync(path.join(corporaDir, 'district-gbk/2012.txt')))).toBe(false);
    });

    it('gives one document per line, 53 reports from 1954 to 2022, 2020 included', () => {
      expect(docs).toHaveLength(53);
      expect(ctx.warnings).toEqual([]);
      const years = docs.map((d) => d.meta.year);
      expect(new Set(years).size).toBe(53);
      expect(Math.min(...(years as number[]))).toBe(1954);
      expect(Math.max(...(years as number[]))).toBe(2022);
      expect(years).toContain(2020);
    });

    it('turns the tabs back into line breaks and changes nothing else', () => {
      docs.forEach((doc, i) => {
        const [year, ...rest] = lines[i].split('\t');
        expect(doc.meta.year).toBe(Number(year));
        expect(doc.text).not.toContain('\t');
        expect(doc.text).toBe(rest.join('\n'));
      });
    });

    it('uses ids that cannot clash with the JSONL collection', () => {
      const jsonlIds = new Set(readJsonl(jsonlBytes, testContext('j.jsonl')).map((d) => d.meta.id));
      expect(docs.every((d) => d.meta.id.startsWith('yl-') && !jsonlIds.has(d.meta.id))).toBe(true);
      expect(docs.find((d) => d.meta.year === 2020)?.meta).toMatchObject({ id: 'yl-national-2020-government-work-report', date: '2020-05-22', issuer: '李克强' });
    });
  });
});
