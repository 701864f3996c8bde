/**
 * Which column of an aligned Chinese-English table holds what: the Chinese, the English, and optionally the
 * paragraph number, the order of a sentence in its paragraph and the report year. Columns are found by their
 * header names (`COLUMN_NAMES`, compared without case, spaces or punctuation), else the Chinese and the
 * English by their content: the column whose cells are mostly Han text, and the one mostly Latin. A table
 * whose first row does not name its columns and reads like data has no header row. Pure.
 */

/** The columns an aligned table may have; `zh` and `en` are required. */
export type ColumnRole = 'zh' | 'en' | 'paragraph' | 'order' | 'year';

/**
 * The header names of each column, as compared (lowercase, no spaces or punctuation). The shared parallel
 * CSVs name theirs 报告年份, 年度文件内行号, 段内对齐序号, 中文, 英文. `原文`/`译文` (source/translation) say no language:
 * they are taken as Chinese and English, and swapped when their content says the other way round.
 */
export const COLUMN_NAMES: Readonly<Record<ColumnRole, readonly string[]>> = {
  zh: ['中文', '汉语', '汉文', '简体中文', '中文原文', '中文文本', '原文', '源文', 'chinese', 'chinesetext', 'zh', 'zhcn', 'zhhans', 'cn', 'source'],
  en: ['英文', '英语', '英译', '英文译文', '英文翻译', '英文文本', '译文', 'english', 'englishtext', 'en', 'enus', 'engb', 'translation', 'target'],
  paragraph: ['年度文件内行号', '段落', '段', '段号', '段落号', '段落编号', '段序', 'paragraph', 'para', 'paragraphno', 'parano', 'no', '编号', '序号'],
  order: ['段内对齐序号', '段内序号', '句序', '句子序号', '句序号', 'order', 'sentence', 'sentenceno', 'sent'],
  year: ['报告年份', '年份', '年度', '年', 'year'],
};

/** Where each column is (0-based), and whether the first row is a header. */
export interface AlignedColumns {
  header: boolean;
  zh: number;
  en: number;
  paragraph: number | null;
  order: number | null;
  year: number | null;
  /** The header cells as written ('' for a table without a header row), for messages. */
  names: string[];
}

/** Why a table is not an aligned table. */
export interface ColumnProblem {
  problem: string;
}

/**
 * A header cell as compared: NFKC, lowercase, without spaces and punctuation.
 * @example headerKey(' Chinese Text ') // 'chinesetext'
 * @example headerKey('ZH-CN') // 'zhcn'
 */
export function headerKey(cell: string): string {
  return cell.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]/gu, '');
}

const HAN = /\p{Script=Han}/gu;
const LATIN = /\p{Script=Latin}/gu;

/**
 * The script a cell is written in: `zh` when it has Han characters and at least a third as many as Latin
 * letters (`2025年GDP增长5%` is Chinese, an English sentence quoting `乡村振兴` is not), `en` for Latin letters
 * without so many Han, null for neither (numbers, blanks).
 * @example cellScript('推动高质量发展。') // 'zh'
 * @example cellScript('We will pursue high-quality development.') // 'en'
 */
export function cellScript(cell: string): 'zh' | 'en' | null {
  const han = cell.match(HAN)?.length ?? 0;
  const latin = cell.match(LATIN)?.length ?? 0;
  if (han > 0 && han * 3 >= latin) return 'zh';
  return latin > 0 ? 'en' : null;
}

/** Share of a column's non-empty cells written in each script. */
interface ColumnScripts {
  zh: number;
  en: number;
}

function columnScripts(rows: readonly (readonly string[])[], column: number): ColumnScripts {
  let filled = 0;
  const counts = { zh: 0, en: 0 };
  for (const row of rows) {
    const cell = (row[column] ?? '').trim();
    if (cell === '') continue;
    filled += 1;
    const script = cellScript(cell);
    if (script) counts[script] += 1;
  }
  return filled === 0 ? { zh: 0, en: 0 } : { zh: counts.zh / filled, en: counts.en / filled };
}

/** A column is of a script when at least this share of its non-empty cells is. */
const MOSTLY = 0.5;

/** The leftmost column whose header is one of the role's names, else null. */
function namedColumn(keys: readonly string[], role: ColumnRole, taken: ReadonlySet<number>): number | null {
  const i = keys.findIndex((key, at) => !taken.has(at) && COLUMN_NAMES[role].includes(key));
  return i < 0 ? null : i;
}

