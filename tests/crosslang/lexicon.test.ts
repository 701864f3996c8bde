import { statSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCrossLangError } from '../../src/crosslang/errors.js';
import { loadLexicon, parseLexicon, serializeLexicon, type LexiconEntry, type LexiconHeader } from '../../src/crosslang/lexicon.js';
import { DEFAULT_LEXICON_PATH } from '../../src/crosslang/paths.js';
import { REPO_ROOT } from './helpers.js';

const HEADER: LexiconHeader = {
  sources: [{ file: '../shared/corpora/parallel-zh-en/x.csv', sha256: `sha256:${'ab'.repeat(32)}`, rows: 3, pairs: 2 }],
  params: { iterations: '5', excludeYears: 'none' },
};

const word = fc.stringMatching(/^[a-z][a-z0-9&]{0,9}$/);
const entry: fc.Arbitrary<LexiconEntry> = fc.record({
  en: fc.array(word, { minLength: 1, maxLength: 4 }).map((w) => w.join(' ')),
  zh: fc.array(fc.integer({ min: 0x4e00, max: 0x9fa5 }), { minLength: 1, maxLength: 8 }).map((cs) => String.fromCodePoint(...cs)),
  p: fc.double({ min: Number.MIN_VALUE, max: 1, noNaN: true }),
  count: fc.integer({ min: 1, max: 1_000_000 }),
});

/** The error a parse throws, or null. */
function parseError(text: string): { code: string; message: string } | null {
  try {
    parseLexicon(text, 'test.tsv');
    return null;
  } catch (error) {
    return isCrossLangError(error) ? { code: error.code, message: error.message } : { code: 'NOT_CODED', message: String(error) };
  }
}

const valid = serializeLexicon([{ en: 'tax cut', zh: '减税', p: 0.9, count: 3 }], HEADER);
/** The line number of a line appended to `valid` (which ends with a newline). */
const appended = valid.split('\n').length;

describe('the lexicon file format', () => {
  it('round-trips any entries and the header through serialize → parse', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const parsed = parseLexicon(serializeLexicon(entries, HEADER));
        const key = (e: LexiconEntry): string => JSON.stringify([e.en, e.zh, e.p, e.count]);
        expect(parsed.entries.map(key).sort()).toEqual(entries.map(key).sort());
        expect(parsed.size).toBe(entries.length);
        expect(parsed.header).toEqual(HEADER);
      }),
    );
  });

  it('writes entries sorted by English key, then descending p', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        const lines = serializeLexicon(entries, HEADER).split('\n').filter((l) => l !== '' && !l.startsWith('#'));
        const rows = lines.map((l) => l.split('\t'));
        for (let i = 1; i < rows.length; i++) {
          const [en0, , p0] = rows[i - 1];
          const [en1, , p1] = rows[i];
          expect(en0 < en1 || (en0 === en1 && Number(p0) >= Number(p1))).toBe(true);
        }
      }),
    );
  });

  it.each([
    ['a line with three fields', `${valid}tax\t税\t0.5\n`, `line ${appended}`],
    ['a p above 1', `${valid}tax\t税\t1.5\t2\n`, `line ${appended}`],
    ['a count that is not an integer', `${valid}tax\t税\t0.5\t2.5\n`, `line ${appended}`],
    ['an upper-case English key', `${valid}Tax\t税\t0.5\t2\n`, `line ${appended}`],
    ['a space in the Chinese term', `${valid}tax\t税 收\t0.5\t2\n`, `line ${appended}`],
    ['a bad source line', valid.replace('rows=3', 'rows=three'), 'line 3'],
    ['a missing format line', valid.split('\n').slice(1).join('\n'), 'line 1'],
  ])('refuses %s with CROSSLANG_LEXICON_INVALID naming the line', (_, text, line) => {
    const error = parseError(text);
    expect(error?.code).toBe('CROSSLANG_LEXICON_INVALID');
    expect(error?.message).toContain(`test.tsv ${line}:`);
  });

  it('refuses a file with fewer entries than its header declares (a truncated file)', () => {
    const two = serializeLexicon([{ en: 'tax', zh: '税', p: 1, count: 2 }, { en: 'tax cut', zh: '减税', p: 1, count: 2 }], HEADER);
    expect(parseError(two.split('\n').slice(0, -2).join('\n'))?.message).toContain('declares 2 entries but 1 follow');
  });

  it('refuses to write an entry that could not be read back', () => {
    expect(() => serializeLexicon([{ en: 'tax', zh: '税\t收', p: 1, count: 1 }], HEADER)).toThrow(/entry 1 cannot be written/);
    expect(() => serializeLexicon([{ en: 'tax', zh: '税', p: 0, count: 1 }], HEADER)).toThrow(/p must be/);
  });

  it('gives CROSSLANG_LEXICON_MISSING for a file that cannot be read', () => {
    expect(() => loadLexicon(path.join(REPO_ROOT, 'data', 'no-such-lexicon.tsv'))).toThrow(
      expect.objectContaining({ code: 'CROSSLANG_LEXICON_MISSING' }),
    );
  });
});

