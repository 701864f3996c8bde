import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { citePassage } from '../../src/search/citation.js';
import { findDateline } from '../../src/search/dateline.js';
import { regionName } from '../../src/search/region-names.js';
import { sectionLabel, tightenCjkSpaces } from '../../src/search/section-label.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const corpusText = (id: string): string => readFileSync(path.resolve(repoRoot, 'corpus', `${id}.txt`), 'utf8');
const XIZANG = 'Xizang (Tibet) Autonomous Region';

/** Metadata of the shipped reports, as the seeds' README describes them. */
function meta(id: string, fields: Partial<DocMeta>): DocMeta {
  return {
    id,
    title: '政府工作报告',
    titleEn: 'Report on the Work of the Government',
    type: 'government work report',
    region: XIZANG,
    year: null,
    date: null,
    issuer: null,
    language: 'zh',
    file: `${id}.txt`,
    checksum: 'sha256:0',
    ...fields,
  };
}

const gwr2024 = meta('xizang-2024-government-work-report', { year: 2024, date: '2024-01-07', issuer: '严金海' });
const plan14 = meta('xizang-14th-five-year-plan', {
  title: '西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
  titleEn: 'Outline of the 14th Five-Year Plan for Economic and Social Development of the Xizang Autonomous Region and Long-Range Objectives Through the Year 2035',
  type: 'five-year plan',
  year: 2021,
  date: '2021-01-24',
});

/** A passage of `doc` covering the first line of its text that starts with `lineStart`. */
function passageAt(doc: DocMeta, lineStart: string, ordinal: number, sectionPath: string[]): Passage {
  const text = corpusText(doc.id);
  const start = text.indexOf(`\n${lineStart}`) + 1;
  expect(start).toBeGreaterThan(0);
  const end = text.indexOf('\n', start);
  return {
    id: `${doc.id}-p${String(ordinal).padStart(4, '0')}`,
    docId: doc.id,
    ordinal,
    kind: 'paragraph',
    sectionPath,
    text: text.slice(start, end).trim(),
    start,
    end,
  };
}

/** The heading line of the body (not the table of contents) that starts with `prefix`. */
function bodyHeading(id: string, prefix: string): string {
  const line = corpusText(id)
    .split('\n')
    .find((l) => l.startsWith(prefix) && !l.includes('.....'));
  expect(line).toBeDefined();
  return (line ?? '').trim();
}

