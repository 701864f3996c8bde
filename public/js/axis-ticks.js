// @ts-check
// Which bars of a chart's year axis carry their year: pure, so that the rule is tested apart from the drawing.

/**
 * The indices of the bars that carry their label, of `count` bars spread over `width` units, each label about
 * `labelWidth` units wide: the first bar and every `every`-th after it (about `most` labels, never closer than a
 * label's width), and always the last, the latest year. A step's label too close before the last one is left
 * out rather than drawn under it ("2024" and "2025" overprinted).
 * @param {number} count
 * @param {{ width: number, labelWidth: number, most?: number }} layout
 * @returns {Set<number>}
 * @example [...axisTicks(61, { width: 300, labelWidth: 32 })] // [0, 8, 16, 24, 32, 40, 48, 60]
 */
export function axisTicks(count, { width, labelWidth, most = 8 }) {
  /** @type {Set<number>} */
  const ticks = new Set();
  if (count <= 0) return ticks;
  // The fewest bars between two labels that do not touch.
  const apart = Math.max(1, Math.ceil(labelWidth / (width / count)));
  const every = Math.max(apart, Math.ceil(count / most));
  const last = count - 1;
  for (let i = 0; i < last; i += every) if (last - i >= apart) ticks.add(i);
  ticks.add(last);
  return ticks;
}
