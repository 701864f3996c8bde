/**
 * public/js/query-filters.js: the filters typed in the query (`year:2024`) read as the server's parser reads
 * them, and a filter chosen on the page written back into the query. The server's parser is the oracle.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSAGE_KINDS } from '../../src/model.js';
import { parseQuery } from '../../src/search/query-parser.js';
import * as filters from '../../public/js/query-filters.js';

const { queryFilters, setQueryFilter, withoutQueryFilters, withFilter, activeFilters } = filters;

/** The parser's filters as the page's strings ('' when absent). */
function parsed(q: string): Record<'doc' | 'year' | 'kind' | 'region', string> {
  const f = parseQuery(q).filters;
  const year = f.year !== undefined ? String(f.year) : f.years ? `${f.years.from}-${f.years.to}` : '';
  return { doc: f.doc ?? '', year, kind: f.kind ?? '', region: f.region ?? '' };
}

const state = { q: '', doc: '', year: '', kind: '', page: 1, view: '' as const, sort: '' as const, vs: [] };

describe('filters typed in the query, on hand-picked queries', () => {
  it('reads year:2024 in 乡村振兴 year:2024, and leaves a plain word alone', () => {
    expect(queryFilters('year:2024 乡村振兴')).toEqual({ doc: '', year: '2024', kind: '', region: '' });
    expect(queryFilters('乡村振兴 YEAR：２０２３ kind:Table')).toEqual({ doc: '', year: '2023', kind: 'table', region: '' });
    expect(queryFilters('year:abc kind:chair -year:2024 "year:2024"')).toEqual({ doc: '', year: '', kind: '', region: '' });
    expect(queryFilters('乡村振兴 region:广东 REGION：西藏')).toEqual({ doc: '', year: '', kind: '', region: '西藏' });
  });

  it('writes the chosen filter where the query had it, and removes it for "All"', () => {
    expect(setQueryFilter('year:2024 乡村振兴', 'year', '2023')).toBe('year:2023 乡村振兴');
    expect(setQueryFilter('乡村振兴 year:2024 旅游 year:2022', 'year', '2021')).toBe('乡村振兴 year:2021 旅游');
    expect(setQueryFilter('乡村振兴 year:2024', 'year', '')).toBe('乡村振兴');
    expect(setQueryFilter('乡村振兴', 'kind', 'table')).toBe('乡村振兴 kind:table');
    expect(withoutQueryFilters('a OR year:2024 b')).toBe('a b');
  });

  it('keeps a filter the query holds in the query, and any other in the URL; the URL wins as in the engine', () => {
    const inQuery = { ...state, q: '乡村振兴 year:2024', page: 3 };
    expect(withFilter(inQuery, 'year', '2023')).toEqual({ ...inQuery, q: '乡村振兴 year:2023', page: 1 });
    expect(withFilter(inQuery, 'doc', 'x')).toEqual({ ...inQuery, doc: 'x', page: 1 });
    expect(activeFilters({ ...inQuery, year: '2020' }).year).toBe('2020');
    expect(activeFilters(inQuery).year).toBe('2024');
  });

  it('reads a filter written with character references as the server does: year&#58;2024 is year:2024', () => {
    expect(queryFilters('乡村振兴 year&#58;2024')).toEqual({ doc: '', year: '2024', kind: '', region: '' });
    expect(queryFilters('doc:xizang&#x2D;2024 kind&colon;table')).toEqual({ doc: 'xizang-2024', year: '', kind: '', region: '' });
    expect(queryFilters('&quot;year:2024&quot; kind:table&amp;')).toEqual({ doc: '', year: '', kind: '', region: '' });
    expect(queryFilters('year:2024&nbsp;乡村振兴')).toEqual({ doc: '', year: '2024', kind: '', region: '' });
    expect(setQueryFilter('乡村振兴 year&#58;2024', 'year', '2023')).toBe('乡村振兴 year:2023');
    expect(withoutQueryFilters('R&amp;D year&#x3A;2024 旅游')).toBe('R&amp;D 旅游');
  });

  it('reads a range of years as the server does, written earlier year first, and counts its years\' passages', () => {
    expect(queryFilters('乡村振兴 year:2022–2013')).toEqual({ doc: '', year: '2013-2022', kind: '', region: '' });
    expect(queryFilters('乡村振兴 year:2013至2022 year:2024').year).toBe('2024');
    expect(queryFilters('乡村振兴 year:1800-2020').year).toBe('');
    expect(filters.rangeEntry('2019-2021', { 2019: 3, 2020: 2, 2024: 5 })).toEqual(['2019-2021', '2019–2021', 5]);
    expect(filters.rangeEntry('2024', { 2024: 5 })).toBeNull();
    expect(setQueryFilter('乡村振兴 year:2013-2022', 'year', '2020')).toBe('乡村振兴 year:2020');
  });

  it('accepts the kinds the server accepts', () => {
    expect([...filters.PASSAGE_KINDS]).toEqual([...PASSAGE_KINDS]);
  });
});

