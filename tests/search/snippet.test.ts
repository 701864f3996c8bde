import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isClauseBoundary, nearestClauseBoundary, safeCut, splitsSurrogatePair } from '../../src/search/sentence-bounds.js';
import { makeSnippet, mergeRanges } from '../../src/search/snippet.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const report2020 = readFileSync(path.resolve(repoRoot, 'corpus/xizang-2020-government-work-report.txt'), 'utf8');
const planReport = readFileSync(path.resolve(repoRoot, 'corpus/xizang-2023-plan-report.txt'), 'utf8');
/** The 2020 report and the 2023 plan report are (mostly) one paragraph a line: long lines are real passages. */
const paragraphs = [...report2020.split('\n'), ...planReport.split('\n')].filter((l) => l.length > 300);

/** The first real paragraph longer than `n` characters. */
function paragraphLongerThan(n: number): string {
  const found = paragraphs.find((p) => p.length > n);
  if (found === undefined) throw new Error(`no paragraph longer than ${n} characters`);
  return found;
}

/** Every `[start, end)` occurrence of `word` in `text`. */
function occurrences(text: string, word: string): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) found.push([at, at + word.length]);
  return found;
}

/** Where the snippet's body starts in `text`: the unique position consistent with its ellipses. */
function bodyOf(snippet: string): { body: string; cutStart: boolean; cutEnd: boolean } {
  const cutStart = snippet.startsWith('…');
  const cutEnd = snippet.endsWith('…') && snippet.length > (cutStart ? 1 : 0);
  return { body: snippet.slice(cutStart ? 1 : 0, cutEnd ? -1 : undefined), cutStart, cutEnd };
}

