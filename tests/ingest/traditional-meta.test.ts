/**
 * Reports in traditional characters: their title, year, kind, region, speaker and session are read as those
 * of the same report in simplified characters are, and kept as the report writes them. Each report is turned
 * into traditional characters here (OpenCC's simplified → Taiwan converter, as the encoding tests do: a
 * conversion by phrases, not the engine's own character map) and its metadata compared with the original's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import type { DocMeta } from '../../src/model.js';
import { readFile } from '../../src/ingest/corpus.js';
import { inferDocMeta } from '../../src/ingest/doc-meta.js';
import { inferMeta } from '../../src/ingest/infer-meta.js';
import { readYearLines } from '../../src/ingest/year-lines.js';
import { authorOf } from '../../src/search/citation.js';
import { regionName } from '../../src/search/region-names.js';
import { foldToSimplified } from '../../src/simplified-chinese.js';
import { describeWithShared } from '../shared-data.js';
import { corporaDir, corpusDir, tempDirs, testContext } from './helpers.js';

const toTraditional = Converter({ from: 'cn', to: 'tw' });
const HAN = /\p{Script=Han}/u;

/** The engine's label of a report without a title (`未命名报告（file）`), the same for both scripts. */
const UNTITLED = /^未命名报告（/;

/**
 * `traditional` is `simplified` but for the script: numbers, dates, ids and English equal; each Chinese field
 * folds back to the original's, and is in traditional characters wherever the original has a character that
 * has a traditional form.
 */
function expectSameButScript(traditional: object, simplified: object, label: string): void {
  const t = traditional as Record<string, unknown>;
  const s = simplified as Record<string, unknown>;
  expect(Object.keys(t).sort(), label).toEqual(Object.keys(s).sort());
  for (const [key, value] of Object.entries(s)) {
    const written = t[key];
    if (typeof value !== 'string' || !HAN.test(value) || UNTITLED.test(value)) {
      expect(written, `${label}: ${key}`).toEqual(value);
      continue;
    }
    expect(typeof written, `${label}: ${key}`).toBe('string');
    expect(foldToSimplified(written as string), `${label}: ${key}`).toBe(value);
    if (toTraditional(value) !== value) expect(written, `${label}: ${key} as the report writes it`).not.toBe(value);
  }
}

/** The parts of a citation that come from a report's metadata: its publisher, seat and author. */
function citationParts(meta: DocMeta): object {
  const region = regionName(meta.region);
  return { region, author: authorOf(meta, region) };
}

/** A report's inferred metadata in both scripts, read as a plain-text file named `file` would be. */
function bothScripts(text: string, file = 'report.txt'): { simplified: DocMeta; traditional: DocMeta } {
  const ctx = { file, checksum: 'sha256:0' };
  return { simplified: inferDocMeta(text, ctx), traditional: inferDocMeta(toTraditional(text), ctx) };
}

const seeds = ['xizang-2020-government-work-report.txt', 'xizang-2024-government-work-report.txt', 'xizang-gazette-2025-01-government-work-report.txt', 'xizang-14th-five-year-plan.txt', 'xizang-2023-plan-report.txt'];
const seed = (name: string): string => readFileSync(path.join(corpusDir, name), 'utf8');

describe('the five seeds in traditional characters', () => {
  for (const name of seeds) {
    it(`reads ${name} as its simplified original is read, each field as the traditional text writes it`, () => {
      const text = seed(name);
      expectSameButScript(inferMeta(toTraditional(text)), inferMeta(text), name);
      const { simplified, traditional } = bothScripts(text);
      expectSameButScript(traditional, simplified, name);
      expect(citationParts(traditional), name).toEqual(citationParts(simplified));
    });
  }

  it('keeps the title, the session and the speaker in traditional characters', () => {
    expect(inferMeta(toTraditional(seed('xizang-2020-government-work-report.txt')))).toEqual({
      title: '政府工作報告',
      type: 'government work report',
      year: 2020,
      date: '2020-01-07',
      issuer: '齊扎拉',
      issuerRole: '自治區主席',
      body: '西藏自治區第十一屆人民代表大會第三次會議',
      place: '西藏自治區',
    });
    const plan = bothScripts(seed('xizang-14th-five-year-plan.txt')).traditional;
    expect(plan).toMatchObject({ title: '西藏自治區國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要', type: 'five-year plan', year: 2021 });
  });

  it('completes a bare 政府工作報告 in the script of the report, never as 未命名报告', () => {
    const { traditional } = bothScripts(seed('xizang-2024-government-work-report.txt'), '報告.txt');
    expect(traditional).toMatchObject({ id: 'xizang-2024-government-work-report', title: '2024年西藏自治區政府工作報告', year: 2024 });
  });
});

