/**
 * HTML built from data, for the server-rendered pages: every text is escaped as it goes in, every attribute
 * value quoted and escaped, and only `h()` makes markup, so a report's text or a query can never become a tag.
 */

/** A piece of markup made by `h()` (or `join()`); a plain string is always text. */
export interface Markup {
  readonly html: string;
}

/** What an element may contain: markup, text, numbers, nested lists; null/undefined/false are skipped. */
export type Child = Markup | string | number | null | undefined | false | readonly Child[];

/** Attribute values: a string or number, `true` for a bare attribute, false/null/undefined to leave it out. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

const VOID = new Set(['meta', 'link', 'input', 'br', 'hr', 'img']);
const NAME = /^[a-z][a-z0-9-]*$/;
const ATTR_NAME = /^[a-zA-Z_:][a-zA-Z0-9_.:-]*$/;
const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text escaped for an element's content or a quoted attribute value.
 * @example escapeHtml('<b title="x">&') // '&lt;b title=&quot;x&quot;&gt;&amp;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => TEXT_ESCAPES[c] ?? c);
}

function isMarkup(child: Child): child is Markup {
  return typeof child === 'object' && child !== null && !Array.isArray(child) && 'html' in child;
}

function childHtml(child: Child): string {
  if (child === null || child === undefined || child === false) return '';
  if (typeof child === 'string') return escapeHtml(child);
  if (typeof child === 'number') return String(child);
  if (isMarkup(child)) return child.html;
  return (child as readonly Child[]).map(childHtml).join('');
}

/**
 * An element. Tag and attribute names must be plain names (a name from data throws rather than being written).
 * @example h('a', { href: '/p/x', class: 'link' }, 'read <more>').html // '<a href="/p/x" class="link">read &lt;more&gt;</a>'
 */
export function h(tag: string, attrs: Attrs = {}, ...children: Child[]): Markup {
  if (!NAME.test(tag)) throw new Error(`Not an element name: ${JSON.stringify(tag)}`);
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (!ATTR_NAME.test(name) || /^on/i.test(name)) throw new Error(`Not an attribute this page writes: ${JSON.stringify(name)}`);
    open += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  open += '>';
  if (VOID.has(tag)) return { html: open };
  return { html: `${open}${childHtml(children)}</${tag}>` };
}

/**
 * Children as one piece of markup (text escaped), for filling a container.
 * @example join(['a & b', h('br')]).html // 'a &amp; b<br>'
 */
export function join(children: readonly Child[]): Markup {
  return { html: childHtml(children) };
}

/**
 * Text with its `[start, end)` ranges (UTF-16 offsets) wrapped in `<mark>`; ranges are clamped, sorted and merged.
 * @example marked('高质量发展', [[0, 3]]).html // '<mark>高质量</mark>发展'
 */
export function marked(text: string, ranges: ReadonlyArray<readonly [number, number]> = []): Markup {
  const clean = ranges
    .map(([s, e]) => [Math.max(0, Math.min(text.length, s)), Math.max(0, Math.min(text.length, e))] as const)
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const [s, e] of clean) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const parts: Child[] = [];
  let at = 0;
  for (const [s, e] of merged) {
    parts.push(text.slice(at, s), h('mark', {}, text.slice(s, e)));
    at = e;
  }
  parts.push(text.slice(at));
  return join(parts);
}

/**
 * The `lang` attribute of a piece of text: `zh-CN` when it has Han characters, else `en`.
 * @example textLang('乡村振兴') // 'zh-CN'
 */
export function textLang(text: string): string {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}
