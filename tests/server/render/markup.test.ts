import { load } from 'cheerio';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, h, join, marked } from '../../../src/server/render/markup.js';

/** The [start, end) ranges a text's <mark> elements cover, read back from the HTML by a real parser. */
function markedRanges(html: string): { text: string; ranges: Array<[number, number]> } {
  const $ = load(`<p>${html}</p>`, null, false);
  const ranges: Array<[number, number]> = [];
  let text = '';
  for (const node of $('p').contents().toArray()) {
    const piece = $(node).text();
    if (node.type === 'tag') ranges.push([text.length, text.length + piece.length]);
    text += piece;
  }
  return { text, ranges };
}

/** Characters of markup and of reports (HTML parsing itself rewrites CR and NUL, so they are left out). */
const HOSTILE = fc.constantFrom('<', '>', '&', '"', "'", '=', '/', '!', '-', ';', '#', 'a', 'p', ' ', '\n', '\t', '高', '¶', '𠀀', '\u00a0');

describe('markup', () => {
  it('writes any text and attribute value so that a parser reads back exactly that text', () => {
    fc.assert(
      fc.property(fc.string({ unit: HOSTILE }), fc.string({ unit: HOSTILE }), (text, value) => {
        const $ = load(h('p', { title: value, 'data-x': value }, text, h('span', {}, value)).html, null, false);
        expect($('p').length).toBe(1);
        expect($('p').text()).toBe(text + value);
        expect($('p').attr('title')).toBe(value);
        expect($('p span').text()).toBe(value);
        expect($('*').length).toBe(2);
      }),
    );
  });

  it('escapes the five characters that matter and nothing else', () => {
    expect(escapeHtml(`<script>alert("x" & 'y')</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;');
    expect(escapeHtml('高质量发展 ¶')).toBe('高质量发展 ¶');
  });

  it('refuses element and attribute names that are not plain names, and event handlers', () => {
    expect(() => h('p onclick=x')).toThrow(/element name/);
    expect(() => h('p', { 'x"y': '1' })).toThrow(/attribute/);
    expect(() => h('p', { onclick: 'alert(1)' })).toThrow(/attribute/);
    expect(h('input', { hidden: true, value: '' }).html).toBe('<input hidden value="">');
    expect(join(['a', null, false, [1, h('br')]]).html).toBe('a1<br>');
  });

  it('marks exactly the union of the ranges, clamped to the text, whatever the ranges (against a per-character oracle)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), fc.array(fc.tuple(fc.integer({ min: -3, max: 35 }), fc.integer({ min: -3, max: 35 })), { maxLength: 6 }), (text, ranges) => {
        const inMark = Array.from({ length: text.length }, (_, i) => ranges.some(([s, e]) => i >= s && i < e));
        const { text: back, ranges: got } = markedRanges(marked(text, ranges).html);
        expect(back).toBe(text);
        const covered = Array.from({ length: text.length }, (_, i) => got.some(([s, e]) => i >= s && i < e));
        expect(covered).toEqual(inMark);
        // merged: no two marks touch
        for (let i = 1; i < got.length; i++) expect(got[i]![0]).toBeGreaterThan(got[i - 1]![1]);
      }),
    );
  });
});
