// @ts-check
// Highlighting: [start, end) ranges (UTF-16 offsets, as the API gives them) into text nodes and <mark>s.
import { el } from './dom.js';

/** A [start, end) range of UTF-16 offsets. */
/** @typedef {[number, number]} Range */

/**
 * Splits `text` into plain and marked segments. Ranges are clamped to the text, sorted and merged where
 * they overlap or touch; empty ranges are dropped.
 * @example segments('abcdef', [[1, 3], [2, 4]]).map((s) => s.text) // ['a', 'bcd', 'ef']
 * @param {string} text
 * @param {Range[] | null | undefined} ranges
 * @returns {Array<{ text: string, marked: boolean }>}
 */
export function segments(text, ranges) {
  const clamp = (/** @type {number} */ n) => Math.max(0, Math.min(text.length, n));
  const clean = (ranges || [])
    .map(([s, e]) => /** @type {Range} */ ([clamp(s), clamp(e)]))
    .filter(([s, e]) => e > s)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  /** @type {Range[]} */
  const merged = [];
  for (const [s, e] of clean) {
    const last = merged[merged.length - 1];
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  const out = [];
  let at = 0;
  for (const [s, e] of merged) {
    if (s > at) out.push({ text: text.slice(at, s), marked: false });
    out.push({ text: text.slice(s, e), marked: true });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at), marked: false });
  return out;
}

/**
 * A fragment with the text, its ranges wrapped in <mark>.
 * @example marked('高质量发展', [[0, 3]]) // <mark>高质量</mark>发展
 * @param {string} text
 * @param {Range[] | null | undefined} ranges
 */
export function marked(text, ranges) {
  const fragment = document.createDocumentFragment();
  for (const seg of segments(text, ranges)) {
    fragment.append(seg.marked ? el('mark', {}, seg.text) : document.createTextNode(seg.text));
  }
  return fragment;
}

/**
 * At most `max` characters of `text` around its first range, with `…` where cut, and the ranges shifted.
 * @example excerpt('0123456789', [[8, 9]], 4) // { text: '…6789', ranges: [[3, 4]] }
 * @param {string} text
 * @param {Range[] | null | undefined} ranges
 * @param {number} max
 * @returns {{ text: string, ranges: Range[] }}
 */
export function excerpt(text, ranges, max) {
  if (text.length <= max) return { text, ranges: ranges || [] };
  const first = ranges && ranges.length ? Math.min(...ranges.map((r) => r[0])) : 0;
  const start = Math.max(0, Math.min(first - Math.floor(max / 3), text.length - max));
  const end = Math.min(text.length, start + max);
  const head = start > 0 ? '…' : '';
  const tail = end < text.length ? '…' : '';
  const shift = head.length - start;
  const kept = (ranges || [])
    .filter(([s, e]) => e > start && s < end)
    .map(([s, e]) => /** @type {Range} */ ([Math.max(s, start) + shift, Math.min(e, end) + shift]));
  return { text: head + text.slice(start, end) + tail, ranges: kept };
}
