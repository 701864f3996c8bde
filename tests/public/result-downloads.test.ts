/**
 * The downloads of a search's results as the page and the server-rendered page both draw them: the file
 * addresses, one link each when one file holds the results, else the files by range (1,000 results a file).
 */
import { describe, expect, it } from 'vitest';
import { CITATION_FORMATS, citationDownloads, resultDownloads, resultsFileUrl } from '../../public/js/result-downloads.js';

/** An element as data: its tag, attributes and children (lists flattened, nothing left out). */
interface Node {
  tag: string;
  attrs: Record<string, string | boolean | null>;
  children: Array<Node | string>;
}
type Child = Node | string | null | Array<Node | string | null>;
const drawing = {
  make: (tag: string, attrs: Record<string, string | boolean | null>, ...children: Child[]): Node => ({
    tag,
    attrs,
    children: children.flat().filter((c): c is Node | string => c !== null),
  }),
  text: (key: string, vars: Record<string, string | number> = {}) => `${key}(${Object.values(vars).join(',')})`,
  num: (n: number) => n.toLocaleString('en'),
};
/** Every link below a node, depth first. */
const linksOf = (node: Node): Node[] => (node.tag === 'a' ? [node] : node.children.flatMap((c) => (typeof c === 'string' ? [] : linksOf(c))));
const offsetOf = (href: unknown) => new URL(String(href), 'http://x').searchParams.get('offset');

describe('resultsFileUrl', () => {
  it('asks the search with its filters, order and language for a format, from an offset', () => {
    const url = new URL(resultsFileUrl({ q: '乡村振兴', doc: 'd', year: '2024', kind: '', sort: 'newest' }, 'bibtex', 'zh', 2000), 'http://x');
    expect(url.pathname).toBe('/api/search');
    expect([...url.searchParams]).toEqual([['q', '乡村振兴'], ['format', 'bibtex'], ['doc', 'd'], ['year', '2024'], ['sort', 'newest'], ['lang', 'zh'], ['offset', '2000']]);
    expect(new URL(resultsFileUrl({ q: '发展' }, 'csv'), 'http://x').search).toBe('?q=%E5%8F%91%E5%B1%95&format=csv');
  });
});

describe('citationDownloads', () => {
  it('offers RIS, BibTeX and CSL-JSON of every result when one file holds them', () => {
    const menu = citationDownloads(drawing, { q: '乡村振兴', sort: 'oldest' }, 'en', 40);
    expect(menu.tag).toBe('details');
    const links = linksOf(menu);
    expect(links.map((a) => a.children[0])).toEqual(CITATION_FORMATS.map(([, label]) => label));
    expect(links.map((a) => new URL(String(a.attrs.href), 'http://x').searchParams.get('format'))).toEqual(['ris', 'bibtex', 'csl-json']);
    expect(links.every((a) => a.attrs.download === true && offsetOf(a.attrs.href) === null)).toBe(true);
    expect(links[0]?.attrs.title).toBe('resultsCitationsAs(RIS,1,40,40)');
  });

  it('offers each range of 1,000 results in the three formats, past one file, none starting past offset 10,000', () => {
    const links = linksOf(citationDownloads(drawing, { q: '发展' }, 'zh', 2500));
    expect(links.map((a) => offsetOf(a.attrs.href))).toEqual([null, null, null, '1000', '1000', '1000', '2000', '2000', '2000']);
    expect(links[3]?.attrs['aria-label']).toBe('RIS · csvRange(1,001,2,000,2,500)');
    const huge = linksOf(citationDownloads(drawing, { q: '发展' }, 'zh', 50_000));
    expect(huge).toHaveLength(11 * 3);
    expect(offsetOf(huge.at(-1)?.attrs.href)).toBe('10000');
  });

  it('draws the CSV beside the citations, by the same ranges', () => {
    const [csv, citations] = resultDownloads(drawing, { q: '发展' }, 'en', 2500);
    const csvOffsets = linksOf(csv as Node).map((a) => offsetOf(a.attrs.href));
    const citationOffsets = linksOf(citations as Node).map((a) => offsetOf(a.attrs.href));
    expect(csvOffsets).toEqual([null, '1000', '2000']);
    expect([...new Set(citationOffsets)]).toEqual(csvOffsets);
    const [single] = resultDownloads(drawing, { q: '发展' }, 'en', 999);
    expect((single as Node).tag).toBe('a');
  });
});
