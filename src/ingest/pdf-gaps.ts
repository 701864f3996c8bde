/**
 * What a gap between two text items on one line of a PDF is, by its width in font sizes: nothing (glyphs
 * that touch), a word space, or the gap between two cells of a table (a tab). Shared by the line builder
 * (`pdf-lines.ts`), the reader of columns (`pdf-columns.ts`) and of justified text (`pdf-justified.ts`).
 */

/** A gap wider than this many font sizes separates cells: a tab (word gaps stay under 1, but for those of
 * justified text in a narrow measure, `pdf-justified.ts`; table columns in real reports are 1.2 apart and more). */
export const CELL_GAP = 1.1;
/** A gap wider than this share of the font size is a word space. */
export const WORD_GAP = 0.2;