describe('mergeRanges', () => {
  it('sorts ranges and merges overlapping and touching ones', () => {
    expect(mergeRanges([[5, 8], [0, 2], [2, 3], [7, 9]])).toEqual([[0, 3], [5, 9]]);
  });

  it('drops empty, reversed and non-finite ranges', () => {
    expect(mergeRanges([[3, 3], [5, 4], [Number.NaN, 2], [1, Number.POSITIVE_INFINITY], [0, 1]])).toEqual([[0, 1]]);
  });

  it('does not change its input', () => {
    const input: Array<[number, number]> = [[4, 6], [1, 5]];
    mergeRanges(input);
    expect(input).toEqual([[4, 6], [1, 5]]);
  });

  it('gives ranges already sorted and apart back as they are, in new arrays', () => {
    const input: Array<[number, number]> = [[0, 2], [3, 5], [9, 10]];
    const merged = mergeRanges(input);
    expect(merged).toEqual(input);
    expect(merged).not.toBe(input);
    expect(merged[0]).not.toBe(input[0]);
  });

  it('merges any ranges as sorting them and joining each that overlaps or touches the last one kept does', () => {
    // Brute force over whole numbers: the maximal runs of the unit cells some valid range covers (touching
    // ranges cover adjacent cells, so they join).
    const reference = (ranges: Array<[number, number]>): Array<[number, number]> => {
      const covered = new Set<number>();
      for (const [s, e] of ranges) if (Number.isFinite(s) && Number.isFinite(e)) for (let x = s; x < e; x++) covered.add(x);
      const cells = [...covered].sort((a, b) => a - b);
      return cells.reduce<Array<[number, number]>>((runs, x) => {
        const run = runs.at(-1);
        if (run?.[1] === x) run[1] = x + 1;
        else runs.push([x, x + 1]);
        return runs;
      }, []);
    };
    const bound = fc.oneof(fc.integer({ min: -3, max: 40 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY));
    // Ascending starts with small gaps (often already merged, sometimes touching), or anything at all.
    const ascending = fc.array(fc.tuple(fc.nat(3), fc.nat(4)), { maxLength: 12 }).map((steps) => {
      let at = 0;
      return steps.map(([gap, length]): [number, number] => {
        const range: [number, number] = [at + gap, at + gap + length];
        at = range[1];
        return range;
      });
    });
    fc.assert(
      fc.property(fc.oneof(ascending, fc.array(fc.tuple(bound, bound), { maxLength: 12 })), (ranges) => {
        expect(mergeRanges(ranges)).toEqual(reference(ranges));
      }),
      { numRuns: 500, seed: 17 },
    );
  });
});

describe('sentence bounds', () => {
  it('finds clause boundaries after CJK marks and line breaks but not inside numbers', () => {
    expect(isClauseBoundary('一是稳增长，二是保民生。', 6)).toBe(true);
    expect(isClauseBoundary('一是稳增长，二是保民生。', 5)).toBe(false);
    expect(isClauseBoundary('growth of 12.3 percent', 13)).toBe(false);
    expect(isClauseBoundary('It grew. Then', 8)).toBe(true);
    expect(nearestClauseBoundary('一是稳增长，二是保民生。', 4, 0, 8)).toBe(6);
  });

  it('reads marks, spaces and word characters as their characters say, at every position of random text', () => {
    // The definitions by character, written out as the reference the code-unit tests must agree with.
    const cjkMarks = new Set(['。', '！', '？', '；', '，', '、', '．', '：']);
    const latinMarks = new Set(['.', '!', '?', ';', ',']);
    const spaces = new Set([' ', '\t', '\n', '\r', '\u3000', '\u00A0']);
    const boundary = (text: string, pos: number): boolean => {
      if (pos <= 0 || pos >= text.length) return true;
      const before = text[pos - 1] ?? '';
      return before === '\n' || before === '\r' || cjkMarks.has(before) || (latinMarks.has(before) && spaces.has(text[pos] ?? ''));
    };
    const wordChar = (ch: string | undefined): boolean => ch !== undefined && /^[0-9A-Za-z\u00c0-\u024f]$/u.test(ch);
    const cut = (text: string, pos: number, direction: -1 | 1, reach: number): number => {
      const start = Math.min(Math.max(pos, 0), text.length);
      let p = start;
      for (let n = 0; n < reach && p > 0 && p < text.length && wordChar(text[p - 1]) && wordChar(text[p]); n++) p += direction;
      if (p > 0 && p < text.length && wordChar(text[p - 1]) && wordChar(text[p])) p = start;
      if (splitsSurrogatePair(text, p)) p += direction;
      return Math.min(Math.max(p, 0), text.length);
    };
    const alphabet = fc.constantFrom(...'。！？；，、．：.!?;, \t\n\r\u3000\u00A0aZ9éſ字ー1.3', '😀', '\ud800', '\u024f', '\u0250', '／');
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 30 }), fc.integer({ min: -2, max: 40 }), fc.constantFrom(-1 as const, 1 as const), fc.nat(8), (chars, pos, direction, reach) => {
        const text = chars.join('');
        expect(isClauseBoundary(text, pos)).toBe(boundary(text, pos));
        expect(safeCut(text, pos, direction, reach)).toBe(cut(text, pos, direction, reach));
      }),
      { numRuns: 3000, seed: 41 },
    );
  });

  it('moves a cut out of a Latin word and off a surrogate pair', () => {
    expect(safeCut('the energy plan', 6, 1, 10)).toBe(10);
    expect(safeCut('the energy plan', 6, -1, 10)).toBe(4);
    expect(splitsSurrogatePair('a😀b', 2)).toBe(true);
    expect(safeCut('字😀字', 2, 1, 5)).toBe(3);
  });
});

