/**
 * The cells of a table's rows placed on its grid: a cell spanning columns (`colspan`, Word's `gridSpan`)
 * leaves the columns it covers empty after it, a cell spanning rows (`rowspan`, Word's `vMerge`) leaves its
 * column empty in the rows below, so every row's cells stand under their column's header. The text of a
 * spanning cell is written once, where it starts: nothing is copied. Pure: cells in, rows of texts out.
 */

/** One cell as the markup gives it. */
export interface SpanCell {
  text: string;
  /** Columns it covers (1 when not spanning). */
  colspan: number;
  /** Rows it covers (1 when not spanning; 0: to the end of the rows given, as HTML's rowspan="0"). */
  rowspan: number;
}

/** HTML's caps on spans (the parser clamps larger values to these). */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

function clamp(value: number, max: number, fallback: number): number {
  return Number.isInteger(value) && value >= 0 ? Math.min(value, max) : fallback;
}

/**
 * Each row's texts in its grid columns: empty strings where a cell from a row above still spans, or where
 * a cell to the left spans into the column. A row of cells without spans comes back as its texts.
 * @example placeOnGrid([[{ text: '经济', colspan: 1, rowspan: 2 }, { text: '5.2%', colspan: 1, rowspan: 1 }], [{ text: '3.1%', colspan: 1, rowspan: 1 }]]) // [['经济', '5.2%'], ['', '3.1%']]
 */
export function placeOnGrid(rows: readonly (readonly SpanCell[])[]): string[][] {
  /** For each column, how many more rows a cell from above still covers. */
  const covered: number[] = [];
  return rows.map((cells, r) => {
    const out: string[] = [];
    let column = 0;
    const skipCovered = (): void => {
      while ((covered[column] ?? 0) > 0) out[column++] = '';
    };
    for (const cell of cells) {
      skipCovered();
      const colspan = Math.max(1, clamp(cell.colspan, MAX_COLSPAN, 1));
      const rowspan = clamp(cell.rowspan, MAX_ROWSPAN, 1);
      const down = rowspan === 0 ? rows.length - r : Math.max(1, rowspan);
      for (let k = 0; k < colspan; k++) {
        out[column + k] = k === 0 ? cell.text : '';
        if (down > 1) covered[column + k] = down;
      }
      column += colspan;
    }
    skipCovered();
    for (let c = 0; c < covered.length; c++) if ((covered[c] ?? 0) > 0) covered[c] -= 1;
    return Array.from(out, (text) => text ?? '');
  });
}
