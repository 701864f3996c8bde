/**
 * Page furniture in an HTML report page: navigation, link lists, the site's header and footer. Boilerplate
 * removal may drop these, never report text, so the rules are narrow: inside the article only navigation
 * and lists of links go; outside it also the page header and footer (by element, role, the `title` a word
 * processor gives them, or a class or id such as `footer`, `bottom`, `breadcrumb`). Every element is measured once (characters, link characters,
 * links), so a large page costs one pass. A dropped block holding report-sized text (Han characters outside
 * its links) is reported, so that a warning can say exactly what was left out and why.
 */
import type { AnyNode, Element } from 'domhandler';

/** Characters of an element (whitespace not counted), and how many of them are link text. */
export interface ElementSize {
  chars: number;
  linkChars: number;
  links: number;
}

/** A block left out, for the warning. */
export interface DroppedBlock {
  /** The element as `tag#id.class`. */
  element: string;
  reason: string;
  /** Han characters outside links it held. */
  han: number;
  /** Its first words. */
  sample: string;
}

/** A dropped block holding at least this many Han characters outside links is reported. */
const REPORT_SIZED_HAN = 150;
/** A block is a list of links when it has two links or more and at least this share of its text is link text. */
const LINK_SHARE = 0.6;
/** Class and id words of page furniture (compared whole, after splitting on `-`, `_` and case changes). */
const FURNITURE_WORDS = new Set([
  'nav', 'navbar', 'menu', 'breadcrumb', 'breadcrumbnav', 'crumb', 'crumbs', 'header', 'top', 'topbar',
  'footer', 'foot', 'bottom', 'copyright', 'sidebar', 'share', 'toolbar', 'friendlink', 'position', 'banner',
]);
const FURNITURE_ROLES: Readonly<Record<string, string>> = { navigation: 'navigation', banner: 'page header', contentinfo: 'page footer' };
/** The `title` of a `div` that LibreOffice writes for a document's page header and footer. */
const PAGE_PART_TITLES: Readonly<Record<string, string>> = { header: 'page header', footer: 'page footer' };
const HAN = /\p{Script=Han}/gu;

function isElement(node: AnyNode): node is Element {
  return node.nodeType === 1;
}

/**
 * The size of every element under (and including) `root`, in one iterative post-order pass.
 * @example measure(load('<p>政府<a>链接</a></p>')('p').get(0)!).get(p) // { chars: 4, linkChars: 2, links: 1 }
 */
export function measure(root: Element): Map<Element, ElementSize> {
  const sizes = new Map<Element, ElementSize>();
  const stack: Array<{ el: Element; done: boolean }> = [{ el: root, done: false }];
  while (stack.length > 0) {
    const top = stack.pop() as { el: Element; done: boolean };
    if (!top.done) {
      stack.push({ el: top.el, done: true });
      for (const child of top.el.children) if (isElement(child)) stack.push({ el: child, done: false });
      continue;
    }
    const isLink = top.el.name === 'a';
    const size: ElementSize = { chars: 0, linkChars: 0, links: isLink ? 1 : 0 };
    for (const child of top.el.children) {
      if (isElement(child)) {
        const c = sizes.get(child) as ElementSize;
        size.chars += c.chars;
        size.linkChars += isLink ? c.chars : c.linkChars;
        size.links += c.links;
      } else if (child.nodeType === 3 && 'data' in child && typeof child.data === 'string') {
        const chars = child.data.replace(/\s+/g, '').length;
        size.chars += chars;
        if (isLink) size.linkChars += chars;
      }
    }
    sizes.set(top.el, size);
  }
  return sizes;
}

/** The class and id words of an element, lowercased: `BreadcrumbNav bottom-links` → breadcrumb, nav, breadcrumbnav, bottom, links. */
function furnitureWord(el: Element): string | undefined {
  const names = `${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`;
  const words = names.split(/[\s_-]+/).flatMap((w) => [w, ...w.split(/(?<=[a-z])(?=[A-Z])/)]).map((w) => w.toLowerCase());
  return words.find((w) => FURNITURE_WORDS.has(w));
}

