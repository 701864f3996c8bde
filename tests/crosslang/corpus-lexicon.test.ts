/**
 * The lexicon learned from the corpus's own parallel passages at ingest: learned once, kept in the index
 * folder under the corpus fingerprint and a checksum, learned again when either does not match, and used by
 * the engine beside the shipped lexicon.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_LEXICON_FILE, combineLexicons, corpusLexicon } from '../../src/crosslang/corpus-lexicon.js';
import { DICTIONARY_VERSION, loadDictionary } from '../../src/crosslang/dictionary.js';
import { parseLexicon } from '../../src/crosslang/lexicon.js';
import { lazyDictionaryVouch } from '../../src/crosslang/lexicon-vouch.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { PARALLEL_DIR, TEST_CACHE_DIR, parallelPairs } from './helpers.js';
import { describeWithShared } from '../shared-data.js';

let dir: string;
const pairs2024 = (): Array<{ text: string; textEn: string }> =>
  parallelPairs().slice(0, 431).map((p) => ({ text: p.zh, textEn: p.en }));

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-lexicon-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describeWithShared('corpora/parallel-zh-en', 'the corpus lexicon from the parallel reports', () => {
  describe('the corpus lexicon', () => {
    it('is learned from parallel passages, saved, and opened again without learning', { tags: ['slow'] }, () => {
      const logs: string[] = [];
      const first = corpusLexicon(pairs2024(), 'sha256:aaa', { indexDir: dir, log: (l) => logs.push(l) });
      expect(first?.lookup(['fiscal', 'policy']).map((e) => e.zh)).toContain('财政政策');
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(1);
      corpusLexicon(pairs2024(), 'sha256:aaa', { indexDir: dir, log: (l) => logs.push(l) });
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(1);
    });

    it('is learned again for another corpus, and when the file is truncated or edited', { tags: ['slow'] }, () => {
      const file = path.join(dir, CORPUS_LEXICON_FILE);
      const logs: string[] = [];
      corpusLexicon(pairs2024(), 'sha256:bbb', { indexDir: dir, log: (l) => logs.push(l) });
      expect(logs).toHaveLength(1);
      const whole = readFileSync(file, 'utf8');
      writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
      const again = corpusLexicon(pairs2024(), 'sha256:bbb', { indexDir: dir, log: (l) => logs.push(l) });
      expect(logs).toHaveLength(2);
      expect(readFileSync(file, 'utf8')).toBe(whole);
      writeFileSync(file, whole.replace('财政政策', '财政政栄'));
      corpusLexicon(pairs2024(), 'sha256:bbb', { indexDir: dir, log: (l) => logs.push(l) });
      expect(logs).toHaveLength(3);
      expect(again?.lookup(['fiscal', 'policy']).map((e) => e.zh)).toContain('财政政策');
    });

    it('is learned again when it was learned with other parameters (an older version of the learning)', { tags: ['slow'] }, () => {
      const file = path.join(dir, CORPUS_LEXICON_FILE);
      const logs: string[] = [];
      corpusLexicon(pairs2024(), 'sha256:ccc', { indexDir: dir, log: (l) => logs.push(l) });
      const whole = readFileSync(file, 'utf8');
      const body = whole.slice(whole.indexOf('\n') + 1).replace(/^# param\tminLinkAssociation\t.*\n/m, '');
      expect(body.length).toBeLessThan(whole.length - whole.indexOf('\n') - 1);
      // Stamped as the older version stamped it: the corpus and the checksum of what follows both match.
      writeFileSync(file, `#corpus-lexicon\tsha256:ccc\tsha256:${createHash('sha256').update(body, 'utf8').digest('hex')}\n${body}`);
      corpusLexicon(pairs2024(), 'sha256:ccc', { indexDir: dir, log: (l) => logs.push(l) });
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(2);
      expect(readFileSync(file, 'utf8')).toBe(whole);
    });

    it('learns a pair seen once when the dictionary vouches for it, opening the dictionary only to learn', { tags: ['slow'] }, () => {
      const learnedBy = (judge: string): string => path.join(dir, judge);
      mkdirSync(learnedBy('none'));
      mkdirSync(learnedBy('dictionary'));
      let opened = 0;
      const vouch = lazyDictionaryVouch(() => {
        opened++;
        return loadDictionary({ cacheDir: TEST_CACHE_DIR });
      });
      const alone = corpusLexicon(pairs2024(), 'sha256:ddd', { indexDir: learnedBy('none') });
      const vouched = corpusLexicon(pairs2024(), 'sha256:ddd', { indexDir: learnedBy('dictionary'), learn: { vouch } });
      expect(opened).toBe(1);
      // Named once in the 2024 report's English (`AI`; `attract foreign investment`): learned only with the vouch.
      for (const [en, zh] of [[['ai'], '人工智能'], [['attract', 'foreign', 'investment'], '吸引外资']] as const) {
        expect(alone?.lookup([...en]).map((e) => e.zh)).not.toContain(zh);
        expect(vouched?.lookup([...en]).map((e) => e.zh)).toContain(zh);
      }
      const file = readFileSync(path.join(learnedBy('dictionary'), CORPUS_LEXICON_FILE), 'utf8');
      expect(file).toMatch(new RegExp(`^# param\\trareVouchedBy\\t${DICTIONARY_VERSION}$`, 'm'));
      // Read back, it opens no dictionary; a lexicon learned without the judge is learned again with it.
      corpusLexicon(pairs2024(), 'sha256:ddd', { indexDir: learnedBy('dictionary'), learn: { vouch } });
      expect(opened).toBe(1);
      const logs: string[] = [];
      const relearned = corpusLexicon(pairs2024(), 'sha256:ddd', { indexDir: learnedBy('none'), log: (l) => logs.push(l), learn: { vouch } });
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(1);
      expect(relearned?.lookup(['ai']).map((e) => e.zh)).toContain('人工智能');
      expect(readFileSync(path.join(learnedBy('none'), CORPUS_LEXICON_FILE), 'utf8')).toBe(file);
    });

    it('is nothing for a corpus without parallel passages', () => {
      expect(corpusLexicon([{ text: '只有中文' }], 'sha256:ccc', { indexDir: dir })).toBeNull();
    });

    it('combines with another lexicon: every translation of a key, the most probable first', () => {
      const a = parseLexicon('# lexicon-format\t1\n# entries\t1\nfiscal policy\t财政政策\t0.3\t5\n');
      const b = parseLexicon('# lexicon-format\t1\n# entries\t2\nfiscal policy\t财政政策\t0.6\t9\nfiscal policy\t财政\t0.2\t3\n');
      const both = combineLexicons([a, null, b]);
      expect(both?.lookup(['fiscal', 'policy']).map((e) => [e.zh, e.p])).toEqual([['财政政策', 0.6], ['财政', 0.2]]);
    });
  });

  describe('the engine over a corpus with a parallel report', () => {
    it('searches the translations learned from it, named as learned', { tags: ['slow'] }, async () => {
      const corpus = path.join(dir, 'corpus');
      mkdirSync(corpus);
      copyFileSync(path.join(PARALLEL_DIR, '04_2024_auto_usable_parallel.csv'), path.join(corpus, 'report-2024.csv'));
      const indexDir = path.join(dir, 'index');
      const engine = await openEngine({ corpusDirs: [corpus], indexDir, lexiconPath: null });
      try {
        // Words the glossary knows too (employment: 就业) show the glossary as their source: several words, so that one shows the lexicon's.
        const answer = await engine.search('employment digital market');
        expect(answer.expansions.filter((e) => e.source === 'learned').length).toBeGreaterThan(0);
        const saved = readFileSync(path.join(indexDir, CORPUS_LEXICON_FILE), 'utf8');
        expect(saved).toMatch(/^#corpus-lexicon\t/);
        // Its pairs seen once vouched for by the engine's own dictionary, as the shipped lexicon's are.
        expect(saved).toContain(`# param\trareVouchedBy\t${DICTIONARY_VERSION}\n`);
        expect((await engine.search('attract foreign investment')).expansions).toContainEqual({ from: 'attract foreign investment', to: '吸引外资', source: 'learned' });
      } finally {
        await engine.close();
      }
    });
  });
});
