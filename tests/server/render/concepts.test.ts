/**
 * The rendered "Searched for" line (src/server/render/concepts.ts) on any answer, hostile or malformed:
 * parsed back by a real parser, it holds exactly the chips, terms, notes and feedback words an independent
 * reading of the answer expects, as text, with no element or attribute that came from the data.
 */
import path from 'node:path';
import { load } from 'cheerio';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue, type Translate, type UiLang } from '../../../src/server/render/catalogue.js';
import { conceptsMarkup } from '../../../src/server/render/concepts.js';
import type { SearchState } from '../../../src/server/render/search-page.js';
import type { QueryConcept } from '../../../src/search/types.js';
import { CONCEPT_LABELS } from '../concept-labels.js';
import { REPO_ROOT } from '../test-engine.js';

let tr: Translate;
beforeAll(async () => {
  tr = await loadCatalogue(path.join(REPO_ROOT, 'public'));
});

const SOURCES = ['glossary', 'learned', 'dictionary', 'synonym', 'number', 'unit', 'pinyin', 'compound'] as const;
const STATUSES = ['translated', 'untranslated', 'ignored'] as const;
const HOSTILE = fc.constantFrom('<', '>', '&', '"', "'", '=', '/', ' ', 'a', 'b', 'i', 'x', '高', '税', '¶', '\u00a0');
const text = fc.string({ unit: HOSTILE, maxLength: 12 });

/** An answer's concept as the engine could send it, or as a broken or hostile one could. */
const concept = fc.record({
  en: text,
  status: fc.oneof(fc.constantFrom(...STATUSES), text),
  terms: fc.array(fc.record({ zh: text, source: fc.oneof(fc.constantFrom(...SOURCES), text), weight: fc.double({ min: 0, max: 1 }) }), { maxLength: 4 }),
});

const stateOf = (q: string): SearchState => ({ q, doc: '', year: '2024', kind: '', page: 3, sort: '' });

/** The line for `concepts` (to the type the renderer takes: the data is what a client could be sent). */
function render(concepts: unknown[], feedback: unknown[], q: string, lang: UiLang): ReturnType<typeof load> | null {
  const markup = conceptsMarkup({ state: stateOf(q), response: { concepts: concepts as QueryConcept[], feedback: feedback as string[] }, lang, tr });
  return markup ? load(`<div id="concepts">${markup.html}</div>`, null, false) : null;
}

const isKnown = (list: readonly string[], value: string): boolean => list.includes(value);

describe('the rendered concepts line', () => {
  it('reads back as exactly the chips, terms, notes and feedback an independent reading of the answer gives, with no element from the data', () => {
    fc.assert(
      fc.property(fc.array(concept, { maxLength: 5 }), fc.array(fc.oneof(text, fc.constant(null)), { maxLength: 12 }), fc.constantFrom<UiLang>('en', 'zh'), (concepts, feedback, lang) => {
        const q = concepts.map((c) => c.en).join(' ');
        const $ = render(concepts, feedback, q, lang);
        const shown = concepts.filter((c) => c.en);
        if (shown.length === 0) {
          expect($).toBeNull();
          return;
        }
        const labels = CONCEPT_LABELS[lang];
        const nodes = $!('*').toArray();
        expect(nodes.every((n) => 'tagName' in n && ['div', 'span', 'ul', 'li', 'a', 'p'].includes(n.tagName))).toBe(true);
        expect(nodes.flatMap((n) => ('attribs' in n ? Object.keys(n.attribs) : [])).every((name) => ['id', 'class', 'lang', 'title', 'href', 'data-nav', 'aria-label', 'aria-labelledby', 'aria-hidden'].includes(name))).toBe(true);
        const chips = $!('#concepts > ul > li').toArray();
        expect(chips.length).toBe(shown.length);
        chips.forEach((node, i) => {
          const c = shown[i]!;
          const chip = $!(node);
          const status = isKnown(STATUSES, c.status) ? c.status : 'untranslated';
          const terms = status === 'ignored' ? [] : c.terms.filter((t) => t.zh);
          expect(chip.attr('class')).toBe(`concept concept-${status}`);
          expect(chip.children('.concept-en').text()).toBe(c.en);
          expect(chip.find('.concept-term > span[lang]').toArray().map((n) => $!(n).text())).toEqual(terms.map((t) => t.zh));
          expect(chip.find('.concept-term > .source').toArray().map((n) => $!(n).text())).toEqual(terms.filter((t) => isKnown(SOURCES, t.source)).map((t) => labels.source[t.source as keyof typeof labels.source]));
          const note = status === 'translated' && terms.length > 0 ? [] : [status === 'ignored' ? labels.ignored : labels.untranslated];
          expect(chip.children('.concept-note').toArray().map((n) => $!(n).text())).toEqual(note);
          for (const link of chip.children('a').toArray()) {
            expect($!(link).attr('aria-label')).toBe(labels.remove(c.en));
            const href = new URL($!(link).attr('href')!, 'http://x');
            expect([href.pathname, href.searchParams.get('year'), href.searchParams.get('page')]).toEqual(['/', '2024', null]);
          }
        });
        const words = feedback.filter((w): w is string => typeof w === 'string' && w !== '').slice(0, 8);
        expect($!('.feedback-word').toArray().map((n) => $!(n).text())).toEqual(words);
        expect($!('.concepts-feedback').length).toBe(words.length > 0 ? 1 : 0);
      }),
    );
  });

  it('writes markup in a concept, a term and a feedback word as text', () => {
    const hostile = { en: '<img src=x onerror=alert(1)>', status: 'untranslated" onclick="x', terms: [{ zh: '</span><b>税</b>', source: 'glossary" onmouseover="x', weight: 1 }] };
    const $ = render([hostile], ['<script>alert(2)</script>'], 'q', 'en')!;
    expect($('img, b, script, [onerror], [onclick], [onmouseover]').length).toBe(0);
    expect($('.concept-en').text()).toBe(hostile.en);
    expect($('.concept').attr('class')).toBe('concept concept-untranslated');
    expect($('.concept-term > span[lang]').text()).toBe('</span><b>税</b>');
    expect($('.source').length).toBe(0);
    expect($('.feedback-word').text()).toBe('<script>alert(2)</script>');
    expect($('a').length).toBe(0); // the concept's words are not in the query: nothing to drop
  });
});
