import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery, type QueryUnit } from '../../src/search/query-parser.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const term = (text: string): QueryUnit => ({ kind: 'term', text });
const phrase = (text: string): QueryUnit => ({ kind: 'phrase', text });

describe('a quoted region', () => {
  it('reads a region of several words in quotes as one value, and the text after its closing quote as a word', () => {
    expect(parseQuery('乡村振兴 region:"Inner Mongolia"')).toMatchObject({ groups: [[{ kind: 'term', text: '乡村振兴' }]], filters: { region: 'Inner Mongolia' } });
    expect(parseQuery('REGION：“西藏 自治区” 旅游').filters.region).toBe('西藏 自治区');
    expect(parseQuery('region:「广东」省').groups).toEqual([[{ kind: 'term', text: '省' }]]);
    expect(parseQuery('乡村振兴 region:""').filters.region).toBeUndefined();
    expect(parseQuery('乡村振兴 -region:"Inner Mongolia"').filters.region).toBeUndefined();
  });
});

describe('parseQuery: words and phrases', () => {
  it('requires every whitespace-separated word, ASCII or full-width space alike', () => {
    const q = parseQuery('清洁能源\u3000光伏  clean');
    expect(q.groups).toEqual([[term('清洁能源')], [term('光伏')], [term('clean')]]);
    expect(q.exclude).toEqual([]);
    expect(q.filters).toEqual({});
    expect(q.raw).toBe('清洁能源\u3000光伏  clean');
  });

  it('reads every quote style as an exact phrase, keeping the inner spaces', () => {
    for (const [open, close] of [['"', '"'], ['“', '”'], ['「', '」'], ['『', '』'], ['＂', '＂']]) {
      expect(parseQuery(`${open}clean  energy${close} 西藏`).groups).toEqual([[phrase('clean  energy')], [term('西藏')]]);
    }
  });

  it('keeps the original characters of a term (normalization is the analyzer’s job)', () => {
    expect(parseQuery('ＡＢＣ 發展 Ⅻ').groups).toEqual([[term('ＡＢＣ')], [term('發展')], [term('Ⅻ')]]);
  });

  it('keeps quotes inside a pasted sentence as part of the term', () => {
    expect(parseQuery('西藏“十四五”规划').groups).toEqual([[term('西藏“十四五”规划')]]);
  });

  it('ends a phrase at its closing quote even when a word follows without a space', () => {
    expect(parseQuery('“十四五”时期').groups).toEqual([[phrase('十四五')], [term('时期')]]);
  });

  it('runs an unbalanced phrase to the end of the query', () => {
    expect(parseQuery('西藏 "clean energy').groups).toEqual([[term('西藏')], [phrase('clean energy')]]);
    expect(parseQuery('「高质量 发展').groups).toEqual([[phrase('高质量 发展')]]);
  });

  it('nests corner and curly quotes and ends a straight-quoted phrase at the next straight quote', () => {
    expect(parseQuery('「他说「好」」 x').groups).toEqual([[phrase('他说「好」')], [term('x')]]);
    expect(parseQuery('“a “b” c”').groups).toEqual([[phrase('a “b” c')]]);
    expect(parseQuery('"a "b" c"').groups).toEqual([[phrase('a')], [term('b"')], [term('c"')]]);
  });
});

describe('parseQuery: exclusions and OR', () => {
  it('excludes -word and -"phrase", full-width minus too', () => {
    const q = parseQuery('能源 -煤炭 -"fossil fuel" －石油');
    expect(q.groups).toEqual([[term('能源')]]);
    expect(q.exclude).toEqual([term('煤炭'), phrase('fossil fuel'), term('石油')]);
  });

  it('answers a query that is only a negation with no groups', () => {
    const q = parseQuery('-煤炭');
    expect(q.groups).toEqual([]);
    expect(q.exclude).toEqual([term('煤炭')]);
  });

  it('binds OR tighter than the implicit AND', () => {
    expect(parseQuery('a b OR c d').groups).toEqual([[term('a')], [term('b'), term('c')], [term('d')]]);
    expect(parseQuery('a OR b OR c').groups).toEqual([[term('a'), term('b'), term('c')]]);
  });

  it('treats | and ｜ as OR, with or without spaces around them', () => {
    expect(parseQuery('光伏|风电 ｜ "clean energy"').groups).toEqual([[term('光伏'), term('风电'), phrase('clean energy')]]);
  });

  it('reads a full-width ＯＲ as OR, as it reads full-width －, ｜ and ＮＥＡＲ／５ (a Chinese input method in full-width mode types them)', () => {
    expect(parseQuery('旅游 ＯＲ 文化').groups).toEqual(parseQuery('旅游 OR 文化').groups);
    expect(parseQuery('ｏｒ').groups).toEqual([[term('ｏｒ')]]);
  });

  it('reads a lower-case or as a plain word', () => {
    expect(parseQuery('a or b').groups).toEqual([[term('a')], [term('or')], [term('b')]]);
  });

  it('drops stray operators: OR at the ends, a lone minus, empty quotes, doubled OR', () => {
    expect(parseQuery('OR a OR').groups).toEqual([[term('a')]]);
    expect(parseQuery('a - b').groups).toEqual([[term('a')], [term('b')]]);
    expect(parseQuery('a "" “” b').groups).toEqual([[term('a')], [term('b')]]);
    expect(parseQuery('a OR OR b | | c').groups).toEqual([[term('a'), term('b'), term('c')]]);
    expect(parseQuery('- -"" OR |')).toEqual({ groups: [], exclude: [], filters: {}, raw: '- -"" OR |' });
  });

  it('reads a run of minus signs as one exclusion', () => {
    expect(parseQuery('--x').exclude).toEqual([term('x')]);
  });

  it('does not let OR reach across an exclusion or a filter', () => {
    expect(parseQuery('a OR -b c').groups).toEqual([[term('a')], [term('c')]]);
    expect(parseQuery('a OR year:2024 c').groups).toEqual([[term('a')], [term('c')]]);
  });
});

