/**
 * Plain text out of HTML, one block a line: headings, paragraphs, list items, table rows (cells joined by
 * a tab). Scripts, styles, frames, form controls and the like are dropped; entities are decoded by the
 * parser; no markup survives (only text nodes are ever read). Used by the HTML and the .docx readers.
 *
 * Boilerplate removal may drop navigation, never report text; when in doubt, text is kept. The article is
 * every outermost match of the first body selector (article, main, #content, .content, #UCAP-CONTENT,
 * .trs_editor_view, #zoom …) that together hold enough of the page's text, else the whole body. Inside it
 * only navigation and lists of links are dropped (`html-furniture.ts`); outside it also the site's header
 * and footer, and a line outside it is still kept when it reads like report text. A `<form>` (the ASP.NET
 * page wrapper) and an `<aside>` are ordinary containers. On a page (not a .docx), a line that is one of the page's
 * tools set as plain text (`发布时间：… 浏览次数：`, `【打印本页】【关闭窗口】`, `上一篇：…`: `html-page-tools.ts`) goes too. The lines set wholly in bold or in a heading element
 * are named (`headings`): the chunker may take them for headings.
 */
import { load, type CheerioAPI } from 'cheerio';
import type { AnyNode, Element, Text } from 'domhandler';
import type { TextRange } from '../model.js';
import { createIngestError } from './errors.js';
import { isLinkList, measure, removeFurniture, type DroppedBlock, type ElementSize } from './html-furniture.js';
import { isPageToolLine } from './html-page-tools.js';
import { placeOnGrid } from './table-grid.js';

/** Elements whose content is never report text. */
const DROPPED = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'noscript', 'template', 'svg', 'math', 'object', 'embed',
  'applet', 'canvas', 'button', 'select', 'textarea', 'input', 'dialog', 'img', 'video', 'audio', 'map',
  'head',
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
  '#UCAP-CONTENT', '.pages_content', '.trs_editor_view', '.TRS_Editor', '#zoom',
];

/** A candidate body must hold this share of the page's text, or the whole body is used. */
const MIN_BODY_SHARE = 0.3;
/** A line outside the article is kept when it has this many Han characters, less than half of them links. */
const REPORT_LINE_HAN = 60;
/** A table cell with more characters than this is page layout, not data (HTML pages only, not .docx). */
const LAYOUT_CELL_CHARS = 400;
/** Deeper nesting than this is refused (real report pages nest a few dozen levels). */
const MAX_DEPTH = 1000;
const HAN = /\p{Script=Han}/gu;

/** How page furniture is treated: `page` (HTML pages), `links` (only navigation and link lists), `none` (.docx). */
export type FurnitureRule = 'page' | 'links' | 'none';

