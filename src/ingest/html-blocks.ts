/**
 * Plain text out of HTML, one block a line: headings, paragraphs, list items, table rows (cells joined by
 * a tab). The article body is taken when the page marks one (article, main, #content, .content …), else
 * the body. Scripts, styles, navigation, headers, footers, frames, forms and the like are dropped; entities
 * are decoded by the parser; no markup survives (only text nodes are ever read). Used by the HTML and the
 * .docx readers.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';

/** Elements whose content is never report text. */
const DROPPED = [
  'script', 'style', 'nav', 'header', 'footer', 'iframe', 'frame', 'frameset', 'noscript', 'form', 'template',
  'svg', 'math', 'object', 'embed', 'applet', 'canvas', 'button', 'select', 'textarea', 'input', 'aside',
  'dialog', 'img', 'video', 'audio', 'map', 'head',
  // Raw-text elements: the parser keeps their content, markup included, as one text node.
  'xmp', 'plaintext', 'noembed', 'noframes',
];

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address', 'article', 'blockquote', 'body', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'figcaption',
  'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'html', 'li', 'main', 'ol', 'p', 'section', 'table',
  'tbody', 'td', 'tfoot', 'th', 'thead', 'ul',
]);

/** Where the report body usually is, most specific first (incl. common Chinese government CMS ids). */
const BODY_SELECTORS = [
  'article', 'main', '[role=main]', '#content', '.content', '#article', '.article', '.article-content',
  '.TRS_Editor', '#zoom', '#UCAP-CONTENT', '.pages_content',
];

/** A candidate body must hold this share of the page's text, or the whole body is used. */
const MIN_BODY_SHARE = 0.3;

/** The text blocks of an HTML page, and its title. */
export interface HtmlBlocks {
  /** One block a line, joined by `\n`; no empty lines. */
  text: string;
  /** `<title>` or the first `<h1>`, when present. */
  title: string | null;
}

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

function isText(node: AnyNode): node is Text {
  return node.nodeType === 3;
}

/** Collapse HTML whitespace (not U+3000, which is content) and trim. */
function collapse(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, ' ').trim();
}

/**
 * True when text holds something that looks like a tag: `<` followed by a letter, `/`, `!` or `?`. A
 * `<title>` is raw text (`<title><b>x</b></title>` has the title `<b>x</b>`), so such a title is not used.
 */
function looksLikeMarkup(text: string): boolean {
  for (let i = text.indexOf('<'); i !== -1; i = text.indexOf('<', i + 1)) {
    if (/[A-Za-z/!?]/.test(text[i + 1] ?? '')) return true;
  }
  return false;
}

/** Inline text of a node: blocks become spaces, nested tables are left out (they get their own lines). */
function inlineText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node) || node.name === 'table') return '';
  const inner = node.children.map(inlineText).join('');
  return node.name === 'br' || BLOCKS.has(node.name) ? ` ${inner} ` : inner;
}

/** Tables nested inside a cell (not inside a deeper table). */
function nestedTables(node: AnyNode): Element[] {
  if (!isElement(node)) return [];
  return node.children.flatMap((child) => (isElement(child) && child.name === 'table' ? [child] : nestedTables(child)));
}

class LineWriter {
  readonly lines: string[] = [];
  private buffer = '';

  add(text: string): void {
    this.buffer += text;
  }

  push(line: string): void {
    this.flush();
    if (line.trim() !== '') this.lines.push(line);
  }

  flush(): void {
    const line = collapse(this.buffer);
    if (line !== '') this.lines.push(line);
    this.buffer = '';
  }
}

function walk(node: AnyNode, out: LineWriter): void {
  if (isText(node)) {
    out.add(node.data);
    return;
  }
  if (!isElement(node)) return;
  if (node.name === 'br') {
    out.flush();
  } else if (node.name === 'tr') {
    const cells = node.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
    out.push(cells.map((cell) => collapse(inlineText(cell))).join('\t').replace(/\t+$/, ''));
    for (const table of cells.flatMap(nestedTables)) walk(table, out);
  } else if (node.name === 'pre') {
    out.flush();
    for (const line of node.children.map(inlineText).join('').split('\n')) out.push(line.trim());
  } else if (BLOCKS.has(node.name)) {
    out.flush();
    for (const child of node.children) walk(child, out);
    out.flush();
  } else {
    for (const child of node.children) walk(child, out);
  }
}

function textLength($: CheerioAPI, el: Element): number {
  return collapse($(el).text()).length;
}

/** The element holding the report: the largest match of the first body selector that holds enough text. */
function pickRoot($: CheerioAPI): Element | null {
  const body = $('body').get(0) ?? null;
  const total = body ? textLength($, body) : 0;
  for (const selector of BODY_SELECTORS) {
    const matches = $(selector).toArray().filter(isElement);
    if (matches.length === 0) continue;
    const best = matches.reduce((a, b) => (textLength($, b) > textLength($, a) ? b : a));
    if (total === 0 || textLength($, best) >= total * MIN_BODY_SHARE) return best;
  }
  return body;
}

/**
 * Extract the text blocks of an HTML document (a string, already decoded).
 * @example extractBlocks('<body><h1>政府工作报告</h1><script>x()</script><table><tr><td>a</td><td>b</td></tr></table></body>').text // '政府工作报告\na\tb'
 */
export function extractBlocks(html: string): HtmlBlocks {
  const $ = load(html);
  const pageTitle = collapse($('title').filter((_, el) => $(el).closest('svg').length === 0).first().text());
  const title = (looksLikeMarkup(pageTitle) ? '' : pageTitle) || collapse($('h1').first().text()) || null;
  $(DROPPED.join(',')).remove();
  const root = pickRoot($);
  const out = new LineWriter();
  if (root) walk(root, out);
  out.flush();
  return { text: out.lines.join('\n'), title };
}
