/**
 * Attaching parallel English to passages. Each translation goes to the first passage its range
 * overlaps; a passage gathers the translations it received, joined by a space. So when a long paragraph
 * is split, a translation of the whole paragraph goes to its first part only, while sentence-aligned
 * translations land on the part that holds the sentence's start. And a translation's range is one
 * paragraph: the paragraphs rebuilt inside it (a table cell's line break after a full stop) are one.
 */

import type { Translation } from '../model.js';
import type { Block } from './rejoin.js';

/**
 * The blocks with consecutive paragraphs and headings that lie inside one translation's range joined into one
 * paragraph (an aligned table's paragraph whose cell held a line break).
 * @example joinTranslatedParagraphs([p(0, 8), p(9, 15)], [{ start: 0, end: 15, textEn: 'A.' }]).length // 1
 */
export function joinTranslatedParagraphs(blocks: readonly Block[], translations: readonly Translation[]): Block[] {
  if (translations.length === 0) return [...blocks];
  const sorted = [...translations].sort((a, b) => a.start - b.start || a.end - b.end);
  let next = 0;
  // Blocks come in document order: the translations that end before a block never hold a later one.
  const rangeOf = (block: Block): Translation | undefined => {
    const start = block.lines[0].start;
    const end = block.lines[block.lines.length - 1].end;
    while (next < sorted.length && sorted[next].end <= start) next++;
    if (block.kind !== 'paragraph' && block.kind !== 'heading') return undefined;
    const t = sorted[next];
    return t !== undefined && t.start <= start && end <= t.end ? t : undefined;
  };
  const out: Block[] = [];
  let previousRange: Translation | undefined;
  for (const block of blocks) {
    const range = rangeOf(block);
    const last = out[out.length - 1];
    if (range !== undefined && range === previousRange && last !== undefined) {
      out[out.length - 1] = { kind: 'paragraph', lines: [...last.lines, ...block.lines], joiner: 'prose' };
    } else {
      out.push(block);
    }
    previousRange = range;
  }
  return out;
}

/** A passage's document range. */
interface Ranged {
  start: number;
  end: number;
}

/**
 * For each passage (by index), the English assigned to it, or undefined.
 * @example assignTranslations([{ start: 0, end: 5 }, { start: 6, end: 9 }], [{ start: 0, end: 9, textEn: 'All.' }]) // ['All.', undefined]
 */
export function assignTranslations(passages: readonly Ranged[], translations: readonly Translation[]): (string | undefined)[] {
  const gathered: string[][] = passages.map(() => []);
  const sorted = [...translations].sort((a, b) => a.start - b.start || a.end - b.end);
  let from = 0;
  for (const t of sorted) {
    while (from < passages.length && passages[from].end <= t.start) from++;
    for (let k = from; k < passages.length && passages[k].start < t.end; k++) {
      if (overlaps(passages[k], t)) {
        if (t.textEn.trim() !== '') gathered[k].push(t.textEn.trim());
        break;
      }
    }
  }
  return gathered.map((list) => (list.length > 0 ? list.join(' ') : undefined));
}

function overlaps(a: Ranged, b: Ranged): boolean {
  return a.start < b.end && b.start < a.end;
}
