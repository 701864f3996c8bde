import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndexField } from '../../src/index/backend.js';
import { decodeText, encodeText, fieldText, MAX_TOKEN_LENGTH, prefixExpression, termToken, termTokens } from '../../src/index/sphinx/term-codec.js';
import { analyze } from '../../src/text/analyzer.js';
import { REPO_ROOT } from '../../scripts/sphinx/throwaway-cluster.js';

const FIELDS: IndexField[] = ['words', 'bigrams', 'heading', 'en'];
const seed = readFileSync(path.join(REPO_ROOT, 'corpus/xizang-2024-government-work-report.txt'), 'utf8');
const analyzed = analyze(seed);
const seedTerms = [...new Set([...analyzed.words, ...analyzed.bigrams].map((t) => t.term))];

/** What Sphinx's charset_table `0..9, a..z` keeps whole as one token. */
const SPHINX_TOKEN = new RegExp(`^[0-9a-z]{1,${MAX_TOKEN_LENGTH}}$`);

describe('terms as ASCII tokens', () => {
  it('turns every word and bigram of a seed report into one Sphinx-safe token that decodes back to the term', () => {
    expect(seedTerms.length).toBeGreaterThan(2000);
    for (const term of seedTerms) {
      const tokens = termTokens('words', term);
      for (const token of tokens) expect(token).toMatch(SPHINX_TOKEN);
      if (tokens.length === 1) expect(decodeText(tokens[0]!.slice(1))).toBe(term);
    }
  });

  it('gives different tokens to different terms and to the same term in different fields', () => {
    const tokens = new Set(seedTerms.map((t) => termToken('bigrams', t)));
    expect(tokens.size).toBe(seedTerms.length);
    expect(new Set(FIELDS.map((f) => termToken(f, '西藏'))).size).toBe(FIELDS.length);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }), (a, b) => {
        fc.pre(a !== b);
        expect(termToken('words', a)).not.toBe(termToken('words', b));
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('encodes a term so that a code-point prefix of the term is exactly a prefix of its encoding', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), (a, b) => {
        expect(decodeText(encodeText(a))).toBe(a);
        expect(encodeText(a + b).startsWith(encodeText(a))).toBe(true);
        if (encodeText(b).startsWith(encodeText(a))) expect(b.startsWith(a)).toBe(true);
      }),
      { numRuns: 1000, seed: 11 },
    );
  });

  it('keeps long terms apart with a hash token and reachable by prefix through a head token', () => {
    const a = '中华人民共和国国民经济和社会发展第十四个五年规划';
    const b = '中华人民共和国国民经济和社会发展第十五个五年规划';
    const [hashA, headA] = termTokens('words', a);
    const [hashB, headB] = termTokens('words', b);
    expect(encodeText(a).length + 1).toBeGreaterThan(MAX_TOKEN_LENGTH);
    expect(hashA).not.toBe(hashB);
    expect(headA).toBe(headB); // the heads share their first characters; only prefix lookups use them
    expect(hashA).toMatch(SPHINX_TOKEN);
    expect(headA).toMatch(SPHINX_TOKEN);
    expect(headA?.slice(1).startsWith(encodeText('中华人民'))).toBe(true);
    expect(prefixExpression('words', '中华人民')).toBe(`(w${encodeText('中华人民')}* | i${encodeText('中华人民')}*)`);
    expect(prefixExpression('words', a)).toBeNull();
    expect(prefixExpression('words', '')).toBeNull();
  });

  it('writes a field value as the tokens of its terms in order, repeats kept', () => {
    expect(fieldText('en', ['water', 'tower', 'water'])).toBe('ewater etower ewater');
    expect(fieldText('bigrams', [])).toBe('');
    expect(fieldText('words', ['5g', '基站']).split(' ')).toEqual([termToken('words', '5g'), termToken('words', '基站')]);
  });
});
