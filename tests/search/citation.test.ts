import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { Converter } from 'opencc-js';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { DocMeta, Passage } from '../../src/model.js';
import { CitationMemo, citePassage } from '../../src/search/citation.js';
import { findArticleTitle, findDateline } from '../../src/search/dateline.js';
import { regionName } from '../../src/search/region-names.js';
import { sectionLabel, tightenCjkSpaces } from '../../src/search/section-label.js';
import { englishTitle, inferDocMeta } from '../../src/ingest/doc-meta.js';
import { describeWithShared, sharedPath } from '../shared-data.js';
import { SEEDS, seedPassages } from '../chunk/seeds.js';

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

const gazette = meta('xizang-gazette-2025-01', {
  title: '西藏自治区人民政府公报 2025年第1期（总第683号）',
  titleEn: "Gazette of the People's Government of the Xizang (Tibet) Autonomous Region, 2025 No. 1 (Serial No. 683): Report on the Work of the Government (2025)",
  type: 'gazette',
  year: 2025,
  date: '2025-01-19',
  issuer: '嘎玛泽登',
});
const gwr2024 = meta('xizang-2024-government-work-report', { year: 2024, date: '2024-01-07', issuer: '严金海' });
const plan14 = meta('xizang-14th-five-year-plan', {
  title: '西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要',
  titleEn: 'Outline of the 14th Five-Year Plan for Economic and Social Development of the Xizang Autonomous Region and Long-Range Objectives Through the Year 2035',
  type: 'five-year plan',
  year: 2021,
  date: '2021-01-24',
});

