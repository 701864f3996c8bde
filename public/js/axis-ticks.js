// @ts-check
// A chart's year axis: its slots, and which of them carry their year. Pure, so that the rules are tested apart
// from the drawing.

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
  const apart = Math.max(1, Math.ceil((labelWidth * count) / width));
  const every = Math.max(apart, Math.ceil(count / most));
  const last = count - 1;
  for (let i = 0; i < last; i += every) if (last - i >= apart) ticks.add(i);
  ticks.add(last);
  return ticks;
}

/** Most years an axis spans year by year; a wider span (a stray year in a report's metadata) lists its years alone. */
const MOST_SLOTS = 200;

/**
 * The years of an axis from the first of `years` to the last, every one, so that a year without a bar stands
 * as a gap rather than disappearing (reports of 2019 and 2025 are six years apart, not neighbours); `years`
 * alone, ascending, when they span more than MOST_SLOTS.
 * @param {readonly string[]} years years as digits, any order
 * @returns {string[]}
 * @example yearSlots(['2025', '2019', '2021']) // ['2019', '2020', '2021', '2022', '2023', '2024', '2025']
 */
export function yearSlots(years) {
  const sorted = [...new Set(years)].sort((a, b) => Number(a) - Number(b));
  if (sorted.length === 0) return [];
  const first = Number(sorted[0]);
  const last = Number(sorted[sorted.length - 1]);
  if (last - first + 1 > MOST_SLOTS) return sorted;
  return Array.from({ length: last - first + 1 }, (_, i) => String(first + i));
}
