// @ts-check
// Building DOM from data without HTML strings: every text becomes a text node, every element is created.
// (The server's CSP enforces Trusted Types, so innerHTML with a string would throw anyway.)

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Attributes: a value per name (false/null/undefined leave it out, true sets it empty), or a listener. */
/** @typedef {Record<string, string | number | boolean | null | undefined | ((event: never) => void)>} Attrs */
/** A child: a node, a text, a list of children, or nothing. */
/** @typedef {Node | string | number | null | undefined | false | Child[]} Child */

/**
 * Creates an element. `attrs`: attributes (false/null/undefined skip one; `class` is a string) plus
 * `on*` functions as listeners. Children: nodes, strings (text nodes), arrays, or null/false (skipped).
 * @example el('a', { href: '/p/x', class: 'link' }, 'read') // <a href="/p/x" class="link">read</a>
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {Child[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function el(tag, attrs = {}, ...children) {
  return build(document.createElement(tag), attrs, children);
}

/**
 * Like `el`, in the SVG namespace.
 * @example svg('rect', { x: 0, y: 0, width: 10, height: 5 })
 * @template {keyof SVGElementTagNameMap} K
 * @param {K} tag
 * @param {Attrs} [attrs]
 * @param {Child[]} children
 * @returns {SVGElementTagNameMap[K]}
 */
export function svg(tag, attrs = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), attrs, children);
}

/**
 * @template {Element} E
 * @param {E} node
 * @param {Attrs} attrs
 * @param {Child[]} children
 * @returns {E}
 */
function build(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), /** @type {EventListener} */ (value));
    }
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/**
 * @param {Element} node
 * @param {Child[]} children
 */
function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (typeof child === 'string' || typeof child === 'number') node.append(String(child));
    else node.append(child);
  }
}

/**
 * Replaces a node's children.
 * @example replace(list, el('li', {}, 'one'))
 * @template {Element} E
 * @param {E} node
 * @param {Child[]} children
 * @returns {E}
 */
export function replace(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}
