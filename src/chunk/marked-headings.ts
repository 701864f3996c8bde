/**
 * Headings a source marks by their type alone (`SourceDoc.headings`: an HTML `<h2>`, a paragraph in bold, a
 * Word paragraph whose runs are all bold, a PDF line set larger than the text), with no 一、 or 第X章 to name
 * their level. Such a line is a heading when it is short, of two letters or more, and holds no sentence
 * (`坚持创新驱动，加快产业转型升级`, `总体要求`, not a diagram's `上`); a numbered one keeps its
 * pattern's rank. An unnumbered one is placed by its neighbours: it opens the list whose first item (number 1)
 * is the next numbered heading (`总体要求` above `（一）稳增长`), else it nests just inside the heading before it
 * (`2023年工作回顾` > `坚持创新驱动…`), so that the next heading of that rank closes it.
 */

import type { PageSpan, TextRange } from '../model.js';
import { MAX_HEADING_LENGTH, matchStandaloneHeading, type Heading } from './headings.js';
import type { Line } from './lines.js';

/** The style of a heading marked by type, not by number. */
const MARKED_STYLE = 'marked';
/** A marked heading is this much outside or inside its neighbour: between two pattern ranks. */
const HALF_RANK = 0.5;
/** Rank of a marked heading with no numbered heading anywhere: just outside 一、. */
const LONE_RANK = 4.5;
/** A sentence or a clause introducing what follows: no heading. */
const SENTENCE = /[。！？!?；;：:]/u;
/** Two letters at least: a lone character set large is a figure's label (`上` of a diagram), not a heading. */
const TWO_LETTERS = /\p{L}.*\p{L}/u;
/** A date, a number, a year alone: no heading. */
const FIGURES_ONLY = /^[0-9０-９〇○零一二三四五六七八九十年月日.．\s-]+$/u;

/**
 * The line indexes of `lines` that a source marked as headings (a line marked when its text lies in a range).
 * @example markedLines(splitLines('总体要求\n正文。'), [{ start: 0, end: 4 }]) // Set { 0 }
 */
export function markedLines(lines: readonly Line[], ranges: readonly TextRange[] | undefined): Set<number> {
  return new Set(markedGroups(lines, ranges).keys());
}

/**
 * The line indexes of `lines` that lie in one of `ranges`, each with the index of its range (the lines of
 * one note wrapped over several lines share it).
 * @example markedGroups(splitLines('①按可比价格\n计算。'), [{ start: 0, end: 10 }]) // Map { 0 => 0, 1 => 0 }
 */
export function markedGroups(lines: readonly Line[], ranges: readonly TextRange[] | undefined): Map<number, number> {
  const groups = new Map<number, number>();
  if (!ranges || ranges.length === 0) return groups;
  let r = 0;
  for (const line of lines) {
    while (r < ranges.length && ranges[r].end <= line.start) r++;
    if (r < ranges.length && line.text !== '' && ranges[r].start <= line.start && line.end <= ranges[r].end) groups.set(line.index, r);
  }
  return groups;
}

/**
 * The marked lines that read as headings and open a page after the first page with text (a slide's title, a
 * chapter set large at the top of its page): the body has begun there, whatever came before it.
 * @example pageOpeners(splitLines('汇报\n总体情况\n正文'), new Set([0, 1]), [{ index: 1, start: 0, printed: null }, { index: 2, start: 3, printed: 1 }]) // Set { 1 }
 */
export function pageOpeners(lines: readonly Line[], marked: ReadonlySet<number>, pages: readonly PageSpan[] | undefined): Set<number> {
  const openers = new Set<number>();
  const first = lines.find((l) => l.text !== '');
  if (!pages || !first) return openers;
  const starts = new Set(pages.map((p) => p.start).filter((start) => start > first.start));
  for (const index of marked) {
    const line = lines[index];
    if (starts.has(line.start) && markedHeading(line.text) !== null) openers.add(index);
  }
  return openers;
}

/** The parts of an English book or white paper around its numbered parts: headed alike, unnumbered. */
const MATTER = /^(?:preface|foreword|introduction|conclusions?|concluding remarks|epilogue|afterword|postscript|abstract|(?:executive )?summary|acknowledge?ments|appendix|appendices|annex(?:es)?|notes|references|bibliography)$/iu;

/** A Chinese character: an English heading has none. */
const HAN = /\p{Script=Han}/u;

/**
 * The marked lines in English that read as headings right before the line that starts the body, below a line
 * that is not marked (`Preface` under a white paper's cover, above its first paragraph): the body opens with
 * them, not after them, so they head what follows instead of closing the front matter. A title block's lines,
 * marked one after the other from the top, never open the body; nor do Chinese lines (a speaker's name set bold
 * under the title stays front matter).
 * @example englishOpeners(splitLines('Cover\nJanuary 2023\nPreface\nChina has pursued green development.'), new Set([0, 2]), startsBody) // Set { 2 }
 */
export function englishOpeners(lines: readonly Line[], marked: ReadonlySet<number>, startsBody: (text: string) => boolean): Set<number> {
  const openers = new Set<number>();
  const written = lines.filter((l) => l.text !== '');
  for (let k = 1; k + 1 < written.length; k++) {
    const line = written[k] as Line;
    const [above, below] = [written[k - 1] as Line, written[k + 1] as Line];
    if (!marked.has(line.index) || marked.has(above.index) || HAN.test(line.text) || markedHeading(line.text) === null) continue;
    if (startsBody(below.text) && !startsBody(line.text)) openers.add(line.index);
  }
  return openers;
}

/**
 * The heading a marked line is: its numbered pattern's, else a short line with no sentence in it is a heading
 * of the marked style (its rank placed later by `placeMarkedHeadings`); null when it reads as text.
 * @example markedHeading('坚持创新驱动，加快产业转型升级')?.style // 'marked'
 * @example markedHeading('各位代表：') // null
 */
export function markedHeading(text: string): Heading | null {
  const numbered = matchStandaloneHeading(text);
  if (numbered) return numbered;
  if (Array.from(text).length > MAX_HEADING_LENGTH || SENTENCE.test(text) || FIGURES_ONLY.test(text) || !TWO_LETTERS.test(text)) return null;
  return { style: MARKED_STYLE, rank: LONE_RANK, number: null, title: text, runIn: false };
}

/**
 * The headings with each marked one ranked by its neighbours (see the module comment); the others as they are.
 * @example placeMarkedHeadings([marked('总体要求'), heading('（一）稳增长', 6, 1)])[0]?.rank // 5.5
 */
export function placeMarkedHeadings(headings: ReadonlyArray<Heading | null>): Array<Heading | null> {
  const numbered = (h: Heading | null): h is Heading => h !== null && h.style !== MARKED_STYLE;
  return headings.map((h, k) => {
    if (h === null || h.style !== MARKED_STYLE) return h;
    const next = headings.slice(k + 1).find(numbered);
    const previous = headings.slice(0, k).reverse().find(numbered);
    let rank = LONE_RANK;
    // A book's own parts (`Preface`, `Conclusion`) stand beside its numbered parts, not above or inside them.
    const beside = MATTER.test(h.title.trim()) ? (next ?? previous) : undefined;
    if (beside) rank = beside.rank;
    else if (next && (next.number === 1 || !previous)) rank = Math.max(HALF_RANK, next.rank - HALF_RANK);
    else if (previous) rank = previous.rank + HALF_RANK;
    return { ...h, rank };
  });
}
