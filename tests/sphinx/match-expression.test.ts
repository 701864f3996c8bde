import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import type { Alternative } from '../../src/index/backend.js';
import { alternativeExpression, checkOf, combine, coreOf, groupSuperset, isExactExclusion } from '../../src/index/sphinx/match-expression.js';
import { SphinxError } from '../../src/index/sphinx/errors.js';
import { prefixExpression, termToken } from '../../src/index/sphinx/term-codec.js';
import { readCorpus } from '../../src/ingest/corpus.js';
import { PassageKeys } from '../../src/index/passage-keys.js';
import { planQuery, type QueryPlan } from '../../src/search/plan.js';
import { testCrossLang } from '../crosslang/helpers.js';
import { parseQuery } from '../../src/search/query-parser.js';
import { REPO_ROOT } from '../../scripts/sphinx/throwaway-cluster.js';

let keys: PassageKeys;
const plan = (query: string): QueryPlan => planQuery(parseQuery(query), keys, { crossLang: testCrossLang() });

beforeAll(async () => {
  const { docs } = await readCorpus([path.join(REPO_ROOT, 'corpus')]);
  keys = new PassageKeys(docs.flatMap((d) => chunkDocument(d)));
});

describe('query plans as Sphinx MATCH() expressions', () => {
  it('requires every bigram of a quoted phrase and ranks by its words in a MAYBE part', () => {
    const [alternative] = plan('"高质量发展"').query.groups[0] ?? [];
    expect(alternative?.check).toEqual({ kind: 'contains', key: '高质量发展' });
    const bigrams = ['高质', '质量', '量发', '发展'].map((b) => termToken('bigrams', b));
    const expression = alternativeExpression(alternative as Alternative) ?? '';
    for (const token of bigrams) expect(expression).toContain(token);
    expect(expression).toMatch(/^\(\(.*\) MAYBE \(.*\)\)$/);
    expect(expression).toContain(termToken('words', '高质量'));
    expect(expression).toContain(termToken('heading', '高质量'));
  });

  it('looks a single character up by prefix over both clear and head tokens', () => {
    const [alternative] = plan('藏').query.groups[0] ?? [];
    expect(alternative?.prefix).toBe(true);
    expect(coreOf(alternative as Alternative)).toEqual({ kind: 'expr', text: prefixExpression('bigrams', '藏') });
  });

  it('ors an English word over its fields and its Chinese expansions within one group', () => {
    const group = (plan('Asian water tower').query.soft?.groups ?? []).find((g) => g.some((a) => a.label === '亚洲水塔')) ?? [];
    const superset = groupSuperset(group);
    expect(superset.kind).toBe('expr');
    const text = superset.kind === 'expr' ? superset.text : '';
    expect(text).toContain(termToken('bigrams', '水塔'));
    expect(text.split(' | ').length).toBeGreaterThan(1);
  });

  it('makes a NOT only of exclusions the index decides alone', () => {
    const english = plan('poverty -education').query.exclude;
    expect(english.length).toBeGreaterThan(0);
    expect(english.every(isExactExclusion)).toBe(true);
    // A phrase of one run is decided by its sequence of adjacent bigrams; one across punctuation must be
    // verified first (the index cannot tell which punctuation stood there).
    const bigramsOf = (q: string) => plan(q).query.exclude.find((a) => a.fields.includes('bigrams')) as Alternative;
    expect(isExactExclusion(bigramsOf('教育 -学前教育'))).toBe(true);
    expect(isExactExclusion(bigramsOf('教育 -"学前，教育"'))).toBe(false);
    expect(isExactExclusion(bigramsOf('教育 -"，学前教育"'))).toBe(false);
    expect(isExactExclusion(bigramsOf('教育 -"学前"'))).toBe(true); // one bigram: exact without a sequence
    expect(combine(['(a1)', '(b2)'], ['(c3)', 'd4'])).toBe('(a1) (b2) -(c3) -(d4)');
    expect(() => combine([], ['(c3)'])).toThrow(SphinxError);
  });

  it('lets the sequence decide only a phrase that is one run of three characters or more, with no Latin or digit edge', () => {
    const alternative = (q: string) => plan(q).query.groups[0]?.find((a) => a.fields.includes('bigrams')) as Alternative;
    // `G318国道` begins with a letter: the sequence would take `XG318国道` too, so verification decides.
    for (const [q, decided] of [['"高质量发展"', true], ['"G318国道"', false], ['"国道G318号"', true], ['"高质量，发展"', false], ['"高质量发展。"', false], ['"民族 团结"', true], ['"西藏"', false]] as const) {
      const a = alternative(q);
      expect({ q, decided: checkOf(a) === undefined && a.check !== undefined }).toEqual({ q, decided });
    }
    const text = coreOf(alternative('"高质量，发展"'));
    expect(text).toEqual({ kind: 'expr', text: expect.stringContaining(`"${['高质', '质量', '量', '发展'].map((t) => termToken('bigrams', t)).join(' ')}"`) });
  });

  it('reads scans and field-less alternatives as the embedded backend does', () => {
    expect(coreOf({ kind: 'scan', fields: [], terms: [] })).toEqual({ kind: 'scan' });
    expect(coreOf({ kind: 'tokens', fields: ['words'], terms: [] })).toEqual({ kind: 'scan' });
    expect(coreOf({ kind: 'tokens', fields: [], terms: ['x'] })).toEqual({ kind: 'none' });
    expect(groupSuperset([{ kind: 'tokens', fields: [], terms: ['x'] }])).toEqual({ kind: 'none' });
    expect(groupSuperset([{ kind: 'tokens', fields: ['words'], terms: ['x'] }, { kind: 'scan', fields: [], terms: [] }])).toEqual({ kind: 'scan' });
  });
});
