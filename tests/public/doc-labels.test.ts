/**
 * Labels of reports for the report filter and the chart by report: two reports that would read the same (one
 * report from two sources) say which file each came from, and every label differs from the others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docLabels, labelLine } from '../../public/js/doc-labels.js';

const report = (id: string, file: string, title = '1955年国务院政府工作报告') => ({
  id,
  year: 1955,
  title,
  titleEn: 'Report on the Work of the Government (1955)',
  file,
});

describe('docLabels', () => {
  it('gives a report its year and title in the interface language', () => {
    const labels = docLabels([report('a', 'national-zh/government_work_reports.jsonl'), { ...report('b', 'b.txt'), year: 2024, titleEn: '' }], 'en');
    expect(labels.get('a')).toEqual({ text: '1955 · Report on the Work of the Government (1955)', source: '' });
    // No English title: the Chinese one.
    expect(labels.get('b')).toEqual({ text: '2024 · 1955年国务院政府工作报告', source: '' });
    expect(docLabels([report('a', 'x.txt')], 'zh').get('a')?.text).toBe('1955 · 1955年国务院政府工作报告');
  });

  it('names a region before an English title, which names it only at its end', () => {
    const provinces = [['Shandong Province', '山东'], ['Anhui Province', '安徽']].map(([region, zh], i) => ({
      id: `p${i}`, year: 2025, title: `2025年${zh}省政府工作报告`, region,
      titleEn: `Report on the Work of the Government of ${region} (2025)`, file: `p${i}.docx`,
    }));
    const en = docLabels(provinces, 'en');
    expect(en.get('p0')?.text).toBe('2025 · Shandong Province · Report on the Work of the Government of Shandong Province (2025)');
    // Cut to a chart's width, the labels still differ.
    expect(new Set([...en.values()].map((label) => label.text.slice(0, 28))).size).toBe(2);
    // The Chinese titles begin with the region already; the nation's reports name none; a region in Chinese is not
    // put before an English title; nor is one the title begins with.
    expect(docLabels(provinces, 'zh').get('p0')?.text).toBe('2025 · 2025年山东省政府工作报告');
    expect(docLabels([{ ...report('n', 'n.txt'), region: 'China (national)' }], 'en').get('n')?.text).toBe('1955 · Report on the Work of the Government (1955)');
    expect(docLabels([{ ...report('h', 'h.txt'), region: '海拉尔区' }], 'en').get('h')?.text).toBe('1955 · Report on the Work of the Government (1955)');
    expect(docLabels([{ ...report('g', 'g.txt'), region: 'Report' }], 'en').get('g')?.text).toBe('1955 · Report on the Work of the Government (1955)');
  });

  it('names the source file of two reports that would read the same, and the id of two from one file', () => {
    const twice = [report('yl-national-1955', 'national-zh/gov_reports1954-2022.txt'), report('national-1955', 'national-zh/government_work_reports.jsonl', '1955年中华人民共和国国务院政府工作报告')];
    const en = docLabels(twice, 'en');
    expect(en.get('yl-national-1955')).toEqual({ text: '1955 · Report on the Work of the Government (1955)', source: 'gov_reports1954-2022.txt' });
    expect(labelLine(en.get('national-1955') ?? { text: '', source: '' })).toBe('1955 · Report on the Work of the Government (1955) (government_work_reports.jsonl)');
    // In Chinese their titles differ already: nothing is added.
    expect(docLabels(twice, 'zh').get('national-1955')).toEqual({ text: '1955 · 1955年中华人民共和国国务院政府工作报告', source: '' });
    const oneFile = docLabels([report('a', 'c.jsonl'), report('b', 'c.jsonl')], 'en');
    expect(oneFile.get('a')?.source).toBe('c.jsonl · a');
  });

  it('labels every report, each differently, whatever their titles, years and files', () => {
    const doc = fc.record({
      year: fc.constantFrom(null, 1955, 2024),
      title: fc.constantFrom('甲', '乙'),
      titleEn: fc.constantFrom('', 'A', 'B'),
      file: fc.constantFrom('', 'x/a.txt', 'y/a.txt', 'b.jsonl'),
    });
    fc.assert(
      fc.property(fc.array(doc, { maxLength: 12 }), fc.constantFrom('en', 'zh'), (docs, language) => {
        const withIds = docs.map((d, i) => ({ ...d, id: `r${i}` }));
        const labels = docLabels(withIds, language);
        expect(labels.size).toBe(withIds.length);
        expect(new Set([...labels.values()].map(labelLine)).size).toBe(withIds.length);
      }),
    );
  });
});