describe('metadata lines written in traditional characters', () => {
  it('reads a plan adopted by the NPC, and a county head on the line under the dateline', () => {
    const meta = inferMeta('國民經濟和社會發展第十四個五年規劃和二〇三五年遠景目標綱要\n（2021年3月11日第十三屆全國人民代表大會第四次會議批准）\n');
    expect(meta).toMatchObject({ type: 'five-year plan', year: 2021, date: '2021-03-11', place: '全国', body: '第十三屆全國人民代表大會第四次會議' });
    expect(inferMeta('政府工作報告\n——2025年1月14日在某某縣第十八屆人民代表大會第四次會議上\n縣長　王小明\n')).toMatchObject({
      issuer: '王小明',
      issuerRole: '縣長',
      place: '某某縣',
    });
  });

  it('finds the speaker named inside a traditional dateline, and a report known by its opening', () => {
    expect(inferMeta('2025年1月15日龔正市長在上海市第十六屆人民代表大會第三次會議的政府工作報告').issuer).toBe('龔正');
    const opening = inferMeta('——2024年1月20日在某某縣第十八屆人民代表大會第四次會議上\n各位代表：\n現在，我代表縣人民政府，向大會作政府工作報告，請予審議。');
    expect(opening).toMatchObject({ title: '政府工作報告', type: 'government work report', year: 2024 });
  });
});

describeWithShared('corpora/district-gbk', 'the GBK Hailar district reports in traditional characters', () => {
  for (const year of [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019]) {
    it(`reads ${year}.txt as its simplified original: district, year, district head, citation`, () => {
      const text = iconv.decode(readFileSync(path.join(corporaDir, `district-gbk/${year}.txt`)), 'gb18030');
      expectSameButScript(inferMeta(toTraditional(text)), inferMeta(text), `${year}`);
      const { simplified, traditional } = bothScripts(text, `district-gbk/${year}.txt`);
      expectSameButScript(traditional, simplified, `${year}`);
      expect(traditional.region).toMatch(/海拉爾區$/);
      expect(citationParts(traditional)).toEqual(citationParts(simplified));
    });
  }
});

describeWithShared('corpora/national-zh', 'national reports in traditional characters', () => {
  const lines = readFileSync(path.join(corporaDir, 'national-zh/gov_reports1954-2022.txt'), 'utf8').split('\n').filter((l) => l !== '');

  it('reads every report of the year-a-line collection as a text of its own, as its simplified original', () => {
    for (const line of lines) {
      const [year, ...rest] = line.split('\t');
      const text = rest.join('\n');
      const { simplified, traditional } = bothScripts(text);
      expectSameButScript(traditional, simplified, year);
      expect(citationParts(traditional), year).toEqual(citationParts(simplified));
    }
  });

  it('titles a traditional year-a-line collection in traditional characters, all else as the simplified one', () => {
    const bytes = Buffer.from(lines.slice(-5).join('\n'), 'utf8');
    const simplified = readYearLines(bytes, testContext('lines.txt')).map((d) => d.meta);
    const traditional = readYearLines(Buffer.from(toTraditional(bytes.toString('utf8')), 'utf8'), testContext('lines.txt')).map((d) => d.meta);
    expect(traditional.map((m) => m.title)).toEqual(simplified.map((m) => `${m.year}年國務院政府工作報告`));
    traditional.forEach((m, i) => expectSameButScript({ ...m, checksum: '' }, { ...simplified[i], checksum: '' }, m.id));
  });
});

describe('a Big5 text file', () => {
  const tempDir = tempDirs('gov-search-big5-');

  it('is read as big5 and its metadata inferred from its traditional text', async () => {
    const text = toTraditional(seed('xizang-2020-government-work-report.txt'));
    const dir = await tempDir();
    const file = path.join(dir, '2020年報告.txt');
    writeFileSync(file, iconv.encode(text, 'big5'));
    const { docs, warnings } = await readFile(file);
    expect(warnings).toEqual([]);
    expect(docs).toHaveLength(1);
    expect(docs[0].encoding).toBe('big5');
    expect(docs[0].meta).toMatchObject({
      id: 'xizang-2020-government-work-report',
      title: '2020年西藏自治區政府工作報告',
      type: 'government work report',
      region: 'Xizang (Tibet) Autonomous Region',
      year: 2020,
      date: '2020-01-07',
      issuer: '齊扎拉',
    });
  });
});