/**
 * True for a list of links: two links or more, and most of the text link text.
 * @example isLinkList({ chars: 10, linkChars: 8, links: 3 }) // true
 */
export function isLinkList(size: ElementSize): boolean {
  return size.links >= 2 && size.linkChars >= size.chars * LINK_SHARE;
}

/**
 * Why an element is page furniture, or null when it may hold report text. Inside the article only
 * navigation and lists of links count.
 * @example furnitureReason(footerElement, size, false) // 'page footer'
 */
function furnitureReason(el: Element, size: ElementSize, insideArticle: boolean): string | null {
  const byRole = FURNITURE_ROLES[el.attribs.role ?? ''];
  if (el.name === 'nav' || byRole === 'navigation') return 'navigation';
  if (isLinkList(size)) return 'a list of links';
  if (insideArticle) return null;
  if (el.name === 'header') return 'page header';
  if (el.name === 'footer') return 'page footer';
  // A word processor's page header and footer as LibreOffice saves them (`<div title="footer">`, its page number a
  // field): a report saved as a web page ended with a passage `5`, the last page's number.
  const titled = PAGE_PART_TITLES[(el.attribs.title ?? '').trim().toLowerCase()];
  if (el.name === 'div' && titled !== undefined) return titled;
  if (byRole !== undefined) return byRole;
  const word = furnitureWord(el);
  return word === undefined ? null : `page furniture (class or id "${word}")`;
}

/** Take an element out of the tree, keeping its siblings' links right. */
function detach(el: Element): void {
  const siblings = el.parent?.children;
  if (siblings) siblings.splice(siblings.indexOf(el), 1);
  if (el.prev) el.prev.next = el.next;
  if (el.next) el.next.prev = el.prev;
  el.parent = null;
  el.prev = null;
  el.next = null;
}

/** `tag#id.class` for messages. */
function describeElement(el: Element): string {
  const id = el.attribs.id ? `#${el.attribs.id}` : '';
  const classes = (el.attribs.class ?? '').trim().split(/\s+/).filter(Boolean).map((c) => `.${c}`).join('');
  return `<${el.name}${id}${classes}>`;
}

/** The text of a node outside its links (only computed for the blocks dropped). */
function textOutsideLinks(node: AnyNode): string {
  if (node.nodeType === 3 && 'data' in node && typeof node.data === 'string') return node.data;
  return isElement(node) && node.name !== 'a' ? node.children.map(textOutsideLinks).join('') : '';
}

/**
 * Remove the page furniture under `scope` (top-down: a dropped block is dropped whole), never an element in
 * `keep` or one holding such an element. Returns the dropped blocks that held report-sized text.
 * @example removeFurniture(body, measure(body), false, new Set()) // [] for a page whose footer is short
 */
export function removeFurniture(scope: Element, sizes: Map<Element, ElementSize>, insideArticle: boolean, keep: ReadonlySet<Element>): DroppedBlock[] {
  const holdsKept = new Set<Element>();
  for (const el of keep) for (let p = el.parent; p; p = p.parent) if (isElement(p)) holdsKept.add(p);
  const dropped: DroppedBlock[] = [];
  const stack: Element[] = scope.children.filter(isElement);
  while (stack.length > 0) {
    const el = stack.pop() as Element;
    if (keep.has(el)) continue;
    const size = sizes.get(el);
    const reason = size && !holdsKept.has(el) ? furnitureReason(el, size, insideArticle) : null;
    if (reason === null) {
      for (const child of el.children) if (isElement(child)) stack.push(child);
      continue;
    }
    const text = textOutsideLinks(el);
    const han = (text.match(HAN) ?? []).length;
    if (han >= REPORT_SIZED_HAN) dropped.push({ element: describeElement(el), reason, han, sample: text.replace(/\s+/g, ' ').trim().slice(0, 30) });
    detach(el);
  }
  return dropped;
}
