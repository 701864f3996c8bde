/**
 * The "Searched for" line of the search page the server renders (no JavaScript needed), on the bundled corpus:
 * each concept of an English query with its Chinese terms and their sources in the page's language, words not
 * translated or ignored marked, a link per concept that searches without it (followed here: the answer there
 * lacks the concept), the first feedback words, and a query's markup kept as text.
 */
import { load } from 'cheerio';
import type { CheerioAPI } from 'cheerio';
import type { Express } from 'express';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app.js';
import type { QueryConcept, SearchResponse } from '../../src/search/types.js';
import { useBundledEngine } from '../search/bundled-engine.js';
import { CONCEPT_LABELS } from './concept-labels.js';

const bundled = useBundledEngine();
let app: Express;

beforeAll(() => {
  app = createApp(bundled.engine());
});

type Lang = 'en' | 'zh';

/** The rendered page at `url` (a path with its query), in `lang`, read back with cheerio. */
async function rendered(url: string, lang: Lang): Promise<CheerioAPI> {
  const res = await request(app).get(url).set('Accept-Language', lang === 'zh' ? 'zh-CN' : 'en-US').expect(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  return load(res.text);
}
const searchPage = (q: string, lang: Lang): Promise<CheerioAPI> => rendered(`/?q=${encodeURIComponent(q)}`, lang);

/** The API's concepts for `q`, and the feedback words. */
async function answer(q: string): Promise<SearchResponse & { concepts: QueryConcept[] }> {
  const body = (await request(app).get('/api/search').query({ q, limit: 10 }).expect(200)).body as SearchResponse;
  expect(body.concepts, `concepts of ${q}`).toBeDefined();
  return { ...body, concepts: body.concepts ?? [] };
}

/** One chip as the page shows it. */
interface ShownChip {
  en: string;
  className: string;
  terms: string[];
  sources: string[];
  notes: string[];
  drop: { href: string; label: string } | null;
}

function chipsOf($: CheerioAPI): ShownChip[] {
  return $('#concepts > ul.concept-list > li.concept')
    .toArray()
    .map((node) => {
      const chip = $(node);
      const link = chip.children('a.concept-remove');
      return {
        en: chip.children('.concept-en').text(),
        className: chip.attr('class') ?? '',
        terms: chip.find('.concept-term > span[lang]').toArray().map((n) => $(n).text()),
        sources: chip.find('.concept-term > .source').toArray().map((n) => $(n).text()),
        notes: chip.children('.concept-note').toArray().map((n) => $(n).text()),
        drop: link.length === 1 ? { href: link.attr('href') ?? '', label: link.attr('aria-label') ?? '' } : null,
      };
    });
}

/** What the chip of `concept` must show in `lang`. */
function expectedChip(concept: QueryConcept, lang: Lang): Omit<ShownChip, 'drop'> {
  const labels = CONCEPT_LABELS[lang];
  const terms = concept.status === 'ignored' ? [] : concept.terms;
  const note = concept.status === 'translated' && terms.length > 0 ? [] : [concept.status === 'ignored' ? labels.ignored : labels.untranslated];
  return { en: concept.en, className: `concept concept-${concept.status}`, terms: terms.map((t) => t.zh), sources: terms.map((t) => labels.source[t.source]), notes: note };
}

describe('the concepts line of the rendered search page', () => {
  for (const lang of ['en', 'zh'] as const) {
    it(`shows each concept of an English query with its Chinese terms and their sources (${lang})`, async () => {
      const q = 'tax cuts tourism';
      const { concepts } = await answer(q);
      expect(concepts.map((c) => c.en)).toEqual(['tax', 'cuts', 'tourism']);
      expect(concepts.find((c) => c.en === 'tourism')!.terms.some((t) => t.zh === '旅游' && t.source === 'glossary')).toBe(true);
      const $ = await searchPage(q, lang);
      expect($('#concepts').attr('hidden')).toBeUndefined();
      expect($('#concepts > .concepts-label').text()).toBe(CONCEPT_LABELS[lang].searchedFor);
      const chips = chipsOf($);
      expect(chips.map(({ drop: _, ...shown }) => shown)).toEqual(concepts.map((c) => expectedChip(c, lang)));
      expect(chips.map((c) => c.drop?.label)).toEqual(concepts.map((c) => CONCEPT_LABELS[lang].remove(c.en)));
    });
  }

  it('marks a made-up word as not translated and filler words as ignored, in both languages', async () => {
    const q = 'help herders find zorblaxian jobs';
    const { concepts } = await answer(q);
    const statusOf = (en: string): string | undefined => concepts.find((c) => c.en === en)?.status;
    expect([statusOf('help'), statusOf('find'), statusOf('zorblaxian'), statusOf('herders')]).toEqual(['ignored', 'ignored', 'untranslated', 'translated']);
    for (const lang of ['en', 'zh'] as const) {
      const chips = chipsOf(await searchPage(q, lang));
      expect(chips.map(({ drop: _, ...shown }) => shown)).toEqual(concepts.map((c) => expectedChip(c, lang)));
      const made = chips.find((c) => c.en === 'zorblaxian')!;
      expect([made.className, made.terms, made.notes]).toEqual(['concept concept-untranslated', [], [CONCEPT_LABELS[lang].untranslated]]);
    }
  });

  it('links each concept to the search without its words, filters kept; following the link gives an answer without it', async () => {
    const q = 'tourism zorblaxian herders';
    const words = q.split(' ');
    const $ = await rendered(`/?q=${encodeURIComponent(q)}&year=2024&page=2`, 'en');
    const chips = chipsOf($);
    expect(chips.map((c) => c.en)).toEqual(words);
    for (const chip of chips) {
      const href = new URL(chip.drop!.href, 'http://x');
      const rest = words.filter((w) => w !== chip.en).join(' ');
      expect([href.pathname, href.searchParams.get('q'), href.searchParams.get('year'), href.searchParams.get('page')]).toEqual(['/', rest, '2024', null]);
      const after = await rendered(chip.drop!.href, 'en');
      expect(chipsOf(after).map((c) => c.en)).toEqual(words.filter((w) => w !== chip.en));
      expect(after('#q').attr('value')).toBe(rest);
      expect((await answer(rest)).concepts.map((c) => c.en)).not.toContain(chip.en);
    }
  });

  it('shows the first eight feedback words after the chips, and none for a one-concept query', async () => {
    const q = 'help herders find jobs';
    const { feedback } = await answer(q);
    expect(feedback?.length ?? 0).toBeGreaterThan(8);
    for (const lang of ['en', 'zh'] as const) {
      const line = (await searchPage(q, lang))('#concepts > p.concepts-feedback');
      expect(line.find('.feedback-word').toArray().map((n) => line.find(n).text())).toEqual(feedback!.slice(0, 8));
      expect(line.text().startsWith(CONCEPT_LABELS[lang].rankedBy)).toBe(true);
    }
    expect((await answer('tourism')).feedback ?? []).toEqual([]);
    expect((await searchPage('tourism', 'en'))('#concepts .concepts-feedback').length).toBe(0);
  });

  it('stays hidden and empty for a Chinese query and a quoted phrase', async () => {
    for (const q of ['乡村振兴', '"clean energy"']) {
      const body = (await request(app).get('/api/search').query({ q }).expect(200)).body as SearchResponse;
      expect(body.concepts ?? []).toEqual([]);
      const $ = await searchPage(q, 'en');
      expect($('#status .count').length).toBe(1);
      expect($('#concepts').attr('hidden')).toBeDefined();
      expect($('#concepts').children().length).toBe(0);
    }
  });

  it('keeps markup in the query as text: no element comes from it, and the drop link holds it verbatim', async () => {
    const q = `tourism '"><img src=x onerror=alert(1)>`;
    const { concepts } = await answer(q);
    expect(concepts[0]?.en).toBe('tourism');
    const $ = await searchPage(q, 'en');
    expect($('#concepts img, #concepts [onerror], img[src="x"]').length).toBe(0);
    const tourism = chipsOf($).find((c) => c.en === 'tourism')!;
    expect(new URL(tourism.drop!.href, 'http://x').searchParams.get('q')).toBe(`'"><img src=x onerror=alert(1)>`);
    expect($('#concepts .concept').length).toBe(concepts.length);
  });
});
