import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isCiRun, sharedSuite } from './shared-data.js';

const root = mkdtempSync(path.join(os.tmpdir(), 'gov-search-shared-data-'));
mkdirSync(path.join(root, 'corpora'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('sharedSuite: how a test that needs ../shared runs', () => {
  it('runs, and says what it needs, when the data is there (in CI or not)', () => {
    for (const env of [{}, { CI: 'true' }]) {
      expect(sharedSuite('corpora', 'reads the reports', { root, env })).toEqual({
        title: 'reads the reports (needs ../shared/corpora)',
        present: true,
      });
    }
  });

  it('skips outside CI when the data is missing, naming what and where', () => {
    for (const env of [{}, { CI: '' }, { CI: 'false' }, { CI: '0' }]) {
      const suite = sharedSuite('eval/open-queries.json', 'the open phrases', { root, env });
      expect(suite.present).toBe(false);
      expect(suite.title).toContain('the open phrases (skipped: needs ../shared/eval/open-queries.json');
      expect(suite.title).toContain(path.join(root, 'eval/open-queries.json'));
    }
  });

  it('fails loudly in CI when the data is missing', () => {
    for (const CI of ['true', '1', 'TRUE']) {
      expect(() => sharedSuite('seeds', 'the seeds', { root: path.join(root, 'nowhere'), env: { CI } })).toThrow(
        /\.\.\/shared\/seeds is missing .*nowhere.*CI is set, so "the seeds" cannot be skipped/,
      );
    }
  });
});

describe('isCiRun', () => {
  it('reads CI as set unless empty, 0 or false', () => {
    expect([undefined, '', ' ', '0', 'false', 'False'].map((CI) => isCiRun({ CI }))).toEqual([false, false, false, false, false, false]);
    expect(['true', '1', 'yes', 'github'].map((CI) => isCiRun({ CI }))).toEqual([true, true, true, true]);
  });
});