describe('parseQuery: filters', () => {
  it('reads a region filter as written, the last one counting', () => {
    expect(parseQuery('乡村振兴 region:广东').filters).toEqual({ region: '广东' });
    expect(parseQuery('region:Tibet 旅游 REGION：西藏').filters).toEqual({ region: '西藏' });
  });

  it('reads a range of years, either way round, and lets the last of a year and a range count', () => {
    expect(parseQuery('乡村振兴 year:2013-2022').filters).toEqual({ years: { from: 2013, to: 2022 } });
    for (const written of ['2022-2013', '2013–2022', '2013..2022', '２０１３至２０２２', '2013 ~ 2022'.replace(/ /g, ''), '2013到2022']) {
      expect(parseQuery(`乡村振兴 year:${written}`).filters.years, written).toEqual({ from: 2013, to: 2022 });
    }
    expect(parseQuery('year:2013-2022 year:2024').filters).toEqual({ year: 2024 });
    expect(parseQuery('year:2024 year:2013-2022').filters).toEqual({ years: { from: 2013, to: 2022 } });
    // A year outside 1900-2100 makes no range: the word is a plain term.
    expect(parseQuery('year:1800-2022').groups).toEqual([[term('year:1800-2022')]]);
  });

  it('reads year, doc and kind filters, with a half- or full-width colon', () => {
    const q = parseQuery('清洁能源 year:2024 doc：xizang-2024-government-work-report kind:table');
    expect(q.filters).toEqual({ year: 2024, doc: 'xizang-2024-government-work-report', kind: 'table' });
    expect(q.groups).toEqual([[term('清洁能源')]]);
  });

  it('accepts full-width digits and upper-case keys and kinds', () => {
    expect(parseQuery('YEAR：２０２０ Kind:HEADING').filters).toEqual({ year: 2020, kind: 'heading' });
  });

  it('reads full-width keys and kinds as it reads a full-width colon and digits', () => {
    expect(parseQuery('乡村 ｙｅａｒ:2024 ＫＩＮＤ：ｔａｂｌｅ').filters).toEqual({ year: 2024, kind: 'table' });
    expect(parseQuery('乡村 ｄｏｃ：xizang-2024-government-work-report').filters).toEqual({ doc: 'xizang-2024-government-work-report' });
  });

  it('reads an unknown key or an invalid value as a plain term', () => {
    const q = parseQuery('foo:bar year:abc year:20245 kind:chair doc:');
    expect(q.filters).toEqual({});
    expect(q.groups).toEqual([[term('foo:bar')], [term('year:abc')], [term('year:20245')], [term('kind:chair')], [term('doc:')]]);
  });

  it('drops a negated filter rather than excluding its text', () => {
    const q = parseQuery('能源 -year:2024');
    expect(q.filters).toEqual({});
    expect(q.exclude).toEqual([]);
    expect(q.groups).toEqual([[term('能源')]]);
  });
});