/** The free column most written in `script` (at least `MOSTLY`), leftmost on a tie; null when none is. */
function columnOfScript(scripts: readonly ColumnScripts[], script: 'zh' | 'en', taken: ReadonlySet<number>): number | null {
  let best: number | null = null;
  scripts.forEach((s, i) => {
    if (taken.has(i) || s[script] < MOSTLY) return;
    if (best === null || s[script] > scripts[best][script]) best = i;
  });
  return best;
}

/** True when the row's cells in the two columns read as Chinese and English. */
function readsAsData(row: readonly string[], zh: number, en: number): boolean {
  return cellScript(row[zh] ?? '') === 'zh' && cellScript(row[en] ?? '') === 'en';
}

/** The Chinese and English columns of a headed table: by name, checked (and swapped) by content, else by content. */
function textColumns(keys: readonly string[], scripts: readonly ColumnScripts[], taken: ReadonlySet<number>): { zh: number | null; en: number | null } {
  let zh = namedColumn(keys, 'zh', taken);
  let en = namedColumn(keys, 'en', taken);
  const fits = (column: number | null, script: 'zh' | 'en'): boolean => column !== null && scripts[column][script] >= MOSTLY;
  // 原文/译文 of a translation from English: the named columns hold each other's language.
  if (zh !== null && en !== null && !fits(zh, 'zh') && !fits(en, 'en') && fits(zh, 'en') && fits(en, 'zh')) [zh, en] = [en, zh];
  if (!fits(zh, 'zh')) zh = null;
  if (!fits(en, 'en')) en = null;
  const others = new Set([...taken, ...[zh, en].filter((c): c is number => c !== null)]);
  zh ??= columnOfScript(scripts, 'zh', others);
  if (zh !== null) others.add(zh);
  en ??= columnOfScript(scripts, 'en', others);
  return { zh, en };
}

/** The first row, each cell cut short, for a message: `first row: 中文 | 英文`. */
function firstRow(first: readonly string[]): string {
  const cells = first.map((c) => {
    const cell = c.trim().replace(/\s+/g, ' ');
    return cell === '' ? '(blank)' : cell.length > 24 ? `${cell.slice(0, 24)}…` : cell;
  });
  return `first row: ${cells.join(' | ')}`;
}

/**
 * Find the columns of an aligned table from its rows (the first row may be a header). A problem names what is
 * missing when no column is mostly Chinese or none mostly English.
 * @example recognizeColumns([['中文', '英文'], ['推动发展。', 'We will pursue development.']]) // { header: true, zh: 0, en: 1, paragraph: null, order: null, year: null, names: ['中文', '英文'] }
 * @example recognizeColumns([['We will pursue development.', '推动发展。']]).zh // 1
 */
export function recognizeColumns(rows: readonly (readonly string[])[]): AlignedColumns | ColumnProblem {
  const first = rows[0] ?? [];
  const keys = first.map(headerKey);
  const named = keys.some((key) => Object.values(COLUMN_NAMES).some((names) => names.includes(key)));
  const width = rows.reduce((most, row) => Math.max(most, row.length), 0);
  const body = rows.slice(1);
  if (named && body.length === 0) return { problem: `a header row and no rows of text (${firstRow(first)})` };
  const scripts = Array.from({ length: width }, (_, i) => columnScripts(body.length > 0 ? body : rows, i));
  if (!named) {
    // No known name: the Chinese and English columns by content; the first row is a header unless it reads as data.
    const zh = columnOfScript(scripts, 'zh', new Set());
    const en = columnOfScript(scripts, 'en', new Set(zh === null ? [] : [zh]));
    if (zh === null || en === null) return missing(zh, en, firstRow(first));
    const header = body.length > 0 && !readsAsData(first, zh, en);
    return { header, zh, en, paragraph: null, order: null, year: null, names: header ? [...first] : [] };
  }
  // The roles' names do not overlap, so each of these columns is found once.
  const [paragraph, order, year] = (['paragraph', 'order', 'year'] as const).map((role) => namedColumn(keys, role, new Set()));
  const taken = new Set([paragraph, order, year].filter((c): c is number => c !== null));
  const { zh, en } = textColumns(keys, scripts, taken);
  if (zh === null || en === null) return missing(zh, en, firstRow(first));
  return { header: true, zh, en, paragraph, order, year, names: [...first] };
}

function missing(zh: number | null, en: number | null, first: string): ColumnProblem {
  const what = zh === null && en === null ? 'no column of Chinese text and none of English' : zh === null ? 'no column of Chinese text' : 'no column of English text';
  return { problem: `${what} (${first})` };
}
