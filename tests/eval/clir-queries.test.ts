import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseQuerySet } from '../../src/eval/clir-queries.js';
import { openQueriesFile, ownQueriesFile } from './paths.js';
import { describeWithShared } from '../shared-data.js';

describe('parseQuerySet', () => {
  describeWithShared('eval/open-clir-2025.json', 'the open query set', () => {
    it('reads the open set and ours, judged on the top 10', () => {
      const open = parseQuerySet(readFileSync(openQueriesFile, 'utf8'), 'open');
      const own = parseQuerySet(readFileSync(ownQueriesFile, 'utf8'), 'own');
      expect([open.queries.length, open.k]).toEqual([30, 10]);
      expect([own.queries.length, own.k]).toEqual([60, 10]);
    });
  });

  it('names the file and the query at fault', () => {
    const bad = JSON.stringify({ queries: [{ q: 'embodied AI', kind: 'specific', expect: ['具身智能'], paragraphs: [35] }, { q: 'childcare', kind: 'specific', expect: [], paragraphs: [] }] });
    expect(() => parseQuerySet(bad, 'mine.json')).toThrow(/mine\.json, query 2 \("childcare"\): "expect"/);
    expect(() => parseQuerySet('{"queries": [', 'mine.json')).toThrow(expect.objectContaining({ code: 'EVAL_QUERIES_INVALID' }));
    expect(() => parseQuerySet('{"k": 0, "queries": []}', 'mine.json')).toThrow(/"k" must be a positive integer/);
  });
});
