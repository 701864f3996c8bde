import { describe, expect, it } from 'vitest';
import { ServerError } from '../../src/server/errors.js';
import { decodeComponent, parseQueryString, queryOfUrl, rawQueryOf } from '../../src/server/query-string.js';

describe('parseQueryString', () => {
  it('decodes names and values, with + as a space, keeping repeated names in order', () => {
    expect(parseQueryString('q=%E9%AB%98%E8%B4%A8%E9%87%8F+%E5%8F%91%E5%B1%95&limit=5&q=x')).toEqual(
      new Map([
        ['q', ['高质量 发展', 'x']],
        ['limit', ['5']],
      ]),
    );
  });

  it('skips empty segments and reads a name without = as an empty value', () => {
    expect(parseQueryString('&&q&limit=&')).toEqual(
      new Map([
        ['q', ['']],
        ['limit', ['']],
      ]),
    );
  });

  it('keeps = inside a value and leaves bracketed names as they are for the schema to refuse', () => {
    expect(parseQueryString('q=a=b&q[x]=1')).toEqual(
      new Map([
        ['q', ['a=b']],
        ['q[x]', ['1']],
      ]),
    );
  });

  it.each(['q=%', 'q=%E9%AB', 'q=%ZZ', '%FF=1', 'q=%C0%AF'])('refuses the malformed escape in %s with MALFORMED_URL', (raw) => {
    expect(() => parseQueryString(raw)).toThrow(ServerError);
    try {
      parseQueryString(raw);
    } catch (error) {
      expect((error as ServerError).code).toBe('MALFORMED_URL');
      expect((error as ServerError).status).toBe(400);
    }
  });
});

describe('decodeComponent', () => {
  it('decodes a four-byte character and a literal plus written as %2B', () => {
    expect(decodeComponent('%F0%A0%80%80%2B1')).toBe('\u{20000}+1');
  });
});

describe('rawQueryOf', () => {
  it('returns what lies between ? and #, or nothing', () => {
    expect(rawQueryOf('/api/search?q=x&limit=2#top')).toBe('q=x&limit=2');
    expect(rawQueryOf('/api/search?q=a?b')).toBe('q=a?b');
    expect(rawQueryOf('/api/search')).toBe('');
  });
});

describe('queryOfUrl', () => {
  it('reads a request URL as the routes do: the query between ? and #, strictly decoded', () => {
    expect(queryOfUrl('/api/search?q=%E9%AB%98&q=x&limit=2#top')).toEqual(new Map([['q', ['高', 'x']], ['limit', ['2']]]));
    expect(queryOfUrl('/reports')).toEqual(new Map());
    expect(() => queryOfUrl('/api/search?q=%E9%AB')).toThrow(expect.objectContaining({ code: 'MALFORMED_URL' }));
  });
});
