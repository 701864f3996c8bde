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
import { parseLexicon } from '../../src/crosslang/lexicon.js';
import { openEngine } from '../../src/runtime/open-engine.js';
import { PARALLEL_DIR, parallelPairs } from './helpers.js';
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
      const first = corpusLexicon(pairs2024(), 'sha256:aaa', dir, (l) => logs.push(l));
      expect(first?.lookup(['fiscal', 'policy']).map((e) => e.zh)).toContain('财政政策');
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(1);
      corpusLexicon(pairs2024(), 'sha256:aaa', dir, (l) => logs.push(l));
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(1);
    });

    it('is learned again for another corpus, and when the file is truncated or edited', { tags: ['slow'] }, () => {
      const file = path.join(dir, CORPUS_LEXICON_FILE);
      const logs: string[] = [];
      corpusLexicon(pairs2024(), 'sha256:bbb', dir, (l) => logs.push(l));
      expect(logs).toHaveLength(1);
      const whole = readFileSync(file, 'utf8');
      writeFileSync(file, whole.slice(0, Math.floor(whole.length / 2)));
      const again = corpusLexicon(pairs2024(), 'sha256:bbb', dir, (l) => logs.push(l));
      expect(logs).toHaveLength(2);
      expect(readFileSync(file, 'utf8')).toBe(whole);
      writeFileSync(file, whole.replace('财政政策', '财政政栄'));
      corpusLexicon(pairs2024(), 'sha256:bbb', dir, (l) => logs.push(l));
      expect(logs).toHaveLength(3);
      expect(again?.lookup(['fiscal', 'policy']).map((e) => e.zh)).toContain('财政政策');
    });

    it('is learned again when it was learned with other parameters (an older version of the learning)', { tags: ['slow'] }, () => {
      const file = path.join(dir, CORPUS_LEXICON_FILE);
      const logs: string[] = [];
      corpusLexicon(pairs2024(), 'sha256:ccc', dir, (l) => logs.push(l));
      const whole = readFileSync(file, 'utf8');
      const body = whole.slice(whole.indexOf('\n') + 1).replace(/^# param\tminLinkAssociation\t.*\n/m, '');
      expect(body.length).toBeLessThan(whole.length - whole.indexOf('\n') - 1);
      // Stamped as the older version stamped it: the corpus and the checksum of what follows both match.
      writeFileSync(file, `#corpus-lexicon\tsha256:ccc\tsha256:${createHash('sha256').update(body, 'utf8').digest('hex')}\n${body}`);
      corpusLexicon(pairs2024(), 'sha256:ccc', dir, (l) => logs.push(l));
      expect(logs.filter((l) => l.startsWith('learned'))).toHaveLength(2);
      expect(readFileSync(file, 'utf8')).toBe(whole);
    });

    it('is nothing for a corpus without parallel passages', () => {
      expect(corpusLexicon([{ text: '只有中文' }], 'sha256:ccc', dir)).toBeNull();
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
        expect(readFileSync(path.join(indexDir, CORPUS_LEXICON_FILE), 'utf8')).toMatch(/^#corpus-lexicon\t/);
      } finally {
        await engine.close();
      }
    });
  });
});
