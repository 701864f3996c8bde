import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assemblePdf } from '../../src/ingest/pdf-assemble.js';
import { footerText, PARAGRAPH, SETTING, typeset, wrap } from './pdf-typeset.js';

describe('assembling a typeset PDF back into its paragraphs', () => {
  it('rebuilds every paragraph whole, whatever the wrap width, page length, footer style and item cuts', () => {
    fc.assert(
      fc.property(fc.array(PARAGRAPH, { minLength: 1, maxLength: 12 }), SETTING, (paragraphs, setting) => {
        // The margin shows in a paragraph's middle line (without one, one-line paragraphs are ambiguous).
        fc.pre(paragraphs.some((p) => wrap(p, setting.measure).length >= 3));
        const { text } = assemblePdf(typeset(paragraphs, setting));
        expect(text).toBe(paragraphs.join('\n'));
      }),
      { numRuns: 200 },
    );
  });

  it('records every footer and header as furniture, with the printed page numbers', () => {
    fc.assert(
      fc.property(fc.array(PARAGRAPH, { minLength: 1, maxLength: 12 }), SETTING, (paragraphs, setting) => {
        const pages = typeset(paragraphs, setting);
        const result = assemblePdf(pages);
        const footers = result.furniture.filter((f) => f.text === footerText(setting, f.page));
        expect(footers.map((f) => f.page)).toEqual(pages.map((p) => p.index));
        expect(result.pages.map((p) => p.printed)).toEqual(pages.map((p) => p.index + setting.numberOffset));
        if (setting.header && pages.length >= 3) {
          expect(result.furniture.filter((f) => f.text === setting.header)).toHaveLength(pages.length);
        }
        for (const f of result.furniture) expect(result.text).not.toContain(f.text === '' ? '\u0000' : `\n${f.text}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('starts each page where its first line starts, even inside a paragraph', () => {
    fc.assert(
      fc.property(fc.array(PARAGRAPH, { minLength: 1, maxLength: 12 }), SETTING, (paragraphs, setting) => {
        const pages = typeset(paragraphs, setting);
        const { text, pages: spans } = assemblePdf(pages);
        // The oracle: the lines in order, each page's share of them.
        const lines = paragraphs.flatMap((p) => wrap(p, setting.measure));
        spans.forEach((span, k) => {
          const first = lines[k * setting.linesPerPage];
          expect(text.slice(span.start, span.start + first.length)).toBe(first);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a number cut at a line end whole: 6. + 1% is 6.1%, 3 + 000万 is 3000万', () => {
    const paragraph = '国内生产总值增长6.1%，新增就业3000万人。';
    for (let measure = 6; measure <= 22; measure++) {
      const setting = { measure, linesPerPage: 40, footer: '— N —', numberOffset: 0, header: null, paragraphGap: 0, cuts: [] };
      expect(assemblePdf(typeset([paragraph], setting)).text).toBe(paragraph);
    }
  });
});
