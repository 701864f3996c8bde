/**
 * public/js/query-edit.js: finding each English concept in the query box text and taking one out. Checked on
 * hand-picked queries, then on random queries built from the glossary's words, against where the words were
 * put (brute force) and against the server's own query parser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../src/search/query-parser.js';
import { phraseOf } from '../../src/search/research.js';
import { REPO_ROOT } from '../server/test-engine.js';

type Span = [number, number];
interface QueryEdit {
  isOnePhrase(q: string): boolean;
  searchedInTranslation(q: string): boolean;
  anyOfTheWords(q: string): string | null;
  conceptSpans(text: string, concepts: Array<{ en: string }>): Array<Span | null>;
  removeSpan(text: string, span: Span): string;
}

function isQueryEdit(value: unknown): value is QueryEdit {
  const m = value as Partial<Record<keyof QueryEdit, unknown>> | null;
  return typeof m?.conceptSpans === 'function' && typeof m.removeSpan === 'function' && typeof m.isOnePhrase === 'function' && typeof m.searchedInTranslation === 'function' && typeof m.anyOfTheWords === 'function';
}

// The page's module is plain JavaScript with no type declarations: loaded by URL and checked for its shape.
const loaded: unknown = await import(new URL('../../public/js/query-edit.js', import.meta.url).href);
if (!isQueryEdit(loaded)) throw new Error('public/js/query-edit.js must export conceptSpans and removeSpan');
const { conceptSpans, removeSpan, isOnePhrase, searchedInTranslation, anyOfTheWords } = loaded;

/** Removes the concept `en` from `q` (its first place), or returns null when it is not found. */
function without(q: string, en: string): string | null {
  const [span] = conceptSpans(q, [{ en }]);
  return span ? removeSpan(q, span) : null;
}

describe('conceptSpans and removeSpan on hand-picked queries', () => {
  const cases: Array<[string, string, string | null]> = [
    ['tax cuts tourism', 'tax cuts', 'tourism'],
    ['tax cuts tourism', 'tourism', 'tax cuts'],
    ['solar OR wind power', 'wind', 'solar power'],
    ['a OR b OR c', 'b', 'a OR c'],
    ['a OR b OR c', 'a', 'b OR c'],
    ['tax | cuts', 'cuts', 'tax'],
    ['tourism, qwertyzz', 'tourism', 'qwertyzz'],
    ['"tax" tax -tax cuts', 'tax', '"tax" -tax cuts'],
    ['5G基站 more', '5G', '基站 more'],
    ['ＴＡＸ　cuts', 'tax', 'cuts'],
    ['西藏 Kashin-Beck disease 防治', 'Kashin-Beck disease', '西藏 防治'],
    ['how to help herdsmen', 'how to', 'help herdsmen'],
    ['Tourism year:2024', 'tourism', 'year:2024'],
    ['"tourism" -tourism', 'tourism', null],
    ['tourism', 'tourism', ''],
    ['solar ＯＲ wind power', 'wind', 'solar power'],
    ['tourism ｙｅａｒ：2024', 'year', null],
    // Character references are read as the server reads them: R&amp;D is the word R&D, &quot;…&quot; a phrase.
    ['R&amp;D tourism', 'R&D', 'tourism'],
    ['R&amp;D tourism', 'tourism', 'R&amp;D'],
    ['&quot;tourism&quot; tourism', 'tourism', '&quot;tourism&quot;'],
    ['&quot;tourism jobs&quot; jobs', 'jobs', '&quot;tourism jobs&quot;'],
    ['tourism year&#58;2024', 'year', null],
    ['&#45;tourism', 'tourism', null],
  ];
  for (const [q, en, expected] of cases) {
    it(`removes ${JSON.stringify(en)} from ${JSON.stringify(q)}`, () => {
      expect(without(q, en)).toBe(expected);
    });
  }

  it('matches repeated words in query order', () => {
    expect(conceptSpans('tax policy tax', [{ en: 'tax' }, { en: 'policy' }, { en: 'tax' }])).toEqual([[0, 3], [4, 10], [11, 14]]);
    expect(removeSpan('tax policy tax', [11, 14])).toBe('tax policy');
  });
});

/** Single English words of the glossary's official renderings: real query words. */
const WORDS = [
  ...new Set(
    readFileSync(path.join(REPO_ROOT, 'data/glossary.tsv'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .flatMap((line) => (line.split('\t')[1] ?? '').split(/\s+/))
      .filter((w) => /^[a-z]{3,}$/.test(w) && w !== 'year' && w !== 'doc' && w !== 'kind'),
  ),
];
const HAN = ['西藏', '旅游', '牧民', '清洁能源'];

/** One piece of a generated query, and whether it is a positive unquoted English word. */
type Piece = { text: string; word: string | null };
const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...WORDS).map((w): Piece => ({ text: w, word: w })) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w): Piece => ({ text: `${w},`, word: w })) },
  { weight: 1, arbitrary: fc.constantFrom(...WORDS).map((w): Piece => ({ text: `-${w}`, word: null })) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.constantFrom(...WORDS)).map(([a, b]): Piece => ({ text: `"${a} ${b}"`, word: null })) },
  { weight: 1, arbitrary: fc.constantFrom(...HAN).map((h): Piece => ({ text: h, word: null })) },
  { weight: 1, arbitrary: fc.constant<Piece>({ text: 'OR', word: null }) },
);
const generated = fc
  .tuple(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.array(fc.constantFrom(' ', '  ', '\u3000'), { minLength: 8, maxLength: 8 }))
  .map(([pieces, gaps]) => {
    let text = '';
    const starts: number[] = [];
    pieces.forEach((p, i) => {
      if (i > 0) text += gaps[i - 1];
      starts.push(text.length);
      text += p.text;
    });
    return { pieces, starts, text };
  });

