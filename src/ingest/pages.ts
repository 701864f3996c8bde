/**
 * Pages of text extracted from a PDF, rebuilt from its furniture: a run of furniture lines (page number,
 * running header or footer, form feed) between text is a page break. Page numbers are footers when the
 * text ends with one (or starts with none), headers otherwise; a break holding two numbers closes one page
 * and opens the next.
 */
import type { PageSpan, SourceDoc } from '../model.js';
import { findPageFurniture, type FurnitureLine } from './page-furniture.js';

/** The pages and furniture of a paged text; a furniture line's `page` is the `index` of its page. */
export interface PageLayout {
  pages: PageSpan[];
  furniture: NonNullable<SourceDoc['furniture']>;
}

/** Furniture lines with only whitespace between them. */
interface Cluster {
  lines: FurnitureLine[];
  start: number;
  end: number;
  /** Whether it breaks pages (holds a page number, a running line or a form feed). */
  breaks: boolean;
}

/**
 * The pages of a text and its furniture, or null when it has none (a text that is not paged).
 * @example paginate('甲。\n— 1 —\n乙。\n— 2 —\n').pages // [{ index: 1, start: 0, printed: 1 }, { index: 2, start: 8, printed: 2 }]
 */
export function paginate(text: string): PageLayout | null {
  const clusters = clusterLines(text, findPageFurniture(text));
  if (clusters.length === 0) return null;
  const breaks = clusters.filter((c) => c.breaks);
  const leading = breaks.length > 0 && text.slice(0, breaks[0].start).trim() === '' ? breaks[0] : null;
  const lastBreak = breaks.at(-1);
  const trailing = lastBreak && lastBreak !== leading && text.slice(lastBreak.end).trim() === '' ? lastBreak : null;
  const middle = breaks.filter((c) => c !== leading && c !== trailing);
  const footerStyle = numbersOf(trailing).length > 0 || numbersOf(leading).length === 0;
  const pages: PageSpan[] = [{ index: 1, start: leading ? nextText(text, leading.end) : 0, printed: null }];
  for (const c of middle) pages.push({ index: pages.length + 1, start: nextText(text, c.end), printed: null });
  const furniture: PageLayout['furniture'] = [];
  const record = (lines: readonly FurnitureLine[], page: number): void => {
    for (const line of lines) if (line.text !== '') furniture.push({ page, text: line.text });
  };
  const setPrinted = (page: number, n: number | undefined): void => {
    const span = pages[page - 1];
    if (span && span.printed === null && n !== undefined) span.printed = n;
  };
  for (const c of clusters) {
    const before = pages.filter((p) => p.start <= c.start).length || 1;
    if (c === leading || c === trailing || !c.breaks) {
      setPrinted(before, numbersOf(c)[0]);
      record(c.lines, before);
      continue;
    }
    const numbers = numbersOf(c);
    const split = numbers.length >= 2 || footerStyle ? c.lines.findIndex((l) => l.printed !== null) + 1 : 0;
    setPrinted(before, footerStyle || numbers.length >= 2 ? numbers[0] : undefined);
    setPrinted(before + 1, footerStyle && numbers.length < 2 ? undefined : numbers.at(-1));
    record(c.lines.slice(0, split), before);
    record(c.lines.slice(split), before + 1);
  }
  return { pages, furniture };
}

/** Groups furniture lines separated only by whitespace. */
function clusterLines(text: string, lines: readonly FurnitureLine[]): Cluster[] {
  const clusters: Cluster[] = [];
  for (const line of lines) {
    const last = clusters.at(-1);
    const breaks = line.kind !== 'jump';
    if (last && text.slice(last.end, line.start).trim() === '') {
      last.lines.push(line);
      last.end = line.end;
      last.breaks ||= breaks;
    } else {
      clusters.push({ lines: [line], start: line.start, end: line.end, breaks });
    }
  }
  return clusters;
}

function numbersOf(cluster: Cluster | null): number[] {
  return (cluster?.lines ?? []).flatMap((l) => (l.printed === null ? [] : [l.printed]));
}

/** The offset of the first non-whitespace character at or after `from` (the text's end when none). */
function nextText(text: string, from: number): number {
  const re = /\S/gu;
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index : text.length;
}