describe('the Region list', () => {
  const regions = [
    { value: '全国', zh: '全国', en: 'National', docs: ['n1', 'n2'] },
    { value: '北京市', zh: '北京市', en: 'Beijing Municipality', docs: ['b'] },
    { value: '西藏自治区', zh: '西藏自治区', en: 'Xizang (Tibet) Autonomous Region', docs: ['x1', 'x2'] },
    { value: '海拉尔区', zh: '呼伦贝尔市海拉尔区', en: 'Hailar District, Hulunbuir City', docs: ['h'] },
    { value: '安徽省', zh: '安徽省', en: 'Anhui Province', docs: ['a'] },
  ];

  it('counts each region\'s passages from the reports\' counts, leaving out a region none of them holds', () => {
    const facets = { doc: { n1: 3, n2: 4, x1: 1, x2: 2, h: 5 }, year: {}, kind: {} };
    expect(filters.regionEntries(facets, regions, 'zh')).toEqual([['全国', '全国', 7], ['西藏自治区', '西藏自治区', 3], ['海拉尔区', '呼伦贝尔市海拉尔区', 5]]);
    // In English the nation first, then the others by their English names.
    expect(filters.regionEntries(facets, regions, 'en').map(([, text]) => text)).toEqual(['National', 'Hailar District, Hulunbuir City', 'Xizang (Tibet) Autonomous Region']);
    expect(filters.regionsInOrder(regions, 'en').map((r) => r.value)).toEqual(['全国', '安徽省', '北京市', '海拉尔区', '西藏自治区']);
  });

  it('selects the region a typed region: names by part of its name, in either language, or shows it as typed', () => {
    expect(filters.regionChoice(regions, '西藏自治区')).toBe('西藏自治区');
    expect(filters.regionChoice(regions, '西藏')).toBe('西藏自治区');
    expect(filters.regionChoice(regions, 'tibet')).toBe('西藏自治区');
    expect(filters.regionChoice(regions, '海拉尔')).toBe('海拉尔区');
    expect(filters.regionChoice(regions, 'national')).toBe('全国');
    expect(filters.regionChoice(regions, '区')).toBe('区'); // more than one: as typed
    expect(filters.regionChoice(regions, 'Atlantis')).toBe('Atlantis');
    expect(filters.regionChoice(regions, '')).toBe('');
  });

  it('writes a region picked in the list into the query, where the page and the server read it', () => {
    const picked = withFilter({ ...state, q: '乡村振兴 year:2024', page: 4 }, 'region', '西藏自治区');
    expect(picked).toEqual({ ...state, q: '乡村振兴 year:2024 region:西藏自治区', page: 1 });
    expect(parseQuery(picked.q).filters.region).toBe('西藏自治区');
    expect(withFilter(picked, 'region', '北京市').q).toBe('乡村振兴 year:2024 region:北京市');
    expect(withFilter(picked, 'region', '').q).toBe('乡村振兴 year:2024');
    expect(activeFilters(picked).region).toBe('西藏自治区');
    expect(filters.hasActiveFilters({ ...state, q: '乡村振兴 region:西藏' })).toBe(true);
    expect(filters.withoutFilters(picked).q).toBe('乡村振兴');
  });

  it('counts each list over the search without its own filter, the others in force', () => {
    const picked = { ...state, q: '乡村振兴 region:西藏 kind:table', year: '2024', page: 3 };
    const scopes = filters.facetScopes(picked);
    expect(scopes.map((s) => [s.key, s.state.q, s.state.year, s.state.page])).toEqual([
      ['year', '乡村振兴 region:西藏 kind:table', '', 1],
      ['kind', '乡村振兴 region:西藏', '2024', 1],
      ['region', '乡村振兴 kind:table', '2024', 1],
    ]);
    expect(filters.facetScopes({ ...state, q: '乡村振兴' })).toEqual([]);
    const own = { doc: { a: 1 }, year: { 2024: 1 }, kind: { table: 1 } };
    const withoutYear = { doc: { a: 3 }, year: { 2023: 2, 2024: 1 }, kind: { table: 3 } };
    const withoutRegion = { doc: { a: 1, b: 5 }, year: { 2024: 6 }, kind: { table: 6 } };
    expect(filters.listFacets(own, { year: withoutYear, region: withoutRegion })).toEqual({
      lists: { doc: { a: 1 }, year: { 2023: 2, 2024: 1 }, kind: { table: 1 } },
      region: withoutRegion,
    });
    expect(filters.listFacets(own, {})).toEqual({ lists: own, region: own });
  });

  it('gives the query\'s filter words as written, for a phrase compared with it', () => {
    expect(filters.filterWordsOf('乡村振兴 region:西藏 -year:2020 kind:table')).toBe('region:西藏 kind:table');
    expect(filters.filterWordsOf('乡村振兴')).toBe('');
  });

  it('reads a quoted region of several words as the server does, and takes it out whole', () => {
    expect(queryFilters('乡村振兴 region:"Inner Mongolia"').region).toBe('Inner Mongolia');
    expect(parseQuery('乡村振兴 region:"Inner Mongolia"').filters.region).toBe('Inner Mongolia');
    expect(withoutQueryFilters('乡村振兴 region:"Inner Mongolia" 旅游')).toBe('乡村振兴 旅游');
    expect(setQueryFilter('乡村振兴 region:"Inner Mongolia"', 'region', '广东省')).toBe('乡村振兴 region:广东省');
    // A quote left open runs to the end, as the server reads it.
    expect(queryFilters('乡村振兴 region:"Inner Mongolia').region).toBe(parseQuery('乡村振兴 region:"Inner Mongolia').filters.region);
  });

  it('reads an address\'s region (sent by a form without script) into the query', () => {
    expect(filters.queryOfAddress('乡村振兴', '西藏自治区')).toBe('乡村振兴 region:西藏自治区');
    expect(filters.queryOfAddress('乡村振兴 region:广东', '西藏自治区')).toBe('乡村振兴 region:西藏自治区');
    expect(filters.queryOfAddress('乡村振兴', 'Inner Mongolia')).toBe('乡村振兴 region:InnerMongolia');
    expect(filters.queryOfAddress('乡村振兴', ' ')).toBe('乡村振兴');
  });
});

