/**
 * Attaching parallel English to passages. Each translation goes to the first passage its range
 * overlaps; a passage gathers the translations it received, joined by a space. So when a long paragraph
 * is split, a translation of the whole paragraph goes to its first part only, while sentence-aligned
 * translations land on the part that holds the sentence's start.
 */

import type { Translation } from '../model.js';

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
