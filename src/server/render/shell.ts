/**
 * A rendered page: the page's own `index.html` (so the script finds every element it expects) with the static
 * texts in the request's language, the title and meta tags, and containers filled with rendered markup.
 * cheerio holds the template; what goes in is markup from `h()` (text already escaped) or text.
 */
import { randomBytes } from 'node:crypto';
import type { Translate, UiLang } from './catalogue.js';
import type { Markup } from './markup.js';
import { cheerio } from './html-parser.js';

/** What a page puts into the template. */
export interface PageContent {
  lang: UiLang;
  /** The document's `<title>`. */
  title: string;
  /** Meta and link tags added to `<head>`. */
  head: readonly Markup[];
  /** Inner markup of elements, by id. */
  fill: Readonly<Record<string, Markup>>;
  /** Ids of elements to show (their `hidden` removed) and to hide. */
  show?: readonly string[];
  hide?: readonly string[];
  /** Attribute values to set, by element id: `{ q: { value: '光伏' } }`. */
  attrs?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The page's script, when it is not the search app's (`/js/reports.js`). */
  script?: string;
  /** Replaces the children of `<main>` entirely (a page that is neither the search nor the reader). */
  main?: Markup;
  /** The same page in the other language: the language button becomes a link there (works with no script). */
  langHref?: string;
}

/**
 * The page as HTML. cheerio parses only the template: rendered markup goes in as a placeholder text (a token
 * made for this call) that is swapped for the markup in the serialized page, so a long report is not parsed
 * and serialized once more.
 * @example await renderPage(indexHtml, tr, { lang: 'en', title: 'T', head: [], fill: { results: h('li', {}, 'x') } })
 */
export async function renderPage(template: string, tr: Translate, page: PageContent): Promise<string> {
  const $ = (await cheerio()).load(template);
  const nonce = randomBytes(9).toString('base64url');
  const pieces: string[] = [];
  const slot = (markup: Markup): string => {
    pieces.push(markup.html);
    return `@@${nonce}-${pieces.length - 1}@@`;
  };
  $('html').attr('lang', page.lang === 'zh' ? 'zh-CN' : 'en');
  $('[data-i18n]').each((_, node) => {
    $(node).text(tr(page.lang, $(node).attr('data-i18n') ?? ''));
  });
  $('[data-i18n-placeholder]').each((_, node) => {
    $(node).attr('placeholder', tr(page.lang, $(node).attr('data-i18n-placeholder') ?? ''));
  });
  $('[data-i18n-aria-label]').each((_, node) => {
    $(node).attr('aria-label', tr(page.lang, $(node).attr('data-i18n-aria-label') ?? ''));
  });
  $('#lang-switch')
    .text(tr(page.lang, 'switchTo'))
    .attr('lang', page.lang === 'zh' ? 'en' : 'zh-CN')
    .attr('aria-label', tr(page.lang, 'switchLabel'));
  if (page.langHref) {
    const button = $('#lang-switch');
    button.replaceWith($('<a>').attr({ id: 'lang-switch', class: button.attr('class') ?? 'lang-switch', href: page.langHref }).attr('lang', button.attr('lang') ?? '').attr('aria-label', button.attr('aria-label') ?? '').text(button.text()));
  }
  $('title').text(page.title);
  $('head').append(slot({ html: page.head.map((m) => m.html).join('\n') }));
  if (page.script) $('script[src="/app.js"]').attr('src', page.script);
  if (page.main) {
    $('main').text(slot(page.main));
    $('.skip-link').attr('href', '#main'); // its usual target (the results) is not on this page
  }
  for (const [id, markup] of Object.entries(page.fill)) $(`[id="${id}"]`).text(slot(markup));
  for (const id of page.show ?? []) $(`[id="${id}"]`).removeAttr('hidden');
  for (const id of page.hide ?? []) $(`[id="${id}"]`).attr('hidden', '');
  for (const [id, values] of Object.entries(page.attrs ?? {})) {
    for (const [name, value] of Object.entries(values)) $(`[id="${id}"]`).attr(name, value);
  }
  // A placeholder is @@<nonce>-<n>@@ (the nonce: 12 base64url characters); one with another nonce (text that happens to look like one) stays as it is.
  return $.html().replace(/@@([A-Za-z0-9_-]{12})-(\d+)@@/g, (whole, seen: string, i: string) => (seen === nonce ? (pieces[Number(i)] ?? '') : whole));
}
