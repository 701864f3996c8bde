/**
 * Slides: the pages of a deck exported to PDF (PowerPoint, WPS, a browser printing one `<section>` a page). A
 * slide is a landscape page whose text is set large for its height (bullets of 18-24 points on a page 540
 * points high, where a report's landscape page sets 10-12 points on 595). Its text stands in boxes with the
 * same inset from either edge, so a line is full only when it reaches the box's right edge, mirrored from the
 * leftmost text; its bullets are paragraphs of their own, whether or not they end a sentence. Pure.
 */
import { mainSize } from './pdf-layout.js';
import type { PdfLine } from './pdf-lines.js';

/** The size of a page (PDF points). */
interface PageBox {
  index: number;
  width: number;
  height: number;
}

/** A slide's text is at least this share of its height (12 points on a 540-point slide). */
const MIN_SIZE_SHARE = 1 / 45;

/** Sizes within this many points are the same size. */
const SIZE_TOLERANCE = 0.6;

/**
 * Whether a page is a slide: landscape, its text (the size most of its characters have) at least 1/45 of its height.
 * @example isSlide({ index: 2, width: 960, height: 540 }, bulletsIn22Points) // true
 */
export function isSlide(box: PageBox, lines: readonly PdfLine[]): boolean {
  return lines.length > 0 && box.width > box.height && mainSize(lines) >= box.height * MIN_SIZE_SHARE;
}

/**
 * The right edge of the text on each slide of a document (page index to edge): the page's width less the
 * inset of its leftmost line of the text's size or larger (a small label or source note in a corner does not
 * count), or the end of its widest such line when that stands farther right. Pages that are no slides are left out.
 * @example slideEdges([{ index: 2, width: 960, height: 540 }], [[titleAt60, bulletAt86]]).get(2) // 900
 */
export function slideEdges(boxes: readonly PageBox[], pages: ReadonlyArray<readonly PdfLine[]>): Map<number, number> {
  const edges = new Map<number, number>();
  boxes.forEach((box, k) => {
    const lines = pages[k] ?? [];
    if (!isSlide(box, lines)) return;
    const size = mainSize(lines);
    const text = lines.filter((l) => l.size >= size - SIZE_TOLERANCE);
    const left = text.reduce((least, l) => Math.min(least, l.x), Infinity);
    const widest = text.reduce((most, l) => Math.max(most, l.xEnd), 0);
    edges.set(box.index, Math.max(box.width - left, widest));
  });
  return edges;
}
