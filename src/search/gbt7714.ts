/**
 * Entries of a reference list as GB/T 7714-2015 (信息与文献 参考文献著录规则) writes them, for the three
 * kinds of source a government report comes in: a report (`[R]`), an article in a gazette issue (`[J]`) and a
 * newspaper article (`[N]`), each online (`/OL`, with the access date and the address) or not. Pure
 * formatting: what goes in each element is decided by the caller (`citation.ts`).
 */

/** One source, in the elements the standard names. Absent elements are left out with their punctuation. */
export interface GbtEntry {
  /** 主要责任者; more than three: the first three and `等`. */
  authors: string[];
  /** 题名, with its 其他题名信息 (subtitle) after `: ` when given. */
  title: string;
  subtitle?: string;
  /** 文献类型标识: R report, J journal (gazette) article, N newspaper article. */
  type: 'R' | 'J' | 'N';
  /** [R]: 出版地, 出版者, 出版年. */
  place?: string;
  publisher?: string;
  year?: number | string;
  /** [J]: 刊名, 年, 卷(期). [N]: 报纸名. */
  container?: string;
  volume?: string;
  issue?: string;
  /** [N]: 出版日期 (`2000-11-20`) and 版次. */
  date?: string;
  edition?: string;
  /** 引文页码 (`6-12`), or another locator in its place (for [N], after the 版次: a paragraph). */
  pages?: string;
  /** Online: 更新或修改日期, 引用日期 (`YYYY-MM-DD`) and 获取和访问路径. */
  updated?: string;
  accessed?: string;
  url?: string;
}

const MAX_AUTHORS = 3;

/** 主要责任者: up to three names joined by `, `, then `等`. */
function authorsOf(authors: readonly string[]): string {
  if (authors.length <= MAX_AUTHORS) return authors.join(', ');
  return `${authors.slice(0, MAX_AUTHORS).join(', ')}, 等`;
}

/** The publication element after the title: 出版项 for [R], 连续出版物 for [J], 报纸 for [N]. */
function publication(entry: GbtEntry): string {
  const pages = entry.pages ? `: ${entry.pages}` : '';
  if (entry.type === 'J') {
    const volume = `${entry.volume ?? ''}${entry.issue ? `(${entry.issue})` : ''}`;
    const yearVolume = [entry.year, volume].filter((p) => p !== undefined && p !== '').join(entry.volume ? ', ' : '');
    return [entry.container, yearVolume].filter((p) => p).join(', ') + pages;
  }
  if (entry.type === 'N') {
    const date = `${entry.date ?? ''}${entry.edition ? `(${entry.edition})` : ''}`;
    return [entry.container, date].filter((p) => p).join(', ') + pages;
  }
  const where = entry.place || entry.publisher ? `${entry.place ?? '[出版地不详]'}: ${entry.publisher ?? '[出版者不详]'}` : '';
  const year = entry.year !== undefined ? String(entry.year) : '';
  return [where, year].filter((p) => p).join(', ') + (where || year ? pages : '');
}

/**
 * One entry, GB/T 7714-2015.
 * @example formatGbt({ authors: ['李炳穆'], title: '韩国图书馆法', type: 'J', container: '图书情报工作', year: 2008, volume: '52', issue: '6', pages: '6-12' })
 * // → '李炳穆. 韩国图书馆法[J]. 图书情报工作, 2008, 52(6): 6-12.'
 */
export function formatGbt(entry: GbtEntry): string {
  const online = entry.url !== undefined;
  const title = entry.subtitle ? `${entry.title}: ${entry.subtitle}` : entry.title;
  const head = [authorsOf(entry.authors), `${title}[${entry.type}${online ? '/OL' : ''}]`].filter((p) => p).join('. ');
  const dates = online ? `${entry.updated ? `(${entry.updated})` : ''}${entry.accessed ? `[${entry.accessed}]` : ''}` : '';
  const published = publication(entry);
  let text = published ? `${head}. ${published}${dates}` : `${head}.${dates ? ` ${dates}` : ''}`;
  if (online) text += `. ${entry.url}`;
  return /[.?!。？！]$/u.test(text) ? text : `${text}.`;
}
