// @ts-check
// A link the app follows without reloading the page (app.js handles clicks on `a[data-nav]`).
import { el } from './dom.js';

/**
 * An in-app link to `href`.
 * @example navLink('/?q=光伏', '光伏', { lang: 'zh-CN' }) // <a href="/?q=光伏" data-nav lang="zh-CN">光伏</a>
 * @param {string} href
 * @param {import('./dom.js').Child} text its text (or its content)
 * @param {Record<string, string>} [attrs]
 */
export function navLink(href, text, attrs = {}) {
  return el('a', { href, 'data-nav': true, ...attrs }, text);
}