/** The text blocks of an HTML page, and its title. */
export interface HtmlBlocks {
  /** One block a line, joined by `\n`; no empty lines. */
  text: string;
  /** The lines whose every character is set as a heading (`<h1>`–`<h6>`) or in bold, as ranges of `text`. */
  headings: TextRange[];
  /**
   * The lines of footnotes and endnotes (an element `id="footnote-3"` or `"endnote-3"`, as Word's notes come out
   * of mammoth, or `role="doc-footnote"` / `"doc-endnote"`), as ranges of `text`.
   */
  notes: TextRange[];
  /** The first `<h1>` when the `<title>` starts with it, else the `<title>`, else the `<h1>`, when present. */
  title: string | null;
  /** Blocks left out as page furniture although they held report-sized text (for a warning). */
  dropped: DroppedBlock[];
  /** Characters of the page body (whitespace not counted) before page furniture was left out. */
  pageChars: number;
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

/** Where the walk is: inside the article (every line kept) or not, inside a link or not, in bold or a heading or not, in a note or not. */
interface WalkState {
  inArticle: boolean;
  inLink: boolean;
  bold: boolean;
  note: boolean;
}

/** A footnote's or an endnote's own id (not a reference's, `footnote-ref-3`). */
const NOTE_ID = /^(?:foot|end)note-\d+$/;
const NOTE_ROLE = /^doc-(?:foot|end)note$/;

/** Whether an element is a footnote or an endnote. */
function isNote(node: Element): boolean {
  return NOTE_ID.test(node.attribs.id ?? '') || NOTE_ROLE.test(node.attribs.role ?? '');
}

const BOLD_ELEMENTS = new Set(['b', 'strong', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** `font-weight: bold` (or 600-900) in a style attribute. */
const BOLD_STYLE = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)\b/i;

/** Whether an element sets its text in bold or as a heading. */
function isBold(node: Element): boolean {
  return BOLD_ELEMENTS.has(node.name) || BOLD_STYLE.test(node.attribs.style ?? '');
}

function hanCount(text: string): number {
  return (text.match(HAN) ?? []).length;
}

class LineWriter {
  readonly lines: string[] = [];
  /** Indexes of the lines all in bold or in a heading element. */
  readonly bold = new Set<number>();
  /** Indexes of the lines of notes. */
  readonly notes = new Set<number>();
  private buffer = '';
  private linkChars = 0;
  private inArticle = false;
  /** Whether every visible character added to the buffer is bold (null while none is). */
  private allBold: boolean | null = null;
  /** Whether the buffer's text is a note's. */
  private inNote = false;

  /** `dropTools`: leave out the lines of the page's tools (`html-page-tools.ts`; HTML pages, not .docx). */
  constructor(private readonly dropTools: boolean) {}

  add(text: string, state: WalkState): void {
    this.buffer += text;
    if (state.inLink) this.linkChars += text.replace(/\s+/g, '').length;
    if (state.inArticle) this.inArticle = true;
    if (text.trim() !== '') this.allBold = (this.allBold ?? true) && state.bold;
    if (state.note) this.inNote = true;
  }

  push(line: string, state: WalkState): void {
    this.flush();
    this.keep(line, state.inArticle, 0, false, state.note);
  }

  flush(): void {
    this.keep(collapse(this.buffer), this.inArticle, this.linkChars, this.allBold === true, this.inNote);
    this.buffer = '';
    this.linkChars = 0;
    this.inArticle = false;
    this.allBold = null;
    this.inNote = false;
  }

  /** Keep a line of the article, or one outside it that reads like report text rather than links. */
  private keep(line: string, inArticle: boolean, linkChars: number, bold: boolean, note: boolean): void {
    if (line.trim() === '' || (this.dropTools && isPageToolLine(line))) return;
    if (inArticle || (hanCount(line) >= REPORT_LINE_HAN && linkChars * 2 < line.replace(/\s+/g, '').length)) {
      if (bold) this.bold.add(this.lines.length);
      if (note) this.notes.add(this.lines.length);
      this.lines.push(line);
    }
  }

  /** The lines of `marked` (indexes) as ranges of the text the lines make, joined by `\n`. */
  rangesOf(marked: ReadonlySet<number>): TextRange[] {
    const ranges: TextRange[] = [];
    let start = 0;
    this.lines.forEach((line, k) => {
      if (marked.has(k)) ranges.push({ start, end: start + line.length });
      start += line.length + 1;
    });
    return ranges;
  }
}

/** What the walk knows of the page: the articles, the elements holding one, and the layout rule for rows. */
interface Page {
  articles: ReadonlySet<Element>;
  holdsArticle: ReadonlySet<Element>;
  sizes: ReadonlyMap<Element, ElementSize>;
  /** When true, a table row with a cell this large is page layout, walked as blocks, not a row of data. */
  layoutCellChars: number;
  /** Each data row's cell texts on its table's grid (spans placed), filled a table at a time as the walk meets it. */
  gridRows: Map<Element, string[]>;
}

function cellsOf(row: Element): Element[] {
  return row.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'));
}

/** The rows of a table itself (directly or in its thead, tbody, tfoot), not of a table nested in a cell. */
function rowsOf(table: Element): Element[] {
  return table.children.filter(isElement).flatMap((child) => (child.name === 'tr' ? [child] : ['thead', 'tbody', 'tfoot'].includes(child.name) ? rowsOf(child) : []));
}

const spanOf = (cell: Element, name: string): number => Number.parseInt(cell.attribs[name] ?? '1', 10);

/** A data row's cell texts, each under its column: cells spanning columns or rows leave those places empty (`table-grid.ts`). */
function rowCells(row: Element, page: Page): string[] {
  const known = page.gridRows.get(row);
  if (known) return known;
  const table = row.parent && isElement(row.parent) && row.parent.name !== 'table' ? row.parent.parent : row.parent;
  const rows = table && isElement(table) && table.name === 'table' ? rowsOf(table) : [row];
  const grid = placeOnGrid(rows.map((r) => cellsOf(r).map((cell) => ({ text: collapse(inlineText(cell)), colspan: spanOf(cell, 'colspan'), rowspan: spanOf(cell, 'rowspan') }))));
  rows.forEach((r, k) => page.gridRows.set(r, grid[k]));
  return page.gridRows.get(row) ?? [];
}

/** A row of a layout table (a cell holds the article, or a cell is larger than any data cell), not of data. */
function isLayoutRow(cells: Element[], page: Page): boolean {
  return cells.some((c) => page.articles.has(c) || page.holdsArticle.has(c) || (page.sizes.get(c)?.chars ?? 0) > page.layoutCellChars);
}

function walk(node: AnyNode, out: LineWriter, page: Page, outer: WalkState): void {
  if (isText(node)) {
    out.add(node.data, outer);
    return;
  }
  if (!isElement(node)) return;
  const state = { inArticle: outer.inArticle || page.articles.has(node), inLink: outer.inLink || node.name === 'a', bold: outer.bold || isBold(node), note: outer.note || isNote(node) };
  const cells = node.name === 'tr' ? cellsOf(node) : [];
  if (node.name === 'br') {
    out.flush();
  } else if (node.name === 'tr' && !isLayoutRow(cells, page)) {
    out.push(rowCells(node, page).join('\t').replace(/\t+$/, ''), state);
    for (const table of cells.flatMap(nestedTables)) walk(table, out, page, state);
  } else if (node.name === 'pre') {
    out.flush();
    for (const line of node.children.map(inlineText).join('').split('\n')) out.push(line.trim(), state);
  } else if (BLOCKS.has(node.name) || page.articles.has(node) || node.name === 'tr') {
    out.flush();
    for (const child of node.children) walk(child, out, page, state);
    out.flush();
  } else {
    for (const child of node.children) walk(child, out, page, state);
  }
}

/** The articles: every outermost match of the first body selector that holds enough text; null for the whole body. */
function pickArticles($: CheerioAPI, body: Element, sizes: Map<Element, ElementSize>): Element[] | null {
  const total = sizes.get(body)?.chars ?? 0;
  for (const selector of BODY_SELECTORS) {
    const matches = new Set($(selector).toArray().filter((el): el is Element => isElement(el) && sizes.has(el) && el !== body));
    // A match that is only a list of links (a "related" box styled like the article) is not an article.
    const outermost = [...matches].filter((el) => !hasAncestorIn(el, matches) && !isLinkList(sizes.get(el) as ElementSize));
    if (outermost.length === 0) continue;
    const chars = outermost.reduce((sum, el) => sum + (sizes.get(el)?.chars ?? 0), 0);
    if (total === 0 || chars >= total * MIN_BODY_SHARE) return outermost;
  }
  return null;
}

function hasAncestorIn(el: Element, set: ReadonlySet<Element>): boolean {
  for (let p = el.parent; p; p = p.parent) if (isElement(p) && set.has(p)) return true;
  return false;
}

/** Elements that never nest: void elements, and those whose end tag may be left out (a new one closes the last). */
const FLAT = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
  'p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'rt', 'rp', 'thead', 'tbody', 'tfoot', 'colgroup',
]);