describe('conceptSpans and removeSpan on random queries of glossary words', () => {
  it('finds the first place where a word stands as a positive, unquoted unit', () => {
    fc.assert(
      fc.property(generated, fc.constantFrom(...WORDS), ({ pieces, starts, text }, extra) => {
        const words = pieces.map((p) => p.word).filter((w): w is string => w !== null);
        const wanted = words.length > 0 ? words[words.length - 1]! : extra;
        const at = pieces.findIndex((p) => p.word === wanted);
        const expected = at < 0 ? null : [starts[at]!, starts[at]! + wanted.length];
        expect(conceptSpans(text, [{ en: wanted }])[0]).toEqual(expected);
      }),
    );
  });

  it('takes out exactly the chosen word: the parser sees every other unit, exclusion and phrase as before', () => {
    fc.assert(
      fc.property(generated, fc.nat(), ({ pieces, text }, pick) => {
        const candidates = pieces.map((p, i) => (p.word ? i : -1)).filter((i) => i >= 0);
        fc.pre(candidates.length > 0);
        const chosen = candidates[pick % candidates.length]!;
        const order = candidates.indexOf(chosen);
        const concepts = candidates.map((i) => ({ en: pieces[i]!.word! }));
        const span = conceptSpans(text, concepts)[order];
        expect(span).not.toBeNull();
        const result = removeSpan(text, span!);

        const before = parseQuery(text);
        const after = parseQuery(result);
        expect(after.exclude).toEqual(before.exclude);
        // The chosen word's unit leaves its group (an emptied group goes); every other group stays as it was.
        const ordinal = pieces.slice(0, chosen).filter((p) => p.text !== 'OR' && !p.text.startsWith('-')).length;
        let seen = 0;
        const expected = before.groups
          .map((group) => group.filter(() => seen++ !== ordinal))
          .filter((group) => group.length > 0);
        expect(after.groups).toEqual(expected);
        expect(result).toBe(result.trim());
        const dangling = (q: string): boolean => /^(OR|\|)(\s|$)|(^|\s)(OR|\|)$/.test(q);
        expect(dangling(result) && !dangling(text)).toBe(false);
      }),
    );
  });
});

/** True when the server's concordance and trend take the query (an empty one aside). */
function serverTakes(q: string): boolean {
  try {
    phraseOf(q);
    return true;
  } catch (error) {
    return (error as { code?: string }).code !== 'RESEARCH_QUERY_INVALID';
  }
}

describe('searchedInTranslation: the queries the server searches through their Chinese', () => {
  it('is true for an unquoted English word, and false for quoted English, Chinese, filters, operators and codes', () => {
    for (const q of ['rural revitalization', 'tourism year:2024', '旅游 tax', '(Tibet)', 'Belt-and-Road', 'ｔｏｕｒｉｓｍ']) {
      expect(searchedInTranslation(q), q).toBe(true);
    }
    for (const q of ['"rural revitalization"', '“tourism”', '乡村振兴', '旅游 year:2024 kind:table', '旅游 /s 生态', '边境 NEAR/10 小康', '5G', '2025', '旅游 OR 文化']) {
      expect(searchedInTranslation(q), q).toBe(false);
    }
  });
});

describe('isOnePhrase: the queries a concordance or trend takes', () => {
  it('refuses OR, exclusions and proximity operators, as the server does', () => {
    for (const q of ['旅游 /s 生态', '"高质量发展" /p 改革', '边境 NEAR/10 小康', '边境 ｎｅａｒ/10 小康', '旅游 OR 文化', '教育 -学前教育']) {
      expect(isOnePhrase(q), q).toBe(false);
    }
    for (const q of ['乡村振兴', '"乡村振兴" year:2024', '/s 旅游', '旅游 /s', '旅游 /s year:2024', 'NEAR/x 旅游 生态', 'OR 旅游', '旅游 OR year:2024']) {
      expect(isOnePhrase(q), q).toBe(true);
    }
  });

  it('agrees with the server on random queries', () => {
    const unit = fc.constantFrom('旅游', '"高质量 发展"', '-煤炭', 'OR', '-OR', '|', '/s', '/P', 'NEAR/5', 'near/', 'year:2024', '-year:2021', '-/s', 'R&amp;D', '&#45;煤炭');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 6 }), (units) => {
        const q = units.join(' ');
        expect(isOnePhrase(q)).toBe(serverTakes(q));
      }),
      { numRuns: 500 },
    );
  });
});

describe('anyOfTheWords: the looser search proposed when nothing matched', () => {
  it('joins the words with OR and keeps exclusions and filters, for the parser too', () => {
    for (const q of ['量子引力波 乡村振兴', '"高质量 发展" 旅游 -煤炭 year:2024', 'R&amp;D tourism']) {
      const any = anyOfTheWords(q);
      expect(any, q).not.toBeNull();
      const before = parseQuery(q);
      const after = parseQuery(any!);
      expect(after.groups, q).toEqual([before.groups.flat()]);
      expect(after.exclude, q).toEqual(before.exclude);
      expect(after.filters, q).toEqual(before.filters);
    }
    expect(anyOfTheWords('量子引力波 乡村振兴 -旅游')).toBe('量子引力波 OR 乡村振兴 -旅游');
  });

  it('proposes nothing for one word, an OR already, or a proximity operator', () => {
    for (const q of ['乡村振兴', '乡村振兴 year:2024', '旅游 OR 文化', '旅游 /s 生态', '边境 NEAR/10 小康']) expect(anyOfTheWords(q), q).toBeNull();
  });
});
