import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tokenizeEnglish } from '../../src/crosslang/english.js';
import { isCrossLangError } from '../../src/crosslang/errors.js';
import { indexGlossary, loadGlossary, parseGlossary, zhKey } from '../../src/crosslang/glossary.js';
import { GLOSSARY_PATH, parallelPairs, seedTextWithoutSpaces } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

const HAN = /\p{Script=Han}/u;
const LATIN_LETTER = /\p{Script=Latin}/u;

/** The raw data lines of the file, read independently of the parser under test. */
const rawLines = readFileSync(GLOSSARY_PATH, 'utf8')
  .split('\n')
  .filter((l) => l.trim() !== '' && !l.startsWith('#'));

describe('the glossary file data/glossary.tsv', () => {
  it('has at least 400 entries of two or three tab-separated fields', () => {
    expect(rawLines.length).toBeGreaterThanOrEqual(400);
    for (const line of rawLines) expect([2, 3], line).toContain(line.split('\t').length);
  });

  it('has no Chinese term twice and no English form twice within a line', () => {
    const zh = rawLines.map((l) => l.split('\t')[0] ?? '');
    expect(new Set(zh).size).toBe(zh.length);
    for (const line of rawLines) {
      const [, en = '', alts = ''] = line.split('\t');
      const forms = [en, ...(alts ? alts.split('|') : [])].map((f) => f.toLowerCase());
      expect(new Set(forms).size, line).toBe(forms.length);
    }
  });

  it('has Han in every Chinese term and only Latin-script English', () => {
    for (const line of rawLines) {
      const [zh = '', en = '', alts = ''] = line.split('\t');
      expect(HAN.test(zh), line).toBe(true);
      for (const form of [en, ...(alts ? alts.split('|') : [])]) {
        expect(form.trim(), line).toBe(form);
        expect(LATIN_LETTER.test(form), line).toBe(true);
        expect(HAN.test(form), line).toBe(false);
        expect(form, line).toMatch(/^[\p{Script=Latin}\p{Nd} '’&,.()/+-]+$/u);
      }
    }
  });

  it('parses into as many entries as it has data lines', () => {
    expect(loadGlossary(GLOSSARY_PATH).entries).toHaveLength(rawLines.length);
  });

  describeWithShared('corpora/parallel-zh-en', 'the national reports', () => {
    it('mostly holds Chinese terms that occur in the seed reports or the national reports', () => {
      const seeds = seedTextWithoutSpaces();
      const national = parallelPairs().map((p) => p.zh).join('\n');
      const found = loadGlossary(GLOSSARY_PATH).entries.filter((e) => seeds.includes(e.zh) || national.includes(e.zh));
      expect(found.length / rawLines.length).toBeGreaterThan(0.9);
    });
  });
});

describe('parseGlossary', () => {
  it('reads zh, official English and alternatives, skipping comments and blank lines', () => {
    const entries = parseGlossary('# comment\n\n地震\tearthquake\tearthquakes|quake\n旅游\ttourism\n');
    expect(entries).toEqual([
      { zh: '地震', en: 'earthquake', alternatives: ['earthquakes', 'quake'], line: 3 },
      { zh: '旅游', en: 'tourism', alternatives: [], line: 4 },
    ]);
  });

  it('rejects a line without a tab with a coded error naming the line', () => {
    let caught: unknown;
    try {
      parseGlossary('地震\tearthquake\n旅游 tourism\n', 'g.tsv');
    } catch (error) {
      caught = error;
    }
    expect(isCrossLangError(caught, 'CROSSLANG_GLOSSARY_INVALID')).toBe(true);
    expect((caught as Error).message).toContain('g.tsv line 2');
  });

  it('rejects Chinese in the English column and a repeated Chinese term', () => {
    expect(() => parseGlossary('地震\t地震')).toThrow(/not an English form/);
    expect(() => parseGlossary('地震\tearthquake\n地震\tquake')).toThrow(/repeats line 1/);
  });
});

describe('the glossary index', () => {
  const glossary = indexGlossary(
    parseGlossary('大骨节病\tKashin-Beck disease\n工业\tindustry\n工业化\tindustrialization\n基站\tbase stations'),
  );
  const zhOf = (text: string): string[] => glossary.lookup(tokenizeEnglish(text)).map((e) => e.zh);

  it('ignores hyphens, case and plural endings', () => {
    expect(zhOf('kashin beck DISEASES')).toEqual(['大骨节病']);
    expect(zhOf('base-station')).toEqual(['基站']);
  });

  it('prefers a form equal up to plurals over one that only shares a stem', () => {
    expect(zhOf('industry')).toEqual(['工业']);
    expect(zhOf('industrialization')).toEqual(['工业化']);
  });

  it('gives the English of a Chinese term whatever its width and spacing', () => {
    const full = loadGlossary(GLOSSARY_PATH);
    expect(full.englishFor('人工智能')).toContain('artificial intelligence');
    expect(full.englishFor(' ５G 基站')).toContain('5G base stations');
    expect(zhKey(' ５G 基站')).toBe('5g基站');
    expect(full.englishFor('不存在的词')).toEqual([]);
  });
});
