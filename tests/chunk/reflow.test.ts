/**
 * Repair of text extracted from a PDF, against its oracle: real paragraphs wrapped at any width with page
 * footers anywhere must come back exactly as they were, and the footers as furniture with their pages.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { Converter } from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { chunkDocument } from '../../src/chunk/chunk.js';
import { splitLines } from '../../src/chunk/lines.js';
import { joinLines } from '../../src/chunk/text.js';
import { paginate } from '../../src/ingest/pages.js';
import { readTxt } from '../../src/ingest/txt.js';
import { testContext } from '../ingest/helpers.js';
import type { Passage } from '../../src/model.js';
import { seedDoc, squash } from './seeds.js';
import { cleanParagraphs, nationalParagraphs, wrapReport, type WrapLayout, type WrapMeasure } from './wrap-fixture.js';
import { describeWithShared } from '../shared-data.js';

describeWithShared('corpora/national-zh', 'reflow of national reports', () => {
  const POOL = cleanParagraphs();
  /** No split of long paragraphs: these tests are about the wrap, not passage length. */
  const WHOLE = { split: { max: Number.MAX_SAFE_INTEGER, min: 0 } };
  const FOOTERS: ReadonlyArray<(n: number) => string> = [(n) => `— ${n} —`, (n) => `- ${n} -`, (n) => `第${n}页`, (n) => `${n}/300`, (n) => `${n}`];

  function chunkText(text: string): Passage[] {
    return chunkDocument({ ...seedDoc('xizang-2020-government-work-report'), text }, WHOLE);
  }

  /** A report to wrap: a salutation (so the body starts at once) and a run of real paragraphs. */
  const paragraphsArb = fc
    .tuple(fc.nat(POOL.length - 1), fc.integer({ min: 6, max: 40 }))
    .map(([from, count]) => ['各位代表：', ...POOL.slice(from, from + count)]);

  /** Page breaks after any lines; with bare page numbers, pages of at least eight lines and at least three of them. */
  function layoutArb(cued: boolean, measure: WrapMeasure = 'columns'): fc.Arbitrary<Omit<WrapLayout, 'pageBreaks'> & { breakSeeds: number[] }> {
    return fc.record({
      width: fc.integer({ min: 20, max: 60 }),
      measure: fc.constant(measure),
      indent: cued ? fc.constantFrom<WrapLayout['indent']>('kept', 'stripped', 'none') : fc.constantFrom<WrapLayout['indent']>('stripped', 'none'),
      blankBetween: cued ? fc.boolean() : fc.constant(false),
      footer: fc.constantFrom(...FOOTERS),
      firstPage: fc.integer({ min: 1, max: 200 }),
      breakSeeds: fc.array(fc.nat(), { maxLength: 12 }),
    });
  }

  /** Turns seeds into page breaks among `lineCount` lines; bare numbers need pages a realistic length apart. */
  function pageBreaks(seeds: readonly number[], lineCount: number, bare: boolean): number[] {
    if (!bare) return [...new Set(seeds.map((s) => s % lineCount))].sort((a, b) => a - b);
    const breaks: number[] = [];
    for (let at = 8 + ((seeds[0] ?? 0) % 20); at < lineCount - 9; at += 8 + ((seeds[breaks.length + 1] ?? 7) % 25)) breaks.push(at);
    return breaks;
  }

  function build(paragraphs: string[], layout: Omit<WrapLayout, 'pageBreaks'> & { breakSeeds: number[] }) {
    const probe = wrapReport(paragraphs, { ...layout, pageBreaks: [] });
    const lineCount = probe.lineSpans.at(-1)?.last ?? 0;
    const bare = layout.footer === FOOTERS[4];
    const report = wrapReport(paragraphs, { ...layout, pageBreaks: pageBreaks(layout.breakSeeds, lineCount + 1, bare) });
    // A bare number is a page number only in a run of three pages or more; a wrap shows in 40 lines or more.
    fc.pre(!bare || report.footers.length >= 3);
    fc.pre((report.lineSpans.at(-1)?.last ?? 0) >= 40);
    return report;
  }

  describe('reflow of wrapped text with page footers', () => {
    it('gives back every paragraph exactly when paragraphs are marked by an indent or a blank line', { tags: ['slow'] }, () => {
      fc.assert(
        fc.property(paragraphsArb, layoutArb(true), (paragraphs, layout) => {
          fc.pre(layout.indent === 'kept' || layout.blankBetween);
          const report = build(paragraphs, layout);
          const texts = chunkText(report.text).map((p) => p.text);
          expect(texts).toEqual(paragraphs);
        }),
        { numRuns: 150, seed: 14 },
      );
    });

    it('never cuts a paragraph when nothing marks paragraph starts but the narrower first line or the short last line', { tags: ['slow'] }, () => {
      // Without spaces: a wrap that keeps a space off the line end shortens the line, which then looks like a first line.
      const solid = POOL.filter((p) => !/\s/u.test(p));
      const solidArb = fc.tuple(fc.nat(solid.length - 1), fc.integer({ min: 6, max: 40 })).map(([from, count]) => ['各位代表：', ...solid.slice(from, from + count)]);
      fc.assert(
        fc.property(solidArb, layoutArb(false), (paragraphs, layout) => {
          const report = build(paragraphs, layout);
          const passages = chunkText(report.text);
          for (const paragraph of paragraphs) expect(passages.some((p) => p.text.includes(paragraph))).toBe(true);
        }),
        { numRuns: 150, seed: 14 },
      );
    });

    it('finds the footers as furniture, with the printed number of the page each closes, and no passage holds one', { tags: ['slow'] }, () => {
      fc.assert(
        fc.property(paragraphsArb, layoutArb(true), (paragraphs, layout) => {
          const report = build(paragraphs, layout);
          const found = paginate(report.text);
          expect(found?.furniture).toEqual(report.footers.map((f, k) => ({ page: k + 1, text: f.text })));
          expect(found?.pages.map((p) => p.printed)).toEqual(report.footers.map((f) => f.page));
          const passages = chunkText(report.text);
          const body = report.text.split('\n').filter((line) => !report.footers.some((f) => f.text === line));
          expect(passages.map((p) => squash(p.text)).join('')).toBe(squash(body.join('\n')));
        }),
        { numRuns: 100, seed: 14 },
      );
    });

    it('starts each page where its first line starts', () => {
      const paragraphs = nationalParagraphs('2023').slice(4, 40);
      const report = wrapReport(paragraphs, { width: 42, indent: 'stripped', blankBetween: false, pageBreaks: [29, 59, 89], footer: FOOTERS[0], firstPage: 3 });
      const lines = report.text.split('\n');
      const pages = paginate(report.text)?.pages ?? [];
      expect(pages.map((p) => [p.index, p.printed])).toEqual([[1, 3], [2, 4], [3, 5], [4, 6]]);
      pages.slice(1).forEach((page, k) => {
        const footerLine = lines.indexOf(`— ${k + 3} —`);
        expect(report.text.slice(page.start)).toMatch(new RegExp(`^${lines[footerLine + 1].slice(0, 8)}`, 'u'));
      });
    });

    it('keeps every paragraph of a national report wrapped at 38, 44 and 50 whole, lines ending in 。 at the margin included', () => {
      const paragraphs = nationalParagraphs('2023').slice(4);
      // Paragraphs the source did not cut: clean themselves and after a clean one.
      const clean = paragraphs.filter((p, k) => POOL.includes(p) && (k === 0 || POOL.includes(paragraphs[k - 1])));
      for (const width of [38, 44, 50]) {
        const report = wrapReport(paragraphs, { width, indent: 'stripped', blankBetween: false, pageBreaks: [30, 61, 95, 140], footer: FOOTERS[0], firstPage: 1 });
        const atMargin = report.text.split('\n').filter((line) => line.endsWith('。') && line.length >= width - 2).length;
        expect(atMargin).toBeGreaterThan(7);
        const passages = chunkText(report.text);
        expect(clean.filter((p) => !passages.some((x) => x.text.includes(p)))).toEqual([]);
        // Merged only where the source cut a sentence or a paragraph ends exactly like a wrapped line.
        expect(clean.filter((p) => passages.some((x) => x.text === p)).length / clean.length).toBeGreaterThan(0.9);
      }
    });
  });

  describe('reflow of text wrapped by character count', () => {
    // Some exporters wrap plain text at a number of characters, a half-width digit or letter counting as
    // much as a 字: a full line holding digits is short in display columns, and must not end its paragraph.
    it('gives back every paragraph exactly when paragraphs are marked by an indent or a blank line', { tags: ['slow'] }, () => {
      fc.assert(
        fc.property(paragraphsArb, layoutArb(true, 'characters'), (paragraphs, layout) => {
          fc.pre(layout.indent === 'kept' || layout.blankBetween);
          const report = build(paragraphs, layout);
          expect(chunkText(report.text).map((p) => p.text)).toEqual(paragraphs);
        }),
        { numRuns: 150, seed: 14 },
      );
    });

    it('never cuts a paragraph when nothing marks paragraph starts but the narrower first line or the short last line', { tags: ['slow'] }, () => {
      const solid = POOL.filter((p) => !/\s/u.test(p));
      const solidArb = fc.tuple(fc.nat(solid.length - 1), fc.integer({ min: 6, max: 40 })).map(([from, count]) => ['各位代表：', ...solid.slice(from, from + count)]);
      fc.assert(
        fc.property(solidArb, layoutArb(false, 'characters'), (paragraphs, layout) => {
          const passages = chunkText(build(paragraphs, layout).text);
          for (const paragraph of paragraphs) expect(passages.some((p) => p.text.includes(paragraph))).toBe(true);
        }),
        { numRuns: 150, seed: 14 },
      );
    });

    it('keeps every paragraph of a national report wrapped at 35, 38 and 40 characters whole, with blank lines or indents between paragraphs', () => {
      const paragraphs = nationalParagraphs('2023').filter((p) => POOL.includes(p));
      for (const width of [35, 38, 40]) {
        for (const cue of [{ indent: 'none', blankBetween: true }, { indent: 'kept', blankBetween: false }] as const) {
          const report = wrapReport(paragraphs, { width, measure: 'characters', ...cue, pageBreaks: [], footer: FOOTERS[0], firstPage: 1 });
          const shortInColumns = report.text.split('\n').filter((line) => line.endsWith('。') && line.length >= width && /[0-9]/u.test(line));
          expect(shortInColumns.length).toBeGreaterThan(1);
          expect(chunkText(report.text).map((p) => p.text)).toEqual(paragraphs);
        }
      }
    });
  });

  describe('wrapped plain text in any Chinese encoding', () => {
    const toTraditional = Converter({ from: 'cn', to: 'tw' });
    const simplified = nationalParagraphs('2023').filter((p) => POOL.includes(p)).slice(0, 60);
    // Traditional paragraphs Big5 can write (it has no 爲, no 〇).
    const traditional = simplified.map((p) => toTraditional(p)).filter((p) => iconv.decode(iconv.encode(p, 'big5'), 'big5') === p);

    it('keeps every paragraph whole in GB18030, Big5 and UTF-8 with a BOM and CRLF, wrapped by characters or by columns', () => {
      const encodings = [
        { encoding: 'gb18030', paragraphs: simplified },
        { encoding: 'big5', paragraphs: traditional },
        { encoding: 'utf8', paragraphs: simplified },
      ];
      for (const { encoding, paragraphs } of encodings) {
        for (const measure of ['characters', 'columns'] as const) {
          for (const cue of [{ indent: 'none', blankBetween: true }, { indent: 'kept', blankBetween: false }] as const) {
            const report = wrapReport(paragraphs, { width: 38, measure, ...cue, pageBreaks: [], footer: FOOTERS[0], firstPage: 1 });
            const bytes = iconv.encode(report.text.replace(/\n/gu, '\r\n'), encoding, { addBOM: encoding === 'utf8' });
            const [doc] = readTxt(bytes, testContext('wrapped.txt'));
            const texts = chunkDocument(doc, WHOLE).map((p) => p.text);
            expect(paragraphs.filter((p) => !texts.includes(p)), `${encoding}, ${measure}, ${cue.indent}`).toEqual([]);
          }
        }
      }
    });
  });

  describe('the line joiner', () => {
    const solid = POOL.filter((p) => !/\s/u.test(p));

    it('rejoins any real paragraph cut at any character: numbers, decimals, percentages and codes stay whole', () => {
      fc.assert(
        fc.property(fc.nat(solid.length - 1), fc.nat(), (k, at) => {
          const chars = Array.from(solid[k]);
          const cut = 1 + (at % Math.max(1, chars.length - 1));
          const text = `${chars.slice(0, cut).join('')}\n${chars.slice(cut).join('')}`;
          expect(joinLines(splitLines(text), 'prose').text).toBe(solid[k]);
        }),
        { numRuns: 2000, seed: 14 },
      );
    });

    it('leaves no stray space where the wrap cut 增长5%, 3000万人 or 6.1%', () => {
      for (const [a, b] of [['经济增长5', '%左右'], ['新增就业3', '000万人'], ['增长6.', '1%'], ['增长6', '.1%']]) {
        expect(joinLines(splitLines(`${a}\n${b}`), 'prose').text).toBe(a + b);
      }
      expect(joinLines(splitLines('on behalf of the\nState Council'), 'prose').text).toBe('on behalf of the State Council');
    });
  });
});