/**
 * How deeply the tags of a page nest, read from the raw markup in one pass (parsing a page nested tens of
 * thousands deep takes the parser minutes). Approximate on purpose: only elements that must be closed count.
 * @example nestingDepth('<div><div><p>a</div></div>') // 2
 */
function nestingDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of html.matchAll(/<(\/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*?(\/?)>/g)) {
    if (FLAT.has(match[2].toLowerCase()) || match[3] === '/') continue;
    depth = match[1] === '/' ? Math.max(0, depth - 1) : depth + 1;
    deepest = Math.max(deepest, depth);
  }
  return deepest;
}

/**
 * The page's title: the first h1 when the `<title>` starts with it (sites follow the article's title with
 * their column and name: `标题_栏目_某某市人民政府门户网站`; an h1 that is the site's name comes last), else
 * the `<title>`, else the h1.
 * @example pickTitle('2024年政府工作报告_某某市人民政府', '2024年政府工作报告') // '2024年政府工作报告'
 */
function pickTitle(pageTitle: string, h1: string): string | null {
  if (h1 !== '' && pageTitle.startsWith(h1)) return h1;
  return pageTitle || h1 || null;
}

function extract(html: string, rule: FurnitureRule): HtmlBlocks {
  const depth = nestingDepth(html);
  if (depth > MAX_DEPTH) throw createIngestError('INGEST_HTML_TOO_DEEP', `elements nest ${depth} levels deep (limit ${MAX_DEPTH})`);
  const $ = load(html);
  const pageTitle = collapse($('title').filter((_, el) => $(el).closest('svg').length === 0).first().text());
  const title = pickTitle(looksLikeMarkup(pageTitle) ? '' : pageTitle, collapse($('h1').first().text()));
  $(DROPPED.join(',')).remove();
  const body = $('body').get(0);
  if (!body) return { text: '', headings: [], notes: [], title, dropped: [], pageChars: 0 };
  const sizes = measure(body);
  const articles = pickArticles($, body, sizes);
  const dropped: DroppedBlock[] = [];
  if (rule !== 'none') {
    for (const article of articles ?? []) for (const d of removeFurniture(article, sizes, true, new Set())) dropped.push(d);
    for (const d of removeFurniture(body, sizes, rule === 'links', new Set(articles ?? []))) dropped.push(d);
  }
  const holdsArticle = new Set<Element>();
  for (const article of articles ?? []) for (let p = article.parent; p; p = p.parent) if (isElement(p)) holdsArticle.add(p);
  const page: Page = { articles: new Set(articles ?? [body]), holdsArticle, sizes, layoutCellChars: rule === 'none' ? Infinity : LAYOUT_CELL_CHARS, gridRows: new Map() };
  const out = new LineWriter(rule !== 'none');
  walk(body, out, page, { inArticle: false, inLink: false, bold: false, note: false });
  out.flush();
  return { text: out.lines.join('\n'), headings: out.rangesOf(out.bold), notes: out.rangesOf(out.notes), title, dropped, pageChars: sizes.get(body)?.chars ?? 0 };
}

/**
 * Extract the text blocks of an HTML document (a string, already decoded). When the page rules leave no
 * text at all, only navigation and link lists are left out instead: when in doubt, keep it. Throws
 * `INGEST_HTML_TOO_DEEP` for a page nested deeper than any report page.
 * @example extractBlocks('<body><h1>政府工作报告</h1><script>x()</script><table><tr><td>a</td><td>b</td></tr></table></body>').text // '政府工作报告\na\tb'
 */
export function extractBlocks(html: string, rule: FurnitureRule = 'page'): HtmlBlocks {
  try {
    const blocks = extract(html, rule);
    return blocks.text === '' && rule === 'page' ? extract(html, 'links') : blocks;
  } catch (error) {
    if (error instanceof RangeError) throw createIngestError('INGEST_HTML_TOO_DEEP', error.message);
    throw error;
  }
}
