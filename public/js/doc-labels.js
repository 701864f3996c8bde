/**
 * Labels of reports for the report filter and the chart of matches by report: the year, then the title in the
 * interface language (an English title after its region, which it names only at its end). Two reports can read the same (one report from two sources, as the national reports of the
 * shared corpora are, from a JSON Lines collection and a text file): each of those also names its source file, and
 * a label still shared names the report's id, so that every option and bar says which report it is. Pure: shared by
 * the page's script (`chart.js`) and the server's rendered page (`search-page.ts`).
 */

/**
 * @typedef {{ id: string, year: number | null, title: string, titleEn?: string | null, region?: string, file?: string }} LabelledDoc
 * @typedef {{ text: string, source: string }} DocLabel
 */

/**
 * The label of each report by id, each different from the others: its year and title (`text`), and for a report
 * whose text another report's label has too, what tells them apart (`source`: its file's name, and its id when the
 * file is another's too), else ''.
 * @example docLabels([{ id: 'a', year: 1955, title: '报告', titleEn: 'Report', file: 'x/a.jsonl' }, { id: 'b', year: 1955, title: '报告', titleEn: 'Report', file: 'b.txt' }], 'en').get('a') // { text: '1955 · Report', source: 'a.jsonl' }
 * @param {Iterable<LabelledDoc>} docs
 * @param {string} language `en` for the English titles (where a report has one), else the Chinese
 * @returns {Map<string, DocLabel>}
 */
export function docLabels(docs, language) {
  const list = [...docs];
  const texts = list.map((doc) => {
    const title = language === 'en' && doc.titleEn ? doc.titleEn : doc.title;
    return [doc.year ? String(doc.year) : '', placeFirst(doc, language), title].filter(Boolean).join(' · ');
  });
  const files = apart(texts, (i) => fileName(list[i]?.file ?? ''));
  const ids = apart(
    texts.map((text, i) => `${text}\0${files[i]}`),
    (i) => list[i]?.id ?? '',
  );
  return new Map(list.map((doc, i) => [doc.id, { text: texts[i] ?? doc.id, source: [files[i], ids[i]].filter(Boolean).join(' · ') }]));
}

/**
 * The region to name before a report's English title, in English: the English titles of a region's reports name
 * it at their end (`Report on the Work of the Government of Shandong Province (2025)`), where a label or a hit's
 * title cut to its width loses it, and every province's read `Report on the Work of the Governme…`. Not the
 * nation's (its titles name none), nor a region written in Chinese, nor one the title begins with; nothing in
 * Chinese (a Chinese title begins with its region: `2025年山东省政府工作报告`).
 * @example placeFirst({ region: 'Shandong Province', titleEn: 'Report on the Work of the Government of Shandong Province (2025)' }, 'en') // 'Shandong Province'
 * @example placeFirst({ region: 'China (national)', titleEn: 'Report on the Work of the Government (2025)' }, 'en') // ''
 * @param {{ region?: string | null, titleEn?: string | null }} doc
 * @param {string} language
 */
export function placeFirst(doc, language) {
  const region = doc.region ?? '';
  const title = doc.titleEn ?? '';
  if (language !== 'en' || title === '' || region === '') return '';
  if (/national/iu.test(region) || /[^\u0000-\u024f]/u.test(region)) return '';
  return title.startsWith(region) ? '' : region;
}

/**
 * A label as one line of text: `1955 · Report on the Work of the Government (1955) (gov_reports1954-2022.txt)`.
 * @param {DocLabel} label
 */
export function labelLine(label) {
  return label.source ? `${label.text} (${label.source})` : label.text;
}

/**
 * For each of `keys` that another has too, `more(i)`; '' for the others.
 * @param {string[]} keys
 * @param {(i: number) => string} more
 * @returns {string[]}
 */
function apart(keys, more) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return keys.map((key, i) => ((counts.get(key) ?? 0) > 1 ? more(i) : ''));
}

/**
 * The last part of a path.
 * @example fileName('national-zh/gov_reports1954-2022.txt') // 'gov_reports1954-2022.txt'
 * @param {string} file
 */
function fileName(file) {
  return file.split(/[\\/]/u).pop() ?? file;
}
