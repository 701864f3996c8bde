/**
 * British spellings as American match keys: the regular endings and the listed words are rewritten, words
 * whose British-looking ending is no variant are not, and no rule turns one English word into another.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { americanSpelling } from '../../src/text/american-spelling.js';
import { latinTerm } from '../../src/text/latin-segmenter.js';
import { REPO_ROOT } from '../../src/paths.js';

/** Every single word the shipped synonym table holds (from WordNet): British and American spellings alike. */
const WORDNET_WORDS = [
  ...new Set(
    readFileSync(path.join(REPO_ROOT, 'data/synonyms.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line !== '' && !line.startsWith('#'))
      .flatMap((line) => line.split(/[\t| ]/))
      .filter((w) => /^[a-z]+$/.test(w)),
  ),
];

describe('americanSpelling', () => {
  it('rewrites the regular British endings and their inflections', () => {
    const pairs: Array<[string, string]> = [
      ['labour', 'labor'], ['labourers', 'laborers'], ['favourable', 'favorable'], ['neighbouring', 'neighboring'],
      ['behavioural', 'behavioral'], ['vapour', 'vapor'], ['organisation', 'organization'], ['organisations', 'organizations'],
      ['prioritise', 'prioritize'], ['stabilising', 'stabilizing'], ['recognised', 'recognized'], ['fertiliser', 'fertilizer'],
      ['analyse', 'analyze'], ['paralysed', 'paralyzed'], ['centre', 'center'], ['kilometres', 'kilometers'],
      ['fibre', 'fiber'], ['travelling', 'traveling'], ['modelled', 'modeled'], ['counselling', 'counseling'],
    ];
    for (const [british, american] of pairs) expect(americanSpelling(british), british).toBe(american);
  });

  it('rewrites the listed words', () => {
    const pairs: Array<[string, string]> = [
      ['programme', 'program'], ['programmes', 'programs'], ['defence', 'defense'], ['licence', 'license'],
      ['enrolment', 'enrollment'], ['fulfil', 'fulfill'], ['catalogue', 'catalog'], ['ageing', 'aging'],
      ['judgement', 'judgment'], ['paediatric', 'pediatric'], ['aluminium', 'aluminum'], ['practise', 'practice'],
    ];
    for (const [british, american] of pairs) expect(americanSpelling(british), british).toBe(american);
  });

  it('leaves alone words whose ending is no British variant', () => {
    const same = (
      'promise promised exercise enterprise enterprises advertise advertising franchise expertise compromise ' +
      'uncompromising surprise premises merchandise excise paradise concise precise imprecise inadvisable ' +
      'otherwise likewise raise praise noise cruise arise uprising prise contour detour devour downpour cornflour ' +
      'four hour your tour hours genre acre massacre timbre macabre hatred inbred spelled filled controlled ' +
      'installed analysis crisis crises basis labor center program organization traveling'
    ).split(' ');
    for (const word of same) expect(americanSpelling(word), word).toBe(word);
  });

  it('never turns a word into another word: no rule maps two spellings of different words together', () => {
    // Pairs of distinct English words one letter pattern apart: each keeps its own key.
    const distinct: Array<[string, string]> = [['timbre', 'timber'], ['outre', 'outer'], ['four', 'for'], ['prise', 'prize']];
    for (const [a, b] of distinct) expect(americanSpelling(a)).not.toBe(americanSpelling(b));
  });

  it('is idempotent and changes nothing but lowercase letters, over every word of the synonym table', () => {
    expect(WORDNET_WORDS.length).toBeGreaterThan(30_000);
    for (const word of WORDNET_WORDS) {
      const once = americanSpelling(word);
      expect(americanSpelling(once), word).toBe(once);
      expect(once, word).toMatch(/^[a-z]+$/);
    }
    fc.assert(fc.property(fc.string(), (s) => americanSpelling(americanSpelling(s)) === americanSpelling(s)));
  });

  it('makes the two spellings one term in English text', () => {
    expect(latinTerm('Labour')).toBe(latinTerm('labor'));
    expect(latinTerm('organisations')).toBe(latinTerm('organizations'));
    expect(latinTerm('centre')).toBe(latinTerm('center'));
    expect(latinTerm('promise')).not.toBe(latinTerm('promize'));
  });
});
