/**
 * Text a page draws turned a quarter or a half (a landscape table printed on a portrait page, a page whose content
 * is rotated for display), turned back upright: when most of a page's characters run along one turned direction,
 * every item's position is taken in that direction's frame, so that lines run left to right and follow each other
 * down the page as they are read. Upright text (most pages) is left exactly as it was drawn. Pure.
 */
import type { PdfItem } from './pdf-extract.js';

/** A run of text as PDF.js gives it: its string, its text matrix's direction (a, b) and origin, advance and font. */
export interface DrawnItem {
  str: string;
  /** The text matrix's first column: the baseline's direction, scaled by the font size. */
  a: number;
  b: number;
  x: number;
  y: number;
  width: number;
  font: string;
}

/** A page's items upright, the page's width and height in that frame, and the map from the page's space to it. */
interface UprightPage {
  items: PdfItem[];
  width: number;
  height: number;
  /** The quarter turns the page's text was drawn at (0 upright). */
  turn: number;
  /** [a, b, c, d, e, f]: a point (x, y) of the page is at (a x + c y + e, b x + d y + f) upright. */
  frame: [number, number, number, number, number, number];
}

/** A page is turned when at least this share of its characters run along one turned direction. */
const TURNED_SHARE = 0.6;

/** The quarter turns (0–3, counter-clockwise) of a run's baseline, or null when it is not near one (slanted text). */
function quarterOf(item: DrawnItem): number | null {
  const angle = (Math.atan2(item.b, item.a) * 180) / Math.PI;
  const quarter = Math.round(angle / 90);
  if (Math.abs(angle - quarter * 90) > 10) return null;
  return ((quarter % 4) + 4) % 4;
}

/** The quarter turn most of the page's characters are drawn at, when it is a turn and most are. */
function pageTurn(items: readonly DrawnItem[]): number {
  const chars = [0, 0, 0, 0];
  let all = 0;
  for (const item of items) {
    const n = Array.from(item.str.trim()).length;
    all += n;
    const quarter = quarterOf(item);
    if (quarter !== null) chars[quarter] += n;
  }
  let best = 0;
  for (let q = 1; q < 4; q++) if (chars[q] > chars[best]) best = q;
  return best !== 0 && chars[best] >= TURNED_SHARE * all ? best : 0;
}

/**
 * The page's items upright: as drawn on an upright page; turned back when most of its text is turned a quarter
 * (baseline up the page: 1; down: 3) or a half (2), positions taken in the text's frame and the page's sides swapped.
 * @example uprightPage([{ str: 'Fellow Deputies,', a: 0, b: 10, x: 100, y: 100, width: 80, font: 'f' }], 600, 800).items[0] // { x: 100, y: 500, … }
 */
export function uprightPage(items: readonly DrawnItem[], width: number, height: number): UprightPage {
  const turn = pageTurn(items);
  const size = (item: DrawnItem): number => Math.hypot(item.a, item.b);
  const at = (item: DrawnItem, x: number, y: number): PdfItem => ({ str: item.str, x, y, width: item.width, size: size(item), font: item.font });
  const frames = {
    0: [1, 0, 0, 1, 0, 0],
    1: [0, -1, 1, 0, 0, width],
    2: [-1, 0, 0, -1, width, height],
    3: [0, 1, -1, 0, height, 0],
  } as const;
  const frame = [...frames[turn as 0 | 1 | 2 | 3]] as UprightPage['frame'];
  const [a, b, c, d, e, f] = frame;
  const sideways = turn % 2 === 1;
  return {
    items: items.map((i) => at(i, a * i.x + c * i.y + e, b * i.x + d * i.y + f)),
    width: sideways ? height : width,
    height: sideways ? width : height,
    turn,
    frame,
  };
}
