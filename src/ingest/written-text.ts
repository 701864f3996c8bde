/**
 * A stretch of a report's text as it is written, beside its key: the same text folded to simplified characters,
 * of the same length. Patterns written in simplified characters are matched against the key, and what they find
 * is read from the text at the same offsets, so a traditional report's words stay its own. Pure.
 */
import { foldToSimplified } from '../simplified-chinese.js';

/** A text as written and its key (`key.length === text.length`). */
export interface Written {
  text: string;
  key: string;
}

/**
 * A text and its key.
 * @example written('政府工作報告').key // '政府工作报告'
 */
export function written(text: string): Written {
  return { text, key: foldToSimplified(text) };
}

/**
 * The same stretch of both.
 * @example sliceOf(written('在會議上'), 1, 3) // { text: '會議', key: '会议' }
 */
export function sliceOf(w: Written, start: number, end?: number): Written {
  return { text: w.text.slice(start, end), key: w.key.slice(start, end) };
}

/**
 * Both split at line breaks, which folding leaves where they are.
 * @example linesOf(written('報告\n縣長')).map((l) => l.text) // ['報告', '縣長']
 */
export function linesOf(w: Written): Written[] {
  const keys = w.key.split('\n');
  let at = 0;
  return keys.map((key) => {
    const line = { text: w.text.slice(at, at + key.length), key };
    at += key.length + 1;
    return line;
  });
}

/**
 * Both with `edit` applied, for an edit that only looks at characters folding leaves alone (spaces, brackets),
 * so that the two stay of one length.
 * @example edited(written(' 縣長 '), (s) => s.trim()) // { text: '縣長', key: '县长' }
 */
export function edited(w: Written, edit: (s: string) => string): Written {
  return { text: edit(w.text), key: edit(w.key) };
}

/**
 * The text, as written, of a group that a `d`-flagged pattern found in the key ('' for a group that took no part).
 * @example groupText(written('縣長王明'), /(县长)(.+)/d.exec('县长王明')!, 2) // '王明'
 */
export function groupText(w: Written, m: RegExpExecArray, group: number): string {
  const span = m.indices?.[group];
  return span ? w.text.slice(span[0], span[1]) : '';
}
