import { describe, expect, it } from 'vitest';
import { englishTypeOfTitle, findEnglishTitle } from '../../src/ingest/english-title.js';
import { inferDocMeta } from '../../src/ingest/doc-meta.js';
import { typeOfTitle } from '../../src/ingest/infer-meta.js';

const OPENING = `Delivered at the Third Session of the 14th National People's Congress of the People's Republic of China on March 5, 2025

Li Qiang
Premier of the State Council

Fellow Deputies,

On behalf of the State Council, I will now report to you on the work of the government for your deliberation and approval.

I. A Review of Our Work in 2024

The past year was a truly eventful one.`;

describe('the kind of report an English title names', () => {
  it.each([
    ['Report on the Work of the Government', 'government work report'],
    ['Report on the Work of the Beijing Municipal Government', 'government work report'],
    ['Outline of the 14th Five-Year Plan for Economic and Social Development and Long-Range Objectives Through the Year 2035', 'five-year plan'],
    ['Report on the Implementation of the 2024 Plan for National Economic and Social Development and on the 2025 Draft Plan', 'plan report'],
    ['Resolution of the Third Session of the 14th National People’s Congress on the Report on the Work of the Government', 'resolution'],
    ['Statistical Communiqué on the 2024 National Economic and Social Development', 'statistical communiqué'],
    ['Gazette of the State Council', 'gazette'],
    ['A White Paper on Data Classification', null],
  ])('%s → %s', (title, kind) => {
    expect(englishTypeOfTitle(title)).toBe(kind);
    expect(typeOfTitle(title)).toBe(kind);
  });

  it('leaves the Chinese titles to the Chinese patterns', () => {
    expect(typeOfTitle('2025年西藏自治区政府工作报告')).toBe('government work report');
    expect(englishTypeOfTitle('2025年西藏自治区政府工作报告')).toBeNull();
  });
});

describe('the title of a report in English', () => {
  it('is the line that names a kind of report, above its dateline', () => {
    expect(findEnglishTitle(`Report on the Work of the Government\n\n${OPENING}`)).toBe('Report on the Work of the Government');
    expect(findEnglishTitle(`People's Republic of China\n2025\nReport on the Work of the Government\n\n${OPENING}`)).toBe('Report on the Work of the Government');
  });

  it('is a short first line that reads as a title, else none', () => {
    expect(findEnglishTitle(`Building a Better Capital Together\n\n${OPENING}`)).toBe('Building a Better Capital Together');
    expect(findEnglishTitle(OPENING)).toBeNull();
    expect(findEnglishTitle('Fellow Deputies,\n\nOn behalf of the State Council, I will now report.')).toBeNull();
    expect(findEnglishTitle('March 5, 2025\n\nFellow Deputies,')).toBeNull();
  });

  it('titles, types and names an English report apart from the same report in Chinese', () => {
    const meta = inferDocMeta(`Report on the Work of the Government\n\n${OPENING}`, { file: 'reports/gwr.txt', checksum: 'sha256:x' });
    expect(meta).toMatchObject({
      id: 'national-2025-government-work-report-en',
      title: 'Report on the Work of the Government',
      type: 'government work report',
      year: 2025,
      date: '2025-03-05',
      language: 'en',
    });
    const zh = inferDocMeta('政府工作报告\n——2025年3月5日在第十四届全国人民代表大会第三次会议上\n国务院总理　李强\n各位代表：', { file: 'reports/gwr-zh.txt', checksum: 'sha256:y' });
    expect(zh.id).toBe('national-2025-government-work-report');
  });
});