/** A passage of `doc` covering the first line of its text that starts with `lineStart`. */
function passageAt(doc: DocMeta, lineStart: string, ordinal: number, sectionPath: string[], extra: Partial<Passage> = {}): Passage {
  const text = corpusText(doc.id === gazette.id ? 'xizang-gazette-2025-01-government-work-report' : doc.id);
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
    ...extra,
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
  const passage = passageAt(gwr2024, '2023 年是全面贯彻', 11, [review], { paragraph: 10 });
  const subtitle = findDateline(corpusText(gwr2024.id)) ?? undefined;

  it('cites a work report [R] by the government that issues it, the dateline as subtitle, the paragraph a reader counts', () => {
    expect(citePassage(gwr2024, passage, { subtitle }).zh).toBe(
      '西藏自治区人民政府. 政府工作报告: 2024年1月7日在西藏自治区第十二届人民代表大会第二次会议上[R]. 拉萨: 西藏自治区人民政府, 2024: 2023年工作回顾, 第10段.',
    );
  });

  it('gives the pages of a passage of a paged source in the place of the cited page, 12-13 across a page break', () => {
    expect(citePassage(gwr2024, { ...passage, page: 12, pageEnd: 13 }).zh).toBe(
      '西藏自治区人民政府. 政府工作报告[R]. 拉萨: 西藏自治区人民政府, 2024: 12-13, 2023年工作回顾, 第10段.',
    );
    expect(citePassage(gwr2024, { ...passage, page: 12, pageEnd: 12 }).en).toContain('Review of work in 2023, para. 10, p. 12.');
    expect(citePassage(gwr2024, { ...passage, page: 12, pageEnd: 13 }).en).toContain('para. 10, pp. 12-13.');
  });

  it('cites online with [R/OL], the date delivered, the access date and the permalink', () => {
    const cited = citePassage(gwr2024, passage, {
      baseUrl: 'https://reports.example.org/',
      accessed: new Date('2025-03-01T23:30:00Z'),
    });
    expect(cited.zh).toBe(
      '西藏自治区人民政府. 政府工作报告[R/OL]. 拉萨: 西藏自治区人民政府, 2024: 2023年工作回顾, 第10段(2024-01-07)[2025-03-01]. ' +
        'https://reports.example.org/p/xizang-2024-government-work-report-p0011.',
    );
  });

  it('is deterministic given the access date', () => {
    const options = { baseUrl: 'https://reports.example.org', accessed: new Date('2025-03-01T00:00:00Z'), subtitle };
    expect(citePassage(gwr2024, passage, options)).toEqual(citePassage(gwr2024, passage, options));
  });

  it('locates by section numbers, and gives no paragraph number to what is not a paragraph', () => {
    const path = ['第二篇 ', '第三章 ', '第一节 '].map((p) => bodyHeading(plan14.id, p));
    const p = passageAt(plan14, '发挥首府城市聚集效应', 41, path, { paragraph: 17 });
    const cited = citePassage(plan14, p, { subtitle: findDateline(corpusText(plan14.id)) ?? undefined });
    expect(cited.zh).toBe(
      '西藏自治区人民政府. 西藏自治区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要: ' +
        '2021年1月24日西藏自治区第十一届人民代表大会第四次会议通过[R]. 拉萨: 西藏自治区人民政府, 2021: 第二篇 第三章 第一节, 第17段.',
    );
    expect(cited.en).toContain('Part 2, Chapter 3, Section 1, para. 17.');
    const heading = citePassage(plan14, { ...p, kind: 'heading', paragraph: null });
    expect(heading.zh).toMatch(/2021: 第二篇 第三章 第一节\.$/u);
    expect(heading.en).toMatch(/Part 2, Chapter 3, Section 1\.$/u);
  });

  it('writes a subsection after its section as the report numbers it, with no enumeration mark before a comma or a full stop', () => {
    const gwr2020 = meta('xizang-2020-government-work-report', { year: 2020, date: '2020-01-07' });
    const path = ['2019年工作回顾', '五、坚定不移统筹区域协调发展', '(一)乡村振兴扎实推进'].map((h) => bodyHeading(gwr2020.id, h));
    const p = passageAt(gwr2020, '(一)乡村振兴扎实推进', 37, path, { paragraph: 28 });
    const cited = citePassage(gwr2020, p);
    expect(cited.zh).toMatch(/, 2020: 2019年工作回顾 五、（一）, 第28段\.$/u);
    expect(cited.en).toMatch(/\. Review of work in 2019, 5\(1\), para\. 28\.$/u);
    const section = citePassage(gwr2020, { ...p, kind: 'heading', paragraph: null, sectionPath: path.slice(1, 2) });
    expect(section.zh).toMatch(/, 2020: 五\.$/u);
    expect(section.en).toMatch(/\. 5\.$/u);
    for (const c of [cited, section]) expect(`${c.zh} ${c.en}`).not.toMatch(/、[,.，。]|\.[,.]/u);
  });

  it('cites a report printed in a gazette issue as an article [J], with the year, the issue and the pages', () => {
    const p = passageAt(gazette, '现在，我代表', 5, [], { paragraph: 1, page: 3, pageEnd: 3 });
    const cited = citePassage(gazette, p, { article: '政府工作报告' });
    expect(cited.zh).toBe('西藏自治区人民政府. 政府工作报告[J]. 西藏自治区人民政府公报, 2025(1): 3, 第1段.');
    expect(cited.en).toBe(
      "People's Government of Xizang (Tibet) Autonomous Region. (2025). Report on the Work of the Government (2025). " +
        "Gazette of the People's Government of the Xizang (Tibet) Autonomous Region, 2025 No. 1 (Serial No. 683). para. 1, p. 3.",
    );
    const online = citePassage(gazette, p, { article: '政府工作报告', baseUrl: 'https://r.example.org', accessed: new Date('2025-03-01T00:00:00Z') });
    expect(online.zh).toBe(
      '西藏自治区人民政府. 政府工作报告[J/OL]. 西藏自治区人民政府公报, 2025(1): 3, 第1段(2025-01-19)[2025-03-01]. https://r.example.org/p/xizang-gazette-2025-01-p0005.',
    );
  });

  it('cites a report printed in a newspaper as a newspaper article [N], with the date and the edition', () => {
    const paper = meta('xizang-2023-plan-report', {
      title: '西藏日报 2023年1月31日第3版: 关于西藏自治区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告',
      titleEn: 'Report on the Implementation of the 2022 Plan and on the 2023 Draft Plan',
      type: 'newspaper',
      year: 2023,
      date: '2023-01',
    });
    const p = passageAt(paper, '（四）特色产业持续发展', 20, [], { paragraph: 14 });
    const cited = citePassage(paper, p);
    expect(cited.zh).toBe(
      '西藏自治区人民政府. 关于西藏自治区2022年国民经济和社会发展计划执行情况与2023年国民经济和社会发展计划草案的报告[N]. 西藏日报, 2023-01-31(3): 第14段.',
    );
    expect(cited.en).toBe(
      "People's Government of Xizang (Tibet) Autonomous Region. (2023). Report on the Implementation of the 2022 Plan and on the 2023 Draft Plan. " +
        'Newspaper, 2023-01-31, p. 3. para. 14.',
    );
  });

  it('marks what is unknown the GB/T way rather than inventing it', () => {
    const doc = meta('mystery', { region: 'Atlantis', title: '报告' });
    const p = passageAt(gwr2024, '各位代表', 0, [], { paragraph: 1 });
    const cited = citePassage(doc, p);
    expect(cited.zh).toBe('佚名. 报告[R]. [出版地不详]: [出版者不详], [出版年不详]: 第1段.');
    expect(cited.en).toBe('Anonymous. (n.d.). Report on the Work of the Government. Atlantis. para. 1.');
  });
});