const unit = fc.oneof(
  fc.constantFrom('乡村振兴', 'tourism', '"高质量 发展"', '-煤炭', 'OR', '|', 'year:abc', 'kind:chair', 'doc:', 'x:1'),
  // Character references, read by the server before anything else (src/search/character-references.ts).
  fc.constantFrom('&quot;year:2024 发展&quot;', 'year&#58;2024', 'kind&#x3a;table', 'R&amp;D', 'doc:a&#45;b', 'year:2024&nbsp;x', '&#45;year:2021', 'OR&amp;'),
  // A region of several words, quoted; quotes left open or empty.
  // (A quote left open runs to the end of the query, as a phrase's does: a filter written after it is in it.)
  fc.constantFrom('region:"Inner Mongolia"', 'REGION：“西藏 自治区”', 'region:「广东」省', '-region:"Inner Mongolia"', 'region:""', 'region:" 西藏 "x'),
  fc.constantFrom('year', 'YEAR', 'kind', 'doc', '-year', 'region', '-region').chain((key) =>
    fc.tuple(fc.constantFrom(':', '：'), fc.constantFrom('2024', '２０２３', '1999', '2013-2022', '2022～2013', '２０１３..２０２２', '1800-1900', 'table', 'Heading', 'xizang-2024', '广东省', 'Tibet', '')).map(
      ([colon, value]) => `${key}${colon}${value}`,
    ),
  ),
);
const query = fc
  .tuple(fc.array(unit, { minLength: 1, maxLength: 7 }), fc.constantFrom(' ', '  ', '\u3000'))
  .map(([units, gap]) => units.join(gap));

describe('filters typed in the query, on random queries, against the server parser', () => {
  it('reads the same filters as the parser', () => {
    fc.assert(
      fc.property(query, (q) => {
        expect(queryFilters(q)).toEqual(parsed(q));
      }),
    );
  });

  it('sets one filter and changes nothing else the parser sees', () => {
    const key = fc.constantFrom<'doc' | 'year' | 'kind' | 'region'>('doc', 'year', 'kind', 'region');
    const value = fc.constantFrom('', '2021', '2013-2022', 'table', 'xizang-2020', '呼伦贝尔市海拉尔区');
    fc.assert(
      fc.property(query, key, value, (q, k, v) => {
        fc.pre(v === '' || (k === 'year' ? /^\d{4}(-\d{4})?$/.test(v) : k === 'kind' ? v === 'table' : !/^\d/.test(v)));
        const after = setQueryFilter(q, k, v);
        const before = parseQuery(q);
        expect(parsed(after)).toEqual({ ...parsed(q), [k]: v });
        expect(parseQuery(after).exclude).toEqual(before.exclude);
        expect(parseQuery(after).groups.flat()).toEqual(before.groups.flat());
      }),
    );
  });

  it('takes every filter out and keeps every word', () => {
    fc.assert(
      fc.property(query, (q) => {
        const after = withoutQueryFilters(q);
        expect(parsed(after)).toEqual({ doc: '', year: '', kind: '', region: '' });
        expect(parseQuery(after).groups.flat()).toEqual(parseQuery(q).groups.flat());
        expect(parseQuery(after).exclude).toEqual(parseQuery(q).exclude);
      }),
    );
  });
});
