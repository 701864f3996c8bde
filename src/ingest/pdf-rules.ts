/**
 * The horizontal rules a PDF page draws (a ruled table's lines between rows), from PDF.js's operator list: every
 * painted path whose box, in page space, is under two points high and four wide at least, the pieces of one rule
 * (each cell's border drawn apart) joined. The graphics state's transforms are followed through `save` and
 * `restore`. Pure: the PDF reader gives it the operator list of a page that holds table rows.
 */

/** A horizontal rule: its left and right ends and its height on the page, in PDF points (y up). */
export interface Rule {
  x: number;
  xEnd: number;
  y: number;
}

/** The operator codes read here (PDF.js's `OPS`). */
export interface RuleOps {
  save: number;
  restore: number;
  transform: number;
  constructPath: number;
  /** The painting operators (stroke, fill and their variants); a path ended otherwise (a clip) draws nothing. */
  paints: ReadonlySet<number>;
}

type Matrix = [number, number, number, number, number, number];

/** At most this high, in points, a path is a rule… */
const MAX_HEIGHT = 2;
/** …and at least this long. */
const MIN_LENGTH = 4;
/** Pieces at one height (within this many points) that touch or nearly (this far apart at most) are one rule. */
const SAME_HEIGHT = 1;
const JOIN_GAP = 2;

/** `m` applied after `n`: the point goes through `n`, then `m`. */
function compose(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1],
    m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3],
    m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4],
    m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

/** The box of a path in page space, from its box in user space (`minMax`: x0, y0, x1, y1). */
function pageBox(ctm: Matrix, minMax: ArrayLike<number>): { x0: number; y0: number; x1: number; y1: number } | null {
  const [a, b, c, d] = [minMax[0], minMax[1], minMax[2], minMax[3]];
  if (![a, b, c, d].every(Number.isFinite)) return null;
  const box = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  for (const [x, y] of [apply(ctm, a, b), apply(ctm, c, b), apply(ctm, a, d), apply(ctm, c, d)]) {
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

/**
 * The horizontal rules of a page's operator list, top to bottom, each piece joined to those beside it.
 * `frame` maps the page's space to the one the rules are wanted in (a page whose text is turned, `pdf-rotation.ts`).
 * @example horizontalRules([ops.constructPath], [[ops.fill, [], [60, 500, 400, 500.75]]], ops) // [{ x: 60, xEnd: 400, y: 500.375 }]
 */
export function horizontalRules(fnArray: ArrayLike<number>, argsArray: ArrayLike<unknown>, ops: RuleOps, frame: Readonly<Matrix> = [1, 0, 0, 1, 0, 0]): Rule[] {
  let ctm: Matrix = [...frame];
  const stack: Matrix[] = [];
  const pieces: Rule[] = [];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && Array.isArray(args) && args.length === 6) ctm = compose(ctm, args as Matrix);
    else if (fn === ops.constructPath && Array.isArray(args) && ops.paints.has(args[0] as number)) {
      const box = pageBox(ctm, (args[2] ?? []) as ArrayLike<number>);
      if (box && box.y1 - box.y0 <= MAX_HEIGHT && box.x1 - box.x0 >= MIN_LENGTH) pieces.push({ x: box.x0, xEnd: box.x1, y: (box.y0 + box.y1) / 2 });
    }
  }
  return joinPieces(pieces);
}

/** Pieces at one height that touch, as one rule each; top to bottom, then left to right. */
function joinPieces(pieces: readonly Rule[]): Rule[] {
  const sorted = [...pieces].sort((p, q) => q.y - p.y || p.x - q.x);
  const rules: Rule[] = [];
  for (const piece of sorted) {
    const last = rules.find((r) => Math.abs(r.y - piece.y) <= SAME_HEIGHT && piece.x <= r.xEnd + JOIN_GAP && piece.xEnd >= r.x - JOIN_GAP);
    if (last) {
      last.x = Math.min(last.x, piece.x);
      last.xEnd = Math.max(last.xEnd, piece.xEnd);
    } else rules.push({ ...piece });
  }
  return rules.sort((p, q) => q.y - p.y || p.x - q.x);
}

/** The area a ruled table covers on its page: its rules' ends, its top and bottom rules. */
export interface RuledArea {
  x: number;
  xEnd: number;
  top: number;
  bottom: number;
  /** Its rules, top to bottom. */
  rules: Rule[];
}

/** Rules of one table overlap by this share of the shorter at least… */
const SAME_TABLE = 0.5;

/**
 * The ruled tables of a page: rules top to bottom that overlap the one above by half the shorter's length at least,
 * at most `maxGap` points below it, taken as one table (three rules at least: a table's top, a row's bottom, its
 * bottom). A rule alone, or two, is an underline or a separator, not a table.
 * @example ruledAreas([{ x: 60, xEnd: 400, y: 700 }, { x: 60, xEnd: 400, y: 680 }, { x: 60, xEnd: 400, y: 660 }], 100)[0].top // 700
 */
export function ruledAreas(rules: readonly Rule[], maxGap: number): RuledArea[] {
  const areas: RuledArea[] = [];
  let current: Rule[] = [];
  const close = (): void => {
    if (current.length >= 3) {
      areas.push({
        x: current.reduce((least, r) => Math.min(least, r.x), Infinity),
        xEnd: current.reduce((most, r) => Math.max(most, r.xEnd), -Infinity),
        top: current[0].y,
        bottom: current[current.length - 1].y,
        rules: current,
      });
    }
    current = [];
  };
  for (const rule of [...rules].sort((p, q) => q.y - p.y)) {
    const last = current[current.length - 1];
    const shared = last ? Math.min(last.xEnd, rule.xEnd) - Math.max(last.x, rule.x) : 0;
    if (last && (last.y - rule.y > maxGap || shared < SAME_TABLE * Math.min(last.xEnd - last.x, rule.xEnd - rule.x))) close();
    current.push(rule);
  }
  close();
  return areas;
}
