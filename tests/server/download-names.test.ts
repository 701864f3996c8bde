/**
 * The file name of each download: a list longer than one file is taken in ranges (results 1,000 a file,
 * concordance lines 10,000), and each range's file must say its rows, or a browser saves `…(1).csv`,
 * `…(2).csv` for the same name; a file holding the whole list keeps the list's own name. Both names of the
 * header stand as RFC 6266 writes them: an ASCII `filename` for old clients, `filename*` in UTF-8 with only the
 * characters RFC 8187 allows unescaped.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ConcordanceResponse } from '../../src/search/research.js';
import type { SearchResponse } from '../../src/search/types.js';
import { useTestApp } from './test-engine.js';

const app = useTestApp();
const enc = encodeURIComponent;
const EXTENSIONS = { csv: 'csv', ris: 'ris', bibtex: 'bib', 'csl-json': 'json' } as const;

/** The two names of a `Content-Disposition: attachment`, read as RFC 6266 defines them; a malformed header fails. */
function namesOf(header: string | undefined): { ascii: string; utf8: string } {
  const parts = /^attachment; filename="([\x20-\x21\x23-\x7e]*)"; filename\*=UTF-8''([A-Za-z0-9!#$&+\-.^_`|~%]+)$/.exec(header ?? '');
  expect(parts, header).not.toBeNull();
  return { ascii: parts?.[1] ?? '', utf8: decodeURIComponent(parts?.[2] ?? '') };
}

const disposition = async (url: string): Promise<string | undefined> => (await request(app()).get(url).expect(200)).headers['content-disposition'] as string | undefined;

describe('the file name of a search download', () => {
  it.each(Object.entries(EXTENSIONS))('says the range of results a %s file holds', async (format, extension) => {
    const q = enc('发展');
    const { total } = (await request(app()).get(`/api/search?q=${q}&limit=1`).expect(200)).body as SearchResponse;
    expect(total).toBeGreaterThan(12);
    expect(namesOf(await disposition(`/api/search?q=${q}&format=${format}&limit=5`))).toEqual({ ascii: `search-results-1-5.${extension}`, utf8: `search-发展-1-5.${extension}` });
    expect(namesOf(await disposition(`/api/search?q=${q}&format=${format}&limit=5&offset=5`))).toEqual({ ascii: `search-results-6-10.${extension}`, utf8: `search-发展-6-10.${extension}` });
    // The last range ends at the last result, not where the limit would.
    expect(namesOf(await disposition(`/api/search?q=${q}&format=${format}&limit=5&offset=${total - 2}`)).utf8).toBe(`search-发展-${total - 1}-${total}.${extension}`);
  });

  it.each(Object.entries(EXTENSIONS))('keeps the name of the whole list for a %s file that holds it', async (format, extension) => {
    const q = enc('乡村振兴');
    expect(namesOf(await disposition(`/api/search?q=${q}&format=${format}`))).toEqual({ ascii: `search-results.${extension}`, utf8: `search-乡村振兴.${extension}` });
  });
});

describe('the file name of a concordance download', () => {
  it('says the range of lines a file holds, and keeps the concordance\'s own name for the whole of it', async () => {
    const q = enc('发展');
    const { total, key } = (await request(app()).get(`/api/concordance?q=${q}&limit=1`).expect(200)).body as ConcordanceResponse;
    expect(total).toBeGreaterThan(20);
    expect(namesOf(await disposition(`/api/concordance?q=${q}&format=csv&limit=10&offset=10`))).toEqual({ ascii: 'concordance-11-20.csv', utf8: `concordance-${key}-11-20.csv` });
    expect(namesOf(await disposition(`/api/concordance?q=${q}&format=csv`))).toEqual({ ascii: 'concordance.csv', utf8: `concordance-${key}.csv` });
  });

  it('writes a keyword with parentheses or an apostrophe as RFC 8187 allows', async () => {
    // （一） is (一) in its match key; ( ) and ' are no attr-char, and a bare ' ends the charset part early.
    for (const q of ['（一）', "people's"]) {
      const { key } = (await request(app()).get(`/api/concordance?q=${enc(q)}&limit=1`).expect(200)).body as ConcordanceResponse;
      expect(namesOf(await disposition(`/api/concordance?q=${enc(q)}&format=csv`)).utf8).toBe(`concordance-${key}.csv`);
    }
  });
});