describe('lexicon lookups', () => {
  const lexicon = parseLexicon(
    serializeLexicon(
      [
        { en: 'cooperation', zh: '合作', p: 0.9, count: 20 },
        { en: 'cooperation', zh: '协作', p: 0.1, count: 2 },
        { en: 'cooperative', zh: '合作社', p: 1, count: 3 },
        { en: 'employment first policy', zh: '就业优先政策', p: 1, count: 2 },
      ],
      HEADER,
    ),
  );

  it('finds a run of words as written (case, plurals), best first, and nothing through a shared stem', () => {
    expect(lexicon.lookup(['Cooperation']).map((e) => e.zh)).toEqual(['合作', '协作']);
    expect(lexicon.lookup(['cooperative']).map((e) => e.zh)).toEqual(['合作社']);
    expect(lexicon.lookup(['cooperate'])).toEqual([]);
    expect(lexicon.lookup(['Employment', 'first', 'policies'])[0].zh).toBe('就业优先政策');
    expect(lexicon.lookup([])).toEqual([]);
    expect(lexicon.maxWords).toBe(3);
  });

  it('finds English for a Chinese term in traditional or full-width spelling', () => {
    expect(lexicon.englishFor('合作').map((e) => e.en)).toEqual(['cooperation']);
    expect(lexicon.englishFor('就業優先 政策').map((e) => e.en)).toEqual(['employment first policy']);
    expect(lexicon.englishFor('合作社').map((e) => e.en)).toEqual(['cooperative']);
  });
});

describe('the shipped data/lexicon.tsv', () => {
  const lexicon = loadLexicon();

  it('states its sources (both national reports, with checksums and row counts) and stays small', () => {
    const files = lexicon.header.sources.map((s) => path.basename(s.file));
    expect(files).toEqual(expect.arrayContaining(['04_2024_auto_usable_parallel.csv', '04_2025_auto_usable_parallel.csv']));
    expect(lexicon.header.sources.every((s) => s.rows > 400 && s.pairs > 400)).toBe(true);
    expect(lexicon.header.params.excludeYears).toBe('none');
    expect(statSync(DEFAULT_LEXICON_PATH).size).toBeLessThan(2 * 1024 * 1024);
  });

  it('maps cooperation to 合作, never to 合作社', () => {
    const zh = lexicon.lookup(['cooperation']).map((e) => e.zh);
    expect(zh[0]).toBe('合作');
    expect(zh).not.toContain('合作社');
  });

  it('maps multiword terms to the one Chinese word for them', () => {
    expect(lexicon.lookup(['fiscal', 'policy'])[0].zh).toBe('财政政策');
    expect(lexicon.lookup(['high-quality', 'development'])[0].zh).toBe('高质量发展');
    expect(lexicon.lookup(['High', 'Quality', 'Development'])[0].zh).toBe('高质量发展');
    expect(lexicon.lookup(['real', 'estate'])[0].zh).toBe('房地产');
  });
});