describe('makeSnippet on real passages', () => {
  it('shows a short passage whole, with its highlights unchanged', () => {
    const line = report2020.split('\n').find((l) => l.startsWith('各位代表')) ?? '';
    expect(line.length).toBeGreaterThan(0);
    const { snippet, highlights } = makeSnippet(line, [[0, 2]]);
    expect(snippet).toBe(line);
    expect(highlights).toEqual([[0, 2]]);
  });

  it('starts at the beginning of the text when there is nothing to highlight, cut at a clause boundary', () => {
    const text = paragraphs[0];
    const { snippet, highlights } = makeSnippet(text, []);
    const { body, cutStart, cutEnd } = bodyOf(snippet);
    expect(cutStart).toBe(false);
    expect(cutEnd).toBe(true);
    expect(text.startsWith(body)).toBe(true);
    expect(isClauseBoundary(text, body.length)).toBe(true);
    expect(highlights).toEqual([]);
  });

  it('highlights exactly the matched words of the original text, cut at clause boundaries near 120 characters', () => {
    let checked = 0;
    for (const text of paragraphs) {
      for (const word of ['西藏', '发展', '全区', '建设']) {
        const ranges = occurrences(text, word);
        if (ranges.length === 0) continue;
        const { snippet, highlights } = makeSnippet(text, ranges);
        const { body, cutStart, cutEnd } = bodyOf(snippet);
        const from = text.indexOf(body);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(cutStart).toBe(from > 0);
        expect(cutEnd).toBe(from + body.length < text.length);
        expect(body.length).toBeLessThanOrEqual(120 + 2 * 24);
        expect(body.length).toBeGreaterThanOrEqual(60);
        expect(highlights.length).toBeGreaterThan(0);
        for (const [s, e] of highlights) expect(snippet.slice(s, e)).toBe(word);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('cuts at a sentence or clause mark whenever one lies within reach of the target length', () => {
    const text = paragraphLongerThan(600);
    const ranges = occurrences(text, '发展').slice(-1);
    expect(ranges.length).toBe(1);
    const { snippet } = makeSnippet(text, ranges);
    const { body } = bodyOf(snippet);
    const from = text.indexOf(body);
    expect(isClauseBoundary(text, from)).toBe(true);
    expect(isClauseBoundary(text, from + body.length)).toBe(true);
    expect(body).toContain('发展');
  });

  it('picks the window with the most matches, not the first match', () => {
    const text = paragraphLongerThan(500);
    const lone: [number, number] = [5, 7];
    const cluster: Array<[number, number]> = [[400, 402], [420, 423], [440, 441]];
    const { snippet, highlights } = makeSnippet(text, [lone, ...cluster]);
    expect(highlights.length).toBe(3);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(cluster.map(([s, e]) => text.slice(s, e)));
  });

  it('breaks a tie between equally dense windows in favour of the earliest', () => {
    const text = paragraphLongerThan(500);
    const { snippet, highlights } = makeSnippet(text, [[450, 452], [200, 202]]);
    expect(highlights.length).toBe(1);
    expect(snippet.slice(highlights[0][0], highlights[0][1])).toBe(text.slice(200, 202));
    expect(snippet).toContain(text.slice(180, 210));
  });

  it('clips a match longer than the snippet to the snippet', () => {
    const text = paragraphLongerThan(500);
    const { snippet, highlights } = makeSnippet(text, [[100, 400]], { size: 50 });
    expect(highlights.length).toBe(1);
    const [s, e] = highlights[0];
    const { body, cutStart, cutEnd } = bodyOf(snippet);
    expect(cutEnd).toBe(true);
    expect(e).toBe((cutStart ? 1 : 0) + body.length);
    expect(snippet.slice(s, e)).toBe(text.slice(100, 100 + e - s));
    expect(e - s).toBeGreaterThanOrEqual(50);
  });

  it('honours a smaller size', () => {
    const text = paragraphs[0];
    const { snippet } = makeSnippet(text, occurrences(text, '西藏').slice(0, 1), { size: 30 });
    expect(bodyOf(snippet).body.length).toBeLessThanOrEqual(30 + 2 * 6);
  });
});

describe('makeSnippet on random text (brute-force check)', () => {
  const unit = fc.constantFrom(
    '西', '藏', '发', '展', 'a', 'b', 'Z', '1', '.', ',', ' ', '。', '，', '、', '；', '！', '\n', '\t', '😀', '𠀀',
  );

  it('maps every highlight back to the same characters of a matched range, and misses none in the window', () => {
    fc.assert(
      fc.property(
        fc.array(unit, { minLength: 0, maxLength: 200 }).map((xs) => xs.join('')),
        fc.array(fc.tuple(fc.integer({ min: -5, max: 420 }), fc.integer({ min: 0, max: 40 })), { maxLength: 12 }),
        fc.integer({ min: 5, max: 150 }),
        (text, raw, size) => {
          const ranges = raw.map(([s, n]): [number, number] => [s, s + n]);
          const { snippet, highlights } = makeSnippet(text, ranges, { size });
          // Brute force: which code units of the text are matched (ranges widened to whole characters).
          const matched = new Array<boolean>(text.length).fill(false);
          for (const [s, e] of ranges) {
            let a = Math.max(0, s);
            let b = Math.min(text.length, e);
            if (a >= b) continue;
            if (splitsSurrogatePair(text, a)) a--;
            if (splitsSurrogatePair(text, b)) b++;
            for (let i = a; i < b; i++) matched[i] = true;
          }
          const { body, cutStart, cutEnd } = bodyOf(snippet);
          const shift = cutStart ? 1 : 0;
          // Find the offset of the body that is consistent with the ellipses and the highlights.
          const candidates: number[] = [];
          for (let o = 0; o + body.length <= text.length; o++) {
            if (!text.startsWith(body, o)) continue;
            if ((o > 0) !== cutStart || (o + body.length < text.length) !== cutEnd) continue;
            const mask = new Array<boolean>(body.length).fill(false);
            for (const [s, e] of highlights) for (let i = s - shift; i < e - shift; i++) mask[i] = true;
            if (mask.every((m, i) => m === matched[o + i])) candidates.push(o);
          }
          expect(candidates.length).toBeGreaterThan(0);
          const from = candidates[0];
          expect(splitsSurrogatePair(text, from)).toBe(false);
          expect(splitsSurrogatePair(text, from + body.length)).toBe(false);
          for (let i = 0; i < highlights.length; i++) {
            const [s, e] = highlights[i];
            expect(s).toBeGreaterThanOrEqual(shift);
            expect(e).toBeLessThanOrEqual(shift + body.length);
            expect(s).toBeLessThan(e);
            if (i > 0) expect(s).toBeGreaterThan(highlights[i - 1][1]);
            expect(snippet.slice(s, e)).toBe(text.slice(from + s - shift, from + e - shift));
          }
          if (text.length <= size) expect(snippet).toBe(text);
          if (matched.some((m) => m)) expect(highlights.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('makeSnippet with the query’s concepts (brute-force check)', () => {
  /** Concept bits of a match: one bit per letter a–e it holds. */
  const lettersOf = (text: string) => (s: number, e: number): number => {
    let bits = 0;
    for (const ch of text.slice(s, e)) if (ch >= 'a' && ch <= 'e') bits |= 1 << (ch.charCodeAt(0) - 97);
    return bits;
  };
  const bitCount = (bits: number): number => [...bits.toString(2)].filter((b) => b === '1').length;

  it('shows a window holding as many concepts as the best run of matches that fits the size', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', '西', '藏', '，', ' '), { minLength: 1, maxLength: 400 }).map((xs) => xs.join('')),
        fc.integer({ min: 5, max: 150 }),
        (text, size) => {
          // Every letter is a match of one character: merged ranges are runs of letters.
          const ranges = [...text].flatMap((ch, i): Array<[number, number]> => (ch >= 'a' && ch <= 'e' ? [[i, i + 1]] : []));
          const conceptsOf = lettersOf(text);
          const { snippet, highlights } = makeSnippet(text, ranges, { size, conceptsOf });
          // Brute force over the merged runs: the most concepts any run of them fitting in `size` holds.
          const runs = mergeRanges(ranges);
          let best = 0;
          for (let i = 0; i < runs.length; i++) {
            let bits = 0;
            for (let j = i; j < runs.length && (j === i || runs[j][1] <= runs[i][0] + size); j++) {
              bits |= conceptsOf(runs[j][0], runs[j][1]);
              best = Math.max(best, bitCount(bits));
            }
          }
          let shown = 0;
          for (const [s, e] of highlights) shown |= lettersOf(snippet)(s, e);
          // A run longer than the size is clipped to it: its concepts are those of what is shown.
          if (runs.every(([s, e]) => e - s <= size)) expect(bitCount(shown)).toBeGreaterThanOrEqual(best);
          if (text.length <= size) expect(snippet).toBe(text);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('prefers the window where the concepts meet to a denser run of one concept', () => {
    const text = paragraphLongerThan(500);
    // Three matches of one concept early; one match each of two concepts together later.
    const ranges: Array<[number, number]> = [[10, 12], [20, 22], [30, 32], [400, 402], [410, 412]];
    const concept = (s: number): number => (s < 400 ? 1 : s === 400 ? 1 : 2);
    const { snippet, highlights } = makeSnippet(text, ranges, { conceptsOf: (s) => concept(s) });
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual([text.slice(400, 402), text.slice(410, 412)]);
    // Without the concepts, the densest run.
    expect(makeSnippet(text, ranges).highlights.length).toBe(3);
  });
});
