/**
 * Where a line of ragged (unjustified) text had to break: the first unit of the next line (a word, or one
 * character with the marks that may not part from it) would not have fit in the room the line left before
 * its right edge. Such a line is not a paragraph's last, however short it looks. Used to join a paragraph's
 * lines (`pdf-blocks.ts`) and to tell a ragged column of text from a table's column (`pdf-column-text.ts`). Pure.
 */

/**
 * The first unit of a line that a line break cannot split: a word or number of Latin letters and digits (`11.2%`,
 * `1,300`, `R&D`, `COVID-19`; a hyphen before a letter ends it, as a line may break after it: `Well-`), or one
 * character, with the marks that may not part from it (an opening mark before, closing marks after).
 */
const FIRST_UNIT = /^[“‘"'《〈（(【「『[]*(?:[\p{Script=Latin}\p{N}](?:[\p{Script=Latin}\p{N}'’]|[.,-](?=\p{N})|&(?=\p{Script=Latin}))*-?|.)[，。、；：！？,.;:!?”’"'》〉）)】」』\]%‰]*/u;
/** Characters set a full em wide; curly quotes too, in a line of Chinese. */
const WIDE = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;
const CURLY = /[“”‘’]/u;
/**
 * What a Latin letter, digit or mark takes, in font sizes: a proportional font's usual widths (Helvetica's,
 * rounded; Times and the Latin of Chinese fonts are close), so that `We` is not taken for as narrow as `il`.
 */
const LATIN_WIDTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/[ijl.,:;!'|]/u, 0.25],
  [/[ftrI()\-[\]‘’]/u, 0.3],
  [/[cksvxyzJ"“”]/u, 0.5],
  [/[mwMW%]/u, 0.85],
  [/\p{Lu}/u, 0.7],
];
/** Any other: lower-case letters, digits. */
const NARROW = 0.55;
/** A space between words takes about this many font sizes. */
const SPACE = 0.25;

/** The width of a Latin letter, digit or mark, in font sizes. */
function latinWidth(ch: string): number {
  for (const [chars, width] of LATIN_WIDTHS) if (chars.test(ch)) return width;
  return NARROW;
}

/**
 * A line ending further than this many font sizes from its edge ended where its paragraph did (a long word,
 * `Internationally,` in a wide font, needs about eight).
 */
const MAX_RAGGED = 8;

/** A line's text, its font size and, when known, the width it takes on the page (points). */
interface SizedText {
  text: string;
  size: number;
  width?: number;
}

/** A line with fewer Latin characters than this does not tell how wide its font sets them. */
const MIN_LATIN_TO_MEASURE = 12;
/** How far a font's Latin may be taken to differ from LATIN_WIDTHS: a condensed face, a wide one. */
const SCALES = { min: 0.8, max: 1.3 };

/**
 * How much wider than LATIN_WIDTHS the font of `line` sets its Latin text, from the width the line takes (its
 * wide characters a font size each): 1 when its width is not known or it holds too little Latin to tell.
 * @example latinScale({ text: 'taken to defuse risks in key areas', size: 10, width: 160 }) // ≈ 1.09
 */
function latinScale(line: SizedText): number {
  if (line.width === undefined) return 1;
  let latin = 0;
  let estimate = 0;
  let wide = 0;
  for (const ch of line.text) {
    if (WIDE.test(ch)) wide++;
    else if (/\s/u.test(ch)) estimate += SPACE;
    else {
      latin++;
      estimate += latinWidth(ch);
    }
  }
  if (latin < MIN_LATIN_TO_MEASURE) return 1;
  return Math.min(SCALES.max, Math.max(SCALES.min, (line.width / line.size - wide) / estimate));
}

/**
 * Whether the first unit of `next` would not have fit in the `room` (points) that `previous` left before its
 * edge: a word after Latin text needs a space before it; Latin is measured as wide as the font of `previous`
 * sets it, when its width is given (`latinScale`). A line that left more than `maxRoom` font sizes is taken to
 * have ended where its paragraph did (by default MAX_RAGGED), whatever comes next.
 * @example wouldNotFit({ text: '…能力明显提高。', size: 10 }, { text: '“平安海拉尔”…', size: 10 }, 18) // true: `“平` takes 20
 */
export function wouldNotFit(previous: SizedText, next: SizedText, room: number, maxRoom = MAX_RAGGED): boolean {
  if (room > maxRoom * previous.size) return false;
  const unit = FIRST_UNIT.exec(next.text)?.[0] ?? '';
  const chinese = /\p{Script=Han}/u.test(next.text);
  const wide = (ch: string): boolean => WIDE.test(ch) || (chinese && CURLY.test(ch));
  // The line before is measured only when the unit has Latin to scale (a character of Chinese is a font size wide).
  const scale = Array.from(unit).every(wide) ? 1 : latinScale(previous);
  let width = /^[\p{Script=Latin}\p{N}]/u.test(unit) && /[\p{Script=Latin}\p{N}.,;:!?%)'’"”]$/u.test(previous.text) ? SPACE * scale * next.size : 0;
  for (const ch of unit) width += (wide(ch) ? 1 : latinWidth(ch) * scale) * next.size;
  return width > room;
}