describe('citePassage: Chinese, GB/T 7714-2015', () => {
  const review = bodyHeading(gwr2024.id, '2023 年工作回顾');
  const passage = passageAt(gwr2024, '2023 年是全面贯彻', 11, [review]);
  const subtitle = findDateline(corpusText(gwr2024.id)) ?? undefined;

  it('cites a work report by its speaker, with the dateline as subtitle, the locator in the place of the page', () => {
    expect(citePassage(gwr2024, passage, { subtitle }).zh).toBe(
      '严金海. 政府工作报告: 2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上[R]. 拉萨: 西藏自治区人民政府, 2024: 2023年工作回顾, 第12段.',
    );
  });

  it('cites online with [R/OL], the date delivered, the access date and the permalink', () => {
    const cited = citePassage(gwr2024, passage, {
      baseUrl: 'https://reports.example.org/',
      accessed: new Date('2025-03-01T23:30:00Z'),
    });
    expect(cited.zh).toBe(
      '严金海. 政府工作报告[R/OL]. 拉萨: 西藏自治区人民政府, 2024: 2023年工作回顾, 第12段(2024-01-07)[2025-03-01]. ' +
        'https://reports.example.org/p/xizang-2024-government-work-report-p0011.',
    );
  });

  it('is deterministic given the access date', () => {
    const options = { baseUrl: 'https://reports.example.org', accessed: new Date('2025-03-01T00:00:00Z'), subtitle };
    expect(citePassage(gwr2024, passage, options)).toEqual(citePassage(gwr2024, passage, options));
  });

  it('names the region’s government as responsible body when no speaker is known, and locates by section numbers', () => {
    const path = ['第二篇 ', '第三章 ', '第一节 '].map((p) => bodyHeading(plan14.id, p));
    const p = passageAt(plan14, '发挥首府城市聚集效应', 41, path);
    const cited = citePassage(plan14, p, { subtitle: findDateline(corpusText(plan14.id)) ?? undefined });
    expect(cited.zh).toBe(
      '西藏自治区人民政府. 西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: ' +
        '2021年1月24日西藏自治区第十一届人民代表大会第四次会议通过[R]. 拉萨: 西藏自治区人民政府, 2021: 第二篇 第三章 第一节, 第42段.',
    );
    expect(cited.en).toContain('Part 2, Chapter 3, Section 1, para. 42.');
  });

  it('drops the speaker’s role title as the gazette prints it', () => {
    const issuerLine = corpusText('xizang-gazette-2025-01-government-work-report')
      .split('\n')
      .find((l) => l.includes('代理主席'));
    expect(issuerLine).toBe('(自治区代理主席 嘎玛泽登)');
    const doc = meta('xizang-gazette-2025-01-government-work-report', { year: 2025, date: '2025-01-19', issuer: issuerLine ?? null });
    const p = passageAt(doc, '现在，我代表', 3, []);
    expect(citePassage(doc, p).zh).toBe('嘎玛泽登. 政府工作报告[R]. 拉萨: 西藏自治区人民政府, 2025: 第4段.');
  });

  it('marks what is unknown the GB/T way rather than inventing it', () => {
    const doc = meta('mystery', { region: 'Atlantis', title: '报告' });
    const p = passageAt(gwr2024, '各位代表', 0, []);
    const cited = citePassage(doc, p);
    expect(cited.zh).toBe('佚名. 报告[R]. [出版地不详]: [出版者不详], [出版年不详]: 第1段.');
    expect(cited.en).toBe('Atlantis. (n.d.). Report on the Work of the Government. Atlantis. para. 1.');
  });
});

describe('citePassage: English', () => {
  const passage = passageAt(gwr2024, '2023 年是全面贯彻', 11, [bodyHeading(gwr2024.id, '2023 年工作回顾')]);

  it('gives author, year, English title, region, section and paragraph, and the permalink with the access date', () => {
    const cited = citePassage(gwr2024, passage, { baseUrl: 'https://r.example.org', accessed: new Date('2025-03-01T12:00:00Z') });
    expect(cited.en).toBe(
      "People's Government of Xizang (Tibet) Autonomous Region. (2024). Report on the Work of the Government. " +
        'Xizang (Tibet) Autonomous Region. “2023年工作回顾”, para. 12. ' +
        '[https://r.example.org/p/xizang-2024-government-work-report-p0011, accessed 2025-03-01]',
    );
  });

  it('keeps a speaker already written in Latin letters as the author', () => {
    const doc = { ...gwr2024, issuer: 'Li Qiang', region: 'China (national)' };
    const cited = citePassage(doc, passage);
    expect(cited.en.startsWith('Li Qiang. (2024). Report on the Work of the Government. China (national).')).toBe(true);
    expect(cited.zh.startsWith('Li Qiang. 政府工作报告[R]. 北京: 中华人民共和国国务院, 2024:')).toBe(true);
  });
});

describe('findDateline', () => {
  it('finds the dateline of every shipped report that has one, tightened and unwrapped', () => {
    expect(findDateline(corpusText('xizang-2024-government-work-report'))).toBe('2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上');
    expect(findDateline(corpusText('xizang-2020-government-work-report'))).toBe('2020年1月7日在西藏自治区第十一届人民代表大会第三次会议上');
    expect(findDateline(corpusText('xizang-14th-five-year-plan'))).toBe('2021年1月24日西藏自治区第十一届人民代表大会第四次会议通过');
    expect(findDateline(corpusText('xizang-gazette-2025-01-government-work-report'))).toBe(
      '2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上',
    );
  });

  it('finds none in the newspaper reprint whose start is missing, nor in dash-led list items', () => {
    expect(findDateline(corpusText('xizang-2023-plan-report'))).toBeNull();
    expect(findDateline('——坚持党的全面领导。坚持中国共产党领导。\n——坚持以人民为中心。')).toBeNull();
  });
});