describe('parseQuery: hostile input', () => {
  it('separates units at control characters, zero-width spaces and lone surrogates, keeping surrogate pairs', () => {
    const q = parseQuery('a\u0001b\u200Bc \uD800 d\uDC00e 𠀀字 😀');
    expect(q.groups).toEqual([[term('a')], [term('b')], [term('c')], [term('d')], [term('e')], [term('𠀀字')], [term('😀')]]);
  });

  it('replaces control characters inside a phrase with a space', () => {
    expect(parseQuery('"clean\u0000energy\tplan"').groups).toEqual([[phrase('clean energy\tplan')]]);
  });

  it('returns an empty query for empty and blank input', () => {
    for (const raw of ['', '   ', '\u3000\n\t']) expect(parseQuery(raw)).toEqual({ groups: [], exclude: [], filters: {}, raw });
  });

  it('parses a 200 000-character adversarial query (a quadratic parser would run into the test timeout)', () => {
    const nasty = '"「“-OR |-- a:b year:'.repeat(10_000);
    const q = parseQuery(nasty);
    expect(q.raw.length).toBe(nasty.length);
    expect(q.groups.length + q.exclude.length).toBeGreaterThan(0);
    const unclosed = parseQuery(`"${'「'.repeat(100_000)}`);
    expect(unclosed.groups).toEqual([[phrase('「'.repeat(100_000))]]);
  });

  it('always returns a well-formed query whose term texts are pieces of the input (random input)', () => {
    const alphabet = fc.constantFrom(
      'a', 'Z', '西', '藏', ' ', '\u3000', '"', '“', '”', '「', '」', '『', '』', '＂', '-', '－', '|', '｜', ':', '：',
      'O', 'R', 'OR', 'year', 'doc', 'kind', '2024', '\u0000', '\u001F', '\uD800', '\uDC00', '😀', '\t', '\n',
    );
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 60 }), (pieces) => {
        const raw = pieces.join('');
        const q = parseQuery(raw);
        expect(q.raw).toBe(raw);
        for (const group of q.groups) expect(group.length).toBeGreaterThan(0);
        for (const unit of [...q.groups.flat(), ...q.exclude]) {
          expect(unit.text.length).toBeGreaterThan(0);
          expect(unit.text).toBe(unit.text.trim());
          if (unit.kind === 'term') {
            expect(raw.includes(unit.text)).toBe(true);
            expect(/[\s\u0000-\u001F\u200B]/.test(unit.text)).toBe(false);
          }
          expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(unit.text)).toBe(false);
        }
        for (const unit of q.groups.flat()) expect(unit.kind === 'term' && unit.text === 'OR').toBe(false);
        if (q.filters.year !== undefined) expect(Number.isInteger(q.filters.year)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('parseQuery: HTML character references typed or pasted into the box', () => {
  it('reads &amp;, &lt;, &gt;, &quot;, &#39; and numeric references as the characters they stand for', () => {
    expect(parseQuery('R&amp;D').groups).toEqual([[term('R&D')]]);
    expect(parseQuery('R&AMP;D &#38; &#x26;').groups).toEqual([[term('R&D')], [term('&')], [term('&')]]);
    expect(parseQuery('&quot;乡村振兴&quot; -&lt;b&gt;').groups).toEqual([[phrase('乡村振兴')]]);
    expect(parseQuery('&quot;乡村振兴&quot; -&lt;b&gt;').exclude).toEqual([term('<b>')]);
    expect(parseQuery('"Xi&#39;s"').groups).toEqual([[phrase("Xi's")]]);
    // The query as typed is kept.
    expect(parseQuery('R&amp;D').raw).toBe('R&amp;D');
  });

  it('leaves an ampersand that starts no reference as written', () => {
    expect(parseQuery('R&D &amp &ampx; &#; &#xZZ; &#1114112; &#55296; &').groups).toEqual(
      [[term('R&D')], [term('&amp')], [term('&ampx;')], [term('&#;')], [term('&#xZZ;')], [term('&#1114112;')], [term('&#55296;')], [term('&')]],
    );
  });
});

describe('parseQuery: direction marks', () => {
  it('leaves the invisible direction marks and overrides out of a unit\'s text, which the answer echoes', () => {
    expect(parseQuery('\u202E乡村振兴').groups).toEqual([[term('乡村振兴')]]);
    expect(parseQuery('\u2067乡村\u2069 rural\u200E').groups).toEqual([[term('乡村')], [term('rural')]]);
    expect(parseQuery('"乡\u202B村振兴\u202C" -\u200F旅游').groups).toEqual([[phrase('乡村振兴')]]);
    expect(parseQuery('"乡\u202B村振兴\u202C" -\u200F旅游').exclude).toEqual([term('旅游')]);
    expect(parseQuery('\u202EOR\u202C 乡村 year:\u200E2024').filters).toEqual({ year: 2024 });
    expect(parseQuery('\u202E \u2066').groups).toEqual([]);
  });
});

describe('parseQuery on the reports’ own lines', () => {
  it('splits the 2020 report’s speaker line at its full-width space', () => {
    const text = readFileSync(path.resolve(repoRoot, 'corpus/xizang-2020-government-work-report.txt'), 'utf8');
    const line = text.split('\n').find((l) => l.startsWith('自治区主席'));
    expect(line).toBeDefined();
    expect(parseQuery(line ?? '').groups).toEqual([[term('自治区主席')], [term('齐扎拉')]]);
  });

  it('turns every line of a seed report into units that are pieces of that line', () => {
    const text = readFileSync(path.resolve(repoRoot, 'corpus/xizang-2024-government-work-report.txt'), 'utf8');
    const lines = text.split('\n').filter((l) => l.trim().length > 0);
    expect(lines.length).toBeGreaterThan(100);
    for (const line of lines) {
      const q = parseQuery(line);
      expect(q.groups.length + q.exclude.length).toBeGreaterThan(0);
      for (const unit of [...q.groups.flat(), ...q.exclude]) expect(line.includes(unit.text)).toBe(true);
    }
  });
});
