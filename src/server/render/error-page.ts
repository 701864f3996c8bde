/**
 * The page a browser gets for an error at an address of the site (not the API): the status, the message in the
 * reader's language and a way back to the search, in the site's own styles, with no script. Text goes in as text.
 */
import type { UiLang } from './catalogue.js';
import { h } from './markup.js';

const WORDING: Readonly<Record<UiLang, { site: string; title: string; back: string; home: string }>> = {
  zh: { site: '政府工作报告检索', title: '出错了', back: '返回检索', home: '/' },
  en: { site: 'Government Report Search', title: 'Something went wrong', back: 'Back to search', home: '/?lang=en' },
};

/**
 * The whole HTML document of an error page.
 * @example errorPage('en', 404, 'Nothing is at /nope.').includes('<p class="error" role="alert">Nothing is at /nope.</p>') // true
 */
export function errorPage(lang: UiLang, status: number, message: string): string {
  const words = WORDING[lang];
  const head = h(
    'head',
    {},
    h('meta', { charset: 'utf-8' }),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('title', {}, `${status} · ${words.site}`),
    h('link', { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' }),
    h('link', { rel: 'stylesheet', href: '/styles.css' }),
  );
  const body = h(
    'body',
    {},
    h('header', { class: 'site-header' }, h('a', { class: 'brand', href: words.home }, h('span', { class: 'brand-name' }, words.site))),
    h('main', { id: 'main' }, h('h1', {}, `${status} · ${words.title}`), h('p', { class: 'error', role: 'alert' }, message), h('p', {}, h('a', { href: words.home }, words.back))),
  );
  return `<!DOCTYPE html>\n${h('html', { lang: lang === 'zh' ? 'zh-CN' : 'en' }, head, body).html}\n`;
}