describe('section labels and region names', () => {
  it('labels numbered headings in Chinese and English', () => {
    expect(sectionLabel('第二十三章 加强边境地区建设')).toEqual({ zh: '第二十三章', en: 'Chapter 23', numbered: true });
    expect(sectionLabel('(一)脱贫攻坚任务全面完成。')).toEqual({ zh: '（一）', en: '(1)', numbered: true });
    expect(sectionLabel('三、2024年工作安排')).toEqual({ zh: '三、', en: '3.', numbered: true });
  });

  it('labels a run-in heading of the plan report by its number', () => {
    const line = corpusText('xizang-2023-plan-report').split('\n').find((l) => l.startsWith('（一）')) ?? '';
    expect(sectionLabel(line).zh).toBe('（一）');
  });

  it('shortens an unnumbered heading to 20 characters', () => {
    const label = sectionLabel('以习近平新时代中国特色社会主义思想为指导全面建设社会主义现代化新西藏的总体要求');
    expect(label.numbered).toBe(false);
    expect([...label.zh].length).toBe(21);
    expect(label.zh.endsWith('…')).toBe(true);
  });

  it('removes the spaces PDF extraction puts around numbers', () => {
    expect(tightenCjkSpaces('2024 年 1 月 7日在  西藏')).toBe('2024年1月7日在西藏');
    expect(tightenCjkSpaces('clean  energy')).toBe('clean energy');
  });

  it('knows the publisher and place of the nation, the provinces and Hailar District, and tells Shaanxi from Shanxi', () => {
    expect(regionName(XIZANG)).toMatchObject({ government: '西藏自治区人民政府', seat: '拉萨' });
    expect(regionName('China (national)')).toMatchObject({ government: '中华人民共和国国务院', seat: '北京' });
    expect(regionName('Shaanxi Province')?.seat).toBe('西安');
    expect(regionName('Shanxi Province')?.seat).toBe('太原');
    expect(regionName('宁夏')?.government).toBe('宁夏回族自治区人民政府');
    expect(regionName('Hailar District, Inner Mongolia')?.government).toBe('呼伦贝尔市海拉尔区人民政府');
    expect(regionName('Atlantis')).toBeNull();
  });
});

const manifestPath = path.resolve(repoRoot, 'corpus/manifest.json');

describe.skipIf(!existsSync(manifestPath))('citePassage with the corpus manifest', () => {
  it('cites a passage of every document in the manifest without an unknown marker', () => {
    const raw: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const record = raw as { documents?: unknown; docs?: unknown };
    const docs = (Array.isArray(raw) ? raw : (record.documents ?? record.docs ?? [])) as DocMeta[];
    expect(docs.length).toBeGreaterThanOrEqual(5);
    for (const doc of docs) {
      const p: Passage = { id: `${doc.id}-p0000`, docId: doc.id, ordinal: 0, kind: 'front', sectionPath: [], text: '', start: 0, end: 0 };
      const cited = citePassage(doc, p, { baseUrl: 'https://r.example.org', accessed: new Date('2025-03-01T00:00:00Z') });
      const year = doc.date ? doc.date.slice(0, 4) : String(doc.year);
      expect(cited.zh).not.toMatch(/不详|佚名|undefined|null|NaN/);
      expect(cited.en).not.toMatch(/n\.d\.|undefined|null|NaN/);
      expect(cited.zh).toContain(`[R/OL]. 拉萨: 西藏自治区人民政府, ${year}: 第1段`);
    }
  });
});
