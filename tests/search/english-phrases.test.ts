/**
 * Quoted English phrases are exact like Chinese ones: their total is the number of passages whose text or
 * English holds the phrase (normalized, whitespace-insensitive), stop words included, on a small parallel
 * report built here; checked against a brute-force count for every run of one to three words of its English.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine } from '../../src/runtime/open-engine.js';
import { parallelCsv } from './parallel-fixture.js';
import type { Engine } from '../../src/search/types.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { isNear } from '../../src/index/near.js';
import type { Scope } from '../../src/search/query-parser.js';
import { holdsPhrase } from '../../bench/exactness.js';

/** Paragraphs of the fixture report: Chinese and its English, with phrases made of stop words only. */
const PARAGRAPHS: Array<[string, string]> = [
  ['我们将继续推进改革。', 'We will continue to deepen reform, and the reform will go on.'],
  ['推动高质量发展。', 'We will pursue high-quality development.'],
  ['加强边境管理。', 'We will strengthen border management in the border areas.'],
  ['发展生态旅游。', 'Ecotourism grew by a third over the year.'],
  ['稳就业。', 'Jobs were kept stable.'],
  ['保障人民权益。', "People's rights were protected."],
  ['保持经济稳定，发展人工智能和5G。', 'We will maintain stability, and said that AI and 5G will grow, not 45G.'],
];


/**
 * Passages of the fixture whose Chinese or English holds `phrase`, as the engine matches a quoted phrase: its
 * key in the text's key, at the edges of words where it begins or ends with a Latin letter or a digit.
 */
const bruteForce = (phrase: string): number =>
  PARAGRAPHS.filter(([zh, en]) => holdsPhrase({ text: zh, textEn: en }, phraseKey(phrase))).length;

/** Every run of one to three words of the fixture's English, as a reader would quote it. */
function wordRuns(): string[] {
  const runs = new Set<string>();
  for (const [, en] of PARAGRAPHS) {
    const words = en.replace(/[.,]/g, '').split(' ');
    for (let i = 0; i < words.length; i++) for (let n = 1; n <= 3 && i + n <= words.length; n++) runs.add(words.slice(i, i + n).join(' '));
  }
  return [...runs];
}

describe('quoted English phrases', () => {
  const dirs: string[] = [];
  let engine: Engine;
  beforeAll(async () => {
    const [corpus, index] = ['english-phrases-corpus-', 'english-phrases-index-'].map((prefix) => mkdtempSync(path.join(os.tmpdir(), prefix)));
    dirs.push(corpus, index);
    writeFileSync(path.join(corpus, 'report.csv'), parallelCsv(PARAGRAPHS));
    engine = await openEngine({ corpusDirs: [corpus], indexDir: index });
  });
  afterAll(async () => {
    await engine.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('finds a phrase of stop words only, highlighted in the English', async () => {
    const answer = await engine.search('"we will"');
    expect(answer.total).toBe(4);
    for (const hit of answer.hits) {
      expect((hit.textEnHighlights ?? hit.highlights).length).toBeGreaterThan(0);
    }
    expect((await engine.search('"and the"')).total).toBe(1);
  });

  it('takes the typographic apostrophe for the typed one, either way round, and marks the phrase', async () => {
    for (const phrase of ['"people’s rights"', '"People\'s rights"', '"people’s"']) {
      const answer = await engine.search(phrase);
      expect(answer.total, phrase).toBe(1);
      expect(answer.hits[0]?.highlights.length, phrase).toBeGreaterThan(0);
    }
  });

  it('finds a quoted word or number only where a word of the text begins and ends: "AI" is not in "maintain"', async () => {
    for (const [phrase, total] of [['"AI"', 1], ['"ai"', 1], ['"5G"', 1], ['"ai n"', 0], ['"a"', 1], ['"e"', 0], ['"5G will"', 1]] as const) {
      expect((await engine.search(phrase)).total, phrase).toBe(total);
    }
    const [hit] = (await engine.search('"AI"', { fields: ['text'] })).hits;
    const en = hit?.textEn ?? '';
    expect((hit?.textEnHighlights ?? []).map(([a, b]) => en.slice(a, b))).toEqual(['AI']);
    expect((await engine.concordance('AI')).lines.map((l) => l.match)).toEqual(['AI']);
    expect((await engine.concordance('5G')).total).toBe(2);
    expect((await engine.search('AI NEAR/10 grow')).total).toBe(1);
    expect((await engine.search('ai NEAR/3 stability')).total).toBe(0);
  });

  it('counts every run of one to three words exactly, stop words or not', async () => {
    for (const run of wordRuns()) {
      expect((await engine.search(`"${run}"`)).total, run).toBe(bruteForce(run));
    }
  });

  it('finds English words near each other in the English of a parallel report, as a scan of its keys does', async () => {
    const cases: Array<[string, string, string, Scope]> = [
      ['deepen', 'reform', '/s', 'sentence'],
      ['border', 'management', '/p', 'paragraph'],
      ['Ecotourism', 'third', 'NEAR/12', 12],
      ['Ecotourism', 'third', 'NEAR/5', 5],
      ['will', 'reform', '/s', 'sentence'],
      ['发展', 'development', '/p', 'paragraph'],
    ];
    for (const [a, b, operator, scope] of cases) {
      const expected = PARAGRAPHS.filter(([zh, en]) => [zh, en].some((text) => isNear(phraseKey(text), phraseKey(a), phraseKey(b), scope))).length;
      expect((await engine.search(`${a} ${operator} ${b}`)).total, `${a} ${operator} ${b}`).toBe(expected);
    }
    expect((await engine.search('deepen /s reform')).total).toBe(1);
  });
});