describe('citePassage: English', () => {
  const passage = passageAt(gwr2024, '2023 年是全面贯彻', 11, [bodyHeading(gwr2024.id, '2023 年工作回顾')], { paragraph: 10 });

  it('gives author, year, English title, region, section and paragraph, and the permalink with the access date', () => {
    const cited = citePassage(gwr2024, passage, { baseUrl: 'https://r.example.org', accessed: new Date('2025-03-01T12:00:00Z') });
    expect(cited.en).toBe(
      "People's Government of Xizang (Tibet) Autonomous Region. (2024). Report on the Work of the Government. " +
        'Xizang (Tibet) Autonomous Region. Review of work in 2023, para. 10. ' +
        '[https://r.example.org/p/xizang-2024-government-work-report-p0011, accessed 2025-03-01]',
    );
  });

  it('names the same author in both languages: a speaker in Latin letters when the region is unknown', () => {
    const doc = { ...gwr2024, issuer: 'Li Qiang', region: 'Nowhere' };
    const cited = citePassage(doc, passage);
    expect(cited.en.startsWith('Li Qiang. (2024). Report on the Work of the Government. Nowhere.')).toBe(true);
    expect(cited.zh.startsWith('Li Qiang. 政府工作报告[R]. [出版地不详]: [出版者不详], 2024:')).toBe(true);
  });

  it('has no Chinese in the English citation of any passage of the bundled reports', () => {
    for (const { id } of SEEDS) {
      const doc = meta(id, { titleEn: 'Report', year: 2024 });
      for (const p of seedPassages(id)) expect(citePassage(doc, p).en, p.id).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describe('CitationMemo', () => {
  const docs = [gwr2024, gazette, plan14];
  const passages = SEEDS.flatMap((seed) => seedPassages(seed.id));

  it('cites every passage exactly as citePassage does, on any day, online or not, in any order', () => {
    // Three days, any hour: passages are asked again within a day (from the memo) and across days.
    const day = fc.record({ d: fc.integer({ min: 0, max: 2 }), ms: fc.nat(86_399_999) }).map(({ d, ms }) => new Date(Date.UTC(2026, 11, 5 + d) + ms));
    const ask = fc.record({ at: fc.nat(passages.length - 1), accessed: day });
    fc.assert(
      fc.property(fc.boolean(), fc.array(ask, { minLength: 1, maxLength: 60 }), (online, asks) => {
        // One engine cites each passage with fixed options (and each passage belongs to one report).
        const memo = new CitationMemo(20);
        for (const { at, accessed } of asks) {
          const options = { accessed, ...(online ? { baseUrl: 'https://reports.example.org' } : {}), subtitle: '副题' };
          const doc = docs[at % docs.length];
          expect(memo.cite(doc, passages[at], options)).toEqual(citePassage(doc, passages[at], options));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('makes a passage\'s citations once a day: the same object within the day, a new access date the next', () => {
    const memo = new CitationMemo();
    const passage = passages[10];
    const options = { baseUrl: 'https://reports.example.org' };
    const first = memo.cite(gwr2024, passage, { ...options, accessed: new Date('2026-12-05T08:00:00Z') });
    expect(memo.cite(gwr2024, passage, { ...options, accessed: new Date('2026-12-05T23:59:00Z') })).toBe(first);
    const next = memo.cite(gwr2024, passage, { ...options, accessed: new Date('2026-12-06T00:01:00Z') });
    expect(next.zh).toContain('[2026-12-06]');
    expect(first.zh).toContain('[2026-12-05]');
  });
});

describe('findArticleTitle', () => {
  it('finds the title of the report the gazette prints above its speaker and dateline, not the contents line', () => {
    expect(findArticleTitle(corpusText('xizang-gazette-2025-01-government-work-report'))).toBe('政府工作报告');
    expect(findArticleTitle('目 录\n- 1 政府工作报告\n——2025年1月19日在西藏自治区第十二届人民代表大会第三次会议上')).toBe('政府工作报告');
    expect(findArticleTitle('没有日期行的文字\n第二行')).toBeNull();
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

  it('finds the dateline of a report in traditional characters, as written', () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    for (const id of ['xizang-2024-government-work-report', 'xizang-14th-five-year-plan', 'xizang-gazette-2025-01-government-work-report']) {
      const simplified = findDateline(corpusText(id));
      expect(simplified).not.toBeNull();
      expect(findDateline(toTraditional(corpusText(id)))).toBe(toTraditional(simplified ?? ''));
      expect(findArticleTitle(toTraditional(corpusText(id)))).toBe(findArticleTitle(corpusText(id)) === null ? null : toTraditional(findArticleTitle(corpusText(id)) ?? ''));
    }
  });

  it('finds none in the newspaper reprint whose start is missing, nor in dash-led list items', () => {
    expect(findDateline(corpusText('xizang-2023-plan-report'))).toBeNull();
    expect(findDateline('——坚持党的全面领导。坚持中国共产党领导。\n——坚持以人民为中心。')).toBeNull();
  });
});

describe('citing a report by what it says about itself', () => {
  const passage: Passage = { id: 'x-p0007', docId: 'x', ordinal: 7, kind: 'paragraph', sectionPath: [], text: 'Our achievements', start: 0, end: 16, paragraph: 6, page: 1, pageEnd: 2 };

  it('gives a report written in English its own title in the English citation, not the catalogue title with a year', () => {
    const english = meta('national-2025-government-work-report-en', {
      title: 'Report on the Work of the Government', titleEn: 'Report on the Work of the Government (2025)', region: 'China (national)',
      year: 2025, date: '2025-03-05', language: 'en',
    });
    const cited = citePassage(english, passage);
    expect(cited.en).toContain('(2025). Report on the Work of the Government. ');
    expect(cited.en).not.toContain('Government (2025)');
  });

  it('names the country, not the catalogue label China (national), in the English citation of a national report', () => {
    const national = meta('national-2025-government-work-report-zh-en', {
      title: '2025年国务院政府工作报告', titleEn: 'Report on the Work of the Government (2025)', region: 'China (national)', year: 2025,
    });
    const cited = citePassage(national, passage);
    expect(cited.en).not.toContain('(national)');
    expect(cited.en).toContain("Report on the Work of the Government (2025). People's Republic of China. ");
  });

  it('cites a statistical communiqué as the statistics bureaus it names, not the region\'s government', () => {
    const communique = meta('beijing-2024-statistical-communique', {
      title: '北京市2024年国民经济和社会发展统计公报', titleEn: englishTitle('statistical communiqué', 'Beijing Municipality', 2025),
      type: 'statistical communiqué', region: 'Beijing Municipality', year: 2025, date: '2025-03-19', issuer: '北京市统计局、国家统计局北京调查总队',
    });
    const cited = citePassage(communique, passage);
    expect(cited.zh).toMatch(/^北京市统计局、国家统计局北京调查总队\. 北京市2024年国民经济和社会发展统计公报\[R\]\. 北京: 北京市统计局、国家统计局北京调查总队, 2025/);
    expect(cited.en).toMatch(/^Statistics Bureau of Beijing Municipality\. \(2025\)\. Statistical Communiqué/);
    const national = meta('national-2024-statistical-communique', {
      title: '中华人民共和国2024年国民经济和社会发展统计公报', type: 'statistical communiqué', region: 'China (national)', year: 2025, issuer: '国家统计局',
    });
    expect(citePassage(national, passage).en).toMatch(/^National Bureau of Statistics of China\. /);
    // A communiqué whose issuer is no bureau keeps the region's government.
    expect(citePassage({ ...national, issuer: '张三' }, passage).zh).toMatch(/^中华人民共和国国务院\. /);
  });

  it('names no place "unknown" in the English citation of a report whose region is not known', () => {
    const unknown = meta('000', { title: '未命名报告（000.txt）', titleEn: englishTitle('report', 'unknown', 2022), region: 'unknown', year: 2022 });
    const cited = citePassage(unknown, passage);
    expect(cited.en).not.toMatch(/\bunknown\b/);
    expect(cited.zh).toContain('[出版地不详]: [出版者不详]');
  });
});

describe('section labels and region names', () => {
  it('labels numbered headings in Chinese and English', () => {
    expect(sectionLabel('第二十三章 加强边境地区建设')).toEqual({ zh: '第二十三章', en: 'Chapter 23', numbered: true });
    expect(sectionLabel('(一)脱贫攻坚任务全面完成。')).toEqual({ zh: '（一）', en: '(1)', numbered: true });
    expect(sectionLabel('三、2024年工作安排')).toEqual({ zh: '三、', en: '3.', numbered: true });
  });

  it('labels the headings of a report in traditional characters as those of a simplified one, in their script', () => {
    expect(sectionLabel('第三節 加強邊境地區建設')).toEqual({ zh: '第三節', en: 'Section 3', numbered: true });
    expect(sectionLabel('第二編 總則')).toEqual({ zh: '第二編', en: 'Part 2', numbered: true });
    expect(sectionLabel('2019年工作回顧')).toEqual({ zh: '2019年工作回顧', en: 'Review of work in 2019', numbered: false });
    expect(sectionLabel('2020年工作目標和重點任務').en).toBe('Goals and priorities for 2020');
    expect(sectionLabel('過去一年工作回顧').en).toBe('Review of the past year');
  });

  it('labels the numbered headings of a report in English by their number, not by 20 characters of their words', () => {
    expect(sectionLabel('I. A Review of Our Work in 2024')).toEqual({ zh: 'I.', en: 'I.', numbered: true });
    expect(sectionLabel('III. Major Tasks for 2025')).toEqual({ zh: 'III.', en: 'III.', numbered: true });
    expect(sectionLabel('2. Developing new quality productive forces')).toEqual({ zh: '2.', en: '2.', numbered: true });
    expect(sectionLabel('Part II Promoting High-Quality Development')).toEqual({ zh: 'Part II', en: 'Part II', numbered: true });
    expect(sectionLabel('Chapter 3: Innovation')).toEqual({ zh: 'Chapter 3', en: 'Chapter 3', numbered: true });
    expect(sectionLabel('In 2024').numbered).toBe(false);
    expect(sectionLabel('Improving Lives').numbered).toBe(false);
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

  it('names any other place by its Chinese name: its people\'s government, seated at its smallest unit', () => {
    expect(regionName('浦东新区')).toEqual({ zh: '浦东新区', government: '浦东新区人民政府', seat: '浦东', governmentEn: "People's Government of Pudong New Area", seatEn: 'Pudong' });
    expect(regionName('赤峰市红山区')).toMatchObject({ government: '赤峰市红山区人民政府', seat: '红山', governmentEn: "People's Government of Hongshan District, Chifeng City", seatEn: 'Hongshan' });
    expect(regionName('unknown')).toBeNull();
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
      const p: Passage = { id: `${doc.id}-p0000`, docId: doc.id, ordinal: 0, kind: 'front', sectionPath: [], text: '', start: 0, end: 0, paragraph: null };
      const cited = citePassage(doc, p, { baseUrl: 'https://r.example.org', accessed: new Date('2025-03-01T00:00:00Z') });
      const year = doc.date ? doc.date.slice(0, 4) : String(doc.year);
      expect(cited.zh).not.toMatch(/不详|佚名|undefined|null|NaN/);
      expect(cited.en).not.toMatch(/n\.d\.|undefined|null|NaN/);
      const issued = doc.type === 'gazette' ? `[J/OL]. 西藏自治区人民政府公报, ${year}(1)` : `[R/OL]. 拉萨: 西藏自治区人民政府, ${year}`;
      expect(cited.zh).toContain(issued);
      expect(cited.en).not.toMatch(/\p{Script=Han}/u);
    }
  });
});

describeWithShared('corpora/district-gbk', 'the English citation of a Hailar district report', () => {
  it('spells the district one way in its title and its author (Hailar, Hulunbuir), as it is known in English', () => {
    for (const year of [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]) {
      const file = `district-gbk/${year}.txt`;
      const text = iconv.decode(readFileSync(sharedPath(`corpora/${file}`)), 'gb18030');
      const doc = inferDocMeta(text, { file, checksum: 'sha256:0' });
      const passage: Passage = { id: `${doc.id}-p0001`, docId: doc.id, ordinal: 1, kind: 'paragraph', sectionPath: [], text: '各位代表：', start: 0, end: 5, paragraph: 1 };
      const en = citePassage(doc, passage).en;
      expect(en, `${year}`).toMatch(/^People's Government of Hailar District, Hulunbuir\. \(\d{4}\)\. Report on the Work of the Government of Hailar District/);
      expect(en, `${year}`).not.toMatch(/Haila'er|Hulunbei'er/);
    }
  });
});
