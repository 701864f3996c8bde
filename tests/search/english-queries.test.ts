/**
 * English queries end to end on the shipped corpus: concepts combined by a soft AND, stop words and filler
 * never required, untranslated words never zeroing a query, every expansion with its source, and Chinese
 * queries and quoted phrases as exact as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, SearchResponse } from '../../src/search/types.js';
import { phraseKey } from '../../src/text/analyzer.js';
import { openTestEngine, type TestEngine } from '../server/test-engine.js';

let opened: TestEngine;
let engine: Engine;
let keys: string[];

beforeAll(async () => {
  opened = await openTestEngine();
  engine = opened.engine;
  keys = [];
  for (const doc of engine.documents()) for (const p of (await engine.document(doc.id))?.passages ?? []) keys.push(phraseKey(p.text));
});

afterAll(async () => {
  await engine.close();
  opened.dispose();
});

const search = (q: string, limit = 10): Promise<SearchResponse> => engine.search(q, { limit });
const holding = (term: string): number => keys.filter((k) => k.includes(phraseKey(term))).length;

describe('English queries as concepts', () => {
  it('never requires query filler: "help herders find jobs" finds passages on herders and jobs', async () => {
    const answer = await search('help herders find jobs');
    expect(answer.concepts?.filter((c) => c.status === 'ignored').map((c) => c.en)).toEqual(['help', 'find']);
    expect(answer.total).toBeGreaterThan(0);
    const top = phraseKey(answer.hits[0]?.text ?? '');
    expect(top).toContain('牧民');
    expect(top).toContain('就业');
  });

  it('lists a word nothing translates as untranslated, and still answers the rest', async () => {
    const answer = await search('tourism qwzxvb');
    expect(answer.concepts?.find((c) => c.en === 'qwzxvb')).toMatchObject({ status: 'untranslated', terms: [] });
    expect(answer.total).toBe((await search('tourism')).total);
  });

  it('gives stop words no concept', async () => {
    const answer = await search('the tourism of the border');
    expect(answer.concepts?.map((c) => c.en)).toEqual(['tourism', 'border']);
  });

  it('is a soft AND: a passage with some of the concepts qualifies, those with all rank first', async () => {
    const both = await search('tourism border', 200);
    const tourism = await search('tourism', 1);
    const border = await search('border', 1);
    expect(both.total).toBeGreaterThanOrEqual(Math.max(tourism.total, border.total));
    const terms = (c: string): string[] => both.concepts?.find((x) => x.en === c)?.terms.map((t) => t.zh) ?? [];
    const holdsAll = (text: string): boolean => ['tourism', 'border'].every((c) => terms(c).some((t) => phraseKey(text).includes(phraseKey(t))));
    const firstPartial = both.hits.findIndex((h) => !holdsAll(h.text));
    const lastFull = both.hits.map((h) => holdsAll(h.text)).lastIndexOf(true);
    expect(firstPartial).toBeGreaterThan(0);
    // Passages with every concept come first, but for a few whose one match is much stronger.
    expect(both.hits.slice(0, firstPartial).every((h) => holdsAll(h.text))).toBe(true);
    expect(lastFull).toBeLessThan(firstPartial + 20);
  });

  it('ranks a passage that says the concepts as one phrase among the first: border village construction, 边境村镇建设', async () => {
    // The concepts side by side (`proximity.ts`), and each concept's senses scored as one term (`concept-scores.ts`):
    // the 2023 plan report's 稳步推进边境村镇建设 was below passages naming 边境 and 建设 apart, before both.
    const answer = await search('border village construction');
    const first = answer.hits.slice(0, 3).map((h) => phraseKey(h.text));
    expect(first.some((k) => k.includes('边境村镇建设'))).toBe(true);
  });

  it('searches only senses the corpus holds, and says where each came from', async () => {
    const answer = await search('credit system summit');
    for (const concept of answer.concepts ?? []) {
      for (const term of concept.terms) {
        expect(['glossary', 'learned', 'dictionary', 'synonym', 'number']).toContain(term.source);
        expect(holding(term.zh)).toBeGreaterThan(0);
      }
    }
    for (const e of answer.expansions) expect(['glossary', 'learned', 'dictionary', 'synonym', 'number']).toContain(e.source);
  });

  it('keeps words written with punctuation in their run: "One Country, Two Systems" is three concepts, not a Chinese term', async () => {
    const answer = await search('One Country, Two Systems');
    expect(answer.concepts?.map((c) => c.en)).toEqual(['One', 'Country', 'Two', 'Systems']);
    expect(answer.total).toBeGreaterThan(0);
  });

  it('reads a word nothing translates as a name in pinyin when the corpus has a word that sounds so', async () => {
    const answer = await search('Rikaze hospital');
    expect(answer.concepts?.[0]).toMatchObject({ en: 'Rikaze', status: 'translated', terms: [{ zh: '日喀则', source: 'pinyin' }] });
    expect(phraseKey(answer.hits[0]?.text ?? '')).toContain('日喀则');
  });

  it('does not find cooperatives for cooperation', async () => {
    const answer = await search('cooperation with Nepal');
    expect(answer.expansions.map((e) => e.to)).not.toContain('合作社');
    expect(answer.expansions.map((e) => e.to)).toContain('合作');
  });

  it('leaves Chinese words and quoted phrases exact: totals equal a scan', async () => {
    for (const [q, phrase] of [['"高质量发展"', '高质量发展'], ['乡村振兴', '乡村振兴'], ['"clean energy" 旅游', null]] as const) {
      const answer = await search(q);
      expect(answer.concepts).toBeUndefined();
      if (phrase) expect(answer.total).toBe(holding(phrase));
    }
  });

  it('answers a British spelling as the American one', async () => {
    for (const [british, american] of [['organisations', 'organizations'], ['prioritise employment', 'prioritize employment'], ['labour', 'labor'], ['defence', 'defense']]) {
      const [a, b] = [await search(british as string), await search(american as string)];
      expect(a.total, british).toBeGreaterThan(0);
      expect(a.total, british).toBe(b.total);
      expect(a.hits.map((h) => h.id), british).toEqual(b.hits.map((h) => h.id));
    }
  });

  it('translates an abbreviation alone or in a run (R&D → 研发), and searches other codes as written', async () => {
    const alone = await search('R&D');
    expect(alone.concepts?.[0]?.terms.map((t) => t.zh)).toContain('研发');
    expect(alone.total).toBe(holding('研发') + keys.filter((k) => k.includes('r&d') && !k.includes(phraseKey('研发'))).length);
    const run = await search('R&D investment');
    expect(run.concepts?.map((c) => c.en)).toEqual(['R&D', 'investment']);
    expect(phraseKey(run.hits[0]?.text ?? '')).toContain('研发');
    const code = await search('5G');
    expect(code.concepts).toBeUndefined();
    expect(code.total).toBe(holding('5G'));
  });
});

describe('an excluded English word', () => {
  it('leaves out the passages that say it in Chinese through the glossary: herders jobs -tourism, not 旅游', async () => {
    const all = await search('herders jobs', 100);
    const without = await search('herders jobs -tourism', 100);
    const saysTourism = (text: string): boolean => phraseKey(text).includes('旅游');
    expect(all.hits.some((h) => saysTourism(h.text))).toBe(true);
    expect(without.hits.some((h) => saysTourism(h.text))).toBe(false);
    expect(without.total).toBe((await search('herders jobs -旅游', 1)).total);
  });

  it('leaves out nothing Chinese when no sure translation exists (party: only dictionary senses such as 一行)', async () => {
    expect((await search('herders -party', 1)).total).toBe((await search('herders', 1)).total);
  });
});
