/**
 * The other direction: a Chinese query finds an English-only report (a white paper nobody translated into
 * Chinese) through the glossary's and the learned lexicon's English renderings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLexicon } from '../../src/crosslang/lexicon.js';
import { openTempCorpusEngine, type TempCorpusEngine } from '../temp-corpus-engine.js';
import type { Engine } from '../../src/search/types.js';

const WHITE_PAPER = [
  'Employment and Social Security in a Mountain Region',
  '',
  'The region kept employment stable through the year, with vocational training for young people.',
  '',
  'A proactive fiscal policy supported small businesses and the digital economy.',
  '',
  'Herdsmen received subsidies for grassland protection.',
  '',
  'Digital tools helped the economy of the valleys grow.',
  '',
  'A new quality productive force took shape in the valleys.',
  '',
  'High-quality housing was built, and the development of towns went ahead.',
  '',
  'We pursued high-quality development in every county.',
  '',
  'Household income grew 5.2 percent, and retail sales 3.5 per cent.',
  '',
].join('\n');

let opened: TempCorpusEngine;
let engine: Engine;

beforeAll(async () => {
  opened = await openTempCorpusEngine({ 'white-paper.txt': WHITE_PAPER }, 'zh-to-en-');
  engine = opened.engine;
});

afterAll(() => opened?.dispose());

describe('a Chinese query over an English-only report', () => {
  it.each([
    ['就业', 'employment'],
    ['数字经济', 'digital economy'],
    ['牧民', 'Herdsmen'],
  ])('finds %s in English text, through its English rendering', async (zh, en) => {
    const answer = await engine.search(zh);
    expect(answer.total).toBeGreaterThan(0);
    expect(answer.hits[0]?.text.toLowerCase()).toContain(en.toLowerCase());
    expect(answer.expansions.map((e) => e.from)).toContain(zh);
  });

  it('takes renderings from the learned lexicon too, not only the glossary, and says which', async () => {
    expect(loadLexicon().englishFor('就业').map((e) => e.en)).toContain('employment');
    const answer = await engine.search('就业');
    for (const e of answer.expansions) expect(['glossary', 'learned']).toContain(e.source);
  });

  it.each([
    ['数字经济', /digital economy/i, 1],
    ['新质生产力', /new quality productive force/i, 1],
    ['高质量发展', /high-quality development/i, 1],
  ])('finds %s only where its several-word rendering stands as a phrase, the last word in any form', async (zh, phrase, expected) => {
    const answer = await engine.search(zh);
    expect(answer.total).toBe(expected);
    for (const hit of answer.hits) {
      expect(hit.text).toMatch(phrase);
      const marked = hit.highlights.map(([start, end]) => hit.snippet.slice(start, end));
      expect(marked.some((m) => phrase.test(m)), marked.join(' | ')).toBe(true);
    }
  });

  it('finds a percentage written with % where the English writes percent or per cent, and says so', async () => {
    for (const [query, written, number] of [['5.2%', '5.2 percent', '5.2'], ['3.5％', '3.5 per cent', '3.5']]) {
      const answer = await engine.search(query);
      expect(answer.total, query).toBe(1);
      const hit = answer.hits[0];
      expect(hit?.highlights.map(([start, end]) => hit.snippet.slice(start, end))).toContain(written);
      expect(answer.expansions).toContainEqual({ from: query, to: `${number} percent`, source: 'number' });
    }
    expect((await engine.search('6.2%')).total).toBe(0);
  });

  it('finds nothing for a Chinese word with no English rendering in the report', async () => {
    expect((await engine.search('青稞')).total).toBe(0);
  });
});
