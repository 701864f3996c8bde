/**
 * The address of a search, written by one function for the page's script and the server's rendered page:
 * every non-empty part of the state, in a fixed order, read back as it was; empty parts and the first page
 * left out.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchUrl } from '../../public/js/search-url.js';

const state = fc.record({
  q: fc.string({ maxLength: 12 }),
  doc: fc.constantFrom('', 'xizang-2024-government-work-report', 'a&b=c'),
  year: fc.constantFrom('', '2024', '２０２３'),
  kind: fc.constantFrom('', 'paragraph', 'heading'),
  sort: fc.constantFrom('' as const, 'newest' as const, 'oldest' as const),
  page: fc.integer({ min: 1, max: 1001 }),
  view: fc.constantFrom('' as const, 'kwic' as const),
  vs: fc.array(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 3 }),
  lang: fc.constantFrom(undefined, 'zh' as const, 'en' as const),
});

describe('searchUrl', () => {
  it('writes every non-empty part once, in order, so that the address reads back to the state', () => {
    fc.assert(
      fc.property(state, (s) => {
        const url = searchUrl(s);
        expect(url.startsWith('/')).toBe(true);
        const expected: Array<[string, string]> = [];
        for (const key of ['q', 'doc', 'year', 'kind', 'sort'] as const) if (s[key]) expected.push([key, s[key]]);
        if (s.page > 1) expected.push(['page', String(s.page)]);
        if (s.view) expected.push(['view', s.view]);
        for (const phrase of s.vs) expected.push(['vs', phrase]);
        if (s.lang) expected.push(['lang', s.lang]);
        expect([...new URLSearchParams(url.slice(url.indexOf('?') + 1 || url.length))]).toEqual(expected);
        expect(url === '/').toBe(expected.length === 0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the plain page for an empty state, and leaves the first page out', () => {
    expect(searchUrl({})).toBe('/');
    expect(searchUrl({ q: '光伏', year: '2024', page: 1 })).toBe('/?q=%E5%85%89%E4%BC%8F&year=2024');
    expect(searchUrl({ q: 'a b', page: 2, sort: 'newest' })).toBe('/?q=a+b&sort=newest&page=2');
  });
});
