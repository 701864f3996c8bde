// @ts-check
// Interface strings in Chinese and English. The choice is remembered (localStorage) and defaults to the
// browser's language. Static text in index.html carries data-i18n="key" (text), data-i18n-placeholder,
// data-i18n-aria-label or data-i18n-title. The server renders its pages with the same table (`translate`),
// so this module must load without a browser: nothing here touches the DOM until a function is called.

const STRINGS = {
  zh: {
    pageTitle: '政府工作报告检索',
    listSeparator: '，',
    brand: '政府工作报告检索',
    tagline: '中英双语全文检索',
    skip: '跳到搜索结果',
    switchTo: 'English',
    switchLabel: 'Switch the interface to English',
    searchLabel: '搜索报告全文',
    searchHeading: '搜索政府工作报告全文',
    placeholder: '输入词语或 "带引号的短语"（按 / 键聚焦）',
    searchButton: '搜索',
    hint: '"引号" 查找完整短语；-词语 排除；OR 任选其一。',
    filtersLabel: '筛选',
    filterRegion: '地区',
    filterDoc: '报告',
    filterYear: '年份',
    filterKind: '类型',
    all: '全部',
    clearFilters: '清除筛选',
    kind_paragraph: '正文',
    kind_heading: '标题',
    kind_table: '表格',
    kind_toc: '目录',
    kind_front: '前言',
    kind_note: '注释',
    loading: '正在搜索…',
    count: '共 {total} 条结果',
    range: '第 {from}–{to} 条，共 {total} 条结果',
    took: '{ms} 毫秒',
    noResults: '没有找到与“{q}”匹配的段落。',
    tryInstead: '试试：',
    didYouMean: '您是不是要找：',
    didYouMeanCount: '（{n} 条）',
    'didYouMean_chinese-near-miss': '报告中相近的词语',
    'didYouMean_region-filter': '按地区筛选写作 region:（如 region:西藏）',
    'didYouMean_not-a-filter': '没有这个筛选条件（可用 year:、doc:、kind:、region:），改为按词查找',
    'didYouMean_chinese-words': '拆成词语查找，各词出现在同一段即可',
    didYouMean_spelling: '拼写更正',
    didYouMean_pinyin: '拼音对应的汉字',
    alsoWritten: '数字换一种写法：',
    asRegion: '作为地区筛选：',
    asRegionTitle: '其余的词只在{region}的报告中查找（报告很少提到自己的地区名）',
    'alsoWritten_in-chinese-numerals': '日期和百分数写作汉字数字',
    'alsoWritten_in-digits': '日期和百分数写作阿拉伯数字',
    withoutQuotes: '去掉引号搜索 {q}',
    anyOfTheWords: '搜索其中任一词语 {q}',
    noResultsHint: '不加空格的中文按完整短语查找，词语之间加空格则分别查找。也可以检查用字，换用更少、更宽泛的词语，或用英文检索中文报告。',
    withoutFilters: '在全部报告中搜索',
    alsoSearched: '同时搜索了：',
    searchedFor: '检索内容：',
    rankedBy: '排序还参考了前列段落共有的词：',
    rankedByHint: '这些词取自最相关的段落，只调整结果顺序，不决定哪些段落匹配',
    source_glossary: '词表',
    source_learned: '学习',
    source_dictionary: '词典',
    sourceHint_glossary: '译名来自政府报告术语表',
    sourceHint_learned: '译名从中英对照报告中学到',
    sourceHint_dictionary: '译名来自 CC-CEDICT 词典',
    source_number: '数字',
    source_pinyin: '拼音',
    source_compound: '合成',
    source_synonym: '近义',
    sourceHint_synonym: '英文近义词（WordNet）的词典译名',
    sourceHint_pinyin: '按拼音对应语料中的地名、人名',
    sourceHint_number: '数字按阿拉伯数字和汉字数字检索',
    source_unit: '单位',
    sourceHint_unit: '计量单位按报告的写法检索（吨、亩、公里）',
    notTranslated: '未找到译名，仅按英文检索',
    ignored: '已忽略',
    removeConcept: '从检索中去掉“{en}”',
    matchedVia: '匹配：',
    readInContext: '阅读上下文',
    sameTextIn: '相同文字也见于',
    foldedNote: '（另有 {n} 段文字相同，已并入）',
    copyCitation: '复制引文',
    copyLink: '复制链接',
    citationCopied: '引文已复制',
    linkCopied: '链接已复制',
    copyFailed: '无法自动复制，请选中后手动复制：',
    citationStyle: '引文格式',
    styleZh: 'GB/T 7714',
    styleEn: 'English',
    chartTitle: '匹配分布（段落数）',
    byYear: '按年份',
    byReport: '按报告',
    barLabel: '{label}：{n} 段，点击筛选',
    trendBarLabel: '{label}。点击筛选该年',
    pagerLabel: '分页',
    prevPage: '上一页',
    nextPage: '下一页',
    pageN: '第 {n} 页',
    pastLastPage: '没有第 {page} 页：结果只有 {last} 页。',
    toLastPage: '回到第 {last} 页',
    pagesN: '第 {from}–{to} 页',
    intro: '输入关键词开始检索，例如：',
    corpusSummary: '检索范围：{n} 份报告{years}，来自 {regions} 个地区。',
    corpusSummaryOneRegion: '检索范围：{n} 份报告{years}。',
    corpusYears: '（{from}–{to} 年）',
    corpusYear: '（{year} 年）',
    errorPrefix: '无法完成搜索：',
    nothingToSearch: '检索式中没有可检索的内容：请输入一个词或一个加引号的短语。',
    unknownRegion: '没有地区为“{region}”的报告：地区以其名称或名称的一部分表示（如 region:广东、region:西藏）。',
    translation: '英文',
    original: '中文',
    backToResults: '← 返回搜索结果',
    newSearch: '← 新的搜索',
    outline: '目录',
    prevPassage: '← 上一段',
    nextPassage: '下一段 →',
    paragraphN: '第 {n} 段',
    loadingDoc: '正在载入报告…',
    passageNotFound: '找不到这个段落（{id}）。',
    permalink: '本段链接',
    docSearchLabel: '在本报告中搜索',
    docSearchPlaceholder: '在本报告中搜索',
    docSearchButton: '搜索',
    docSearchCount: '本报告中有 {total} 段匹配',
    docSearchShown: '本报告中有 {total} 段匹配，显示前 {shown} 段',
    docSearchNone: '本报告中没有与“{q}”匹配的段落。',
    docSearchClear: '清除',
    docSearchMatch: '第 {n} 段',
    citationLabel: '引文',
    applyFilters: '筛选',
    reportsLink: '报告库',
    reportsTitle: '报告库',
    reportsCount: '共 {n} 份报告',
    reportsShown: '{shown} / {n} 份报告',
    reportsTitleFilter: '标题',
    reportsYearFrom: '起始年份',
    reportsYearTo: '截止年份',
    reportsRegion: '地区',
    reportsKind: '类别',
    reportsYear: '年份',
    reportsParagraphs: '段落',
    reportsPages: '页数',
    reportsReport: '报告',
    reportsNone: '没有符合筛选条件的报告。',
    'docType_government work report': '政府工作报告',
    'docType_five-year plan': '五年规划',
    'docType_plan report': '计划报告',
    docType_gazette: '公报',
    docType_resolution: '决议',
    docType_newspaper: '报纸',
    year: '{year} 年',
    viewLabel: '结果视图',
    viewPassages: '段落',
    viewKwic: '语境索引',
    kwicUnavailable: '无法生成语境索引：',
    kwicSortLabel: '排序',
    kwicSort_corpus: '按报告顺序',
    kwicSort_left: '按左侧语境',
    kwicSort_right: '按右侧语境',
    kwicSort_year: '按年份',
    kwicCount: '共出现 {total} 次，显示 {shown} 行',
    kwicCsv: '下载 CSV',
    kwicNone: '“{q}”没有出现。',
    kwicCaption: '“{q}”的每一次出现及其上下文',
    kwicLeft: '左侧语境',
    kwicKeyword: '关键词',
    kwicRight: '右侧语境',
    kwicMore: '再显示 {n} 行',
    trendTitle: '逐年趋势（每万字出现次数）',
    trendMax: '最高 {rate}/万字',
    trendTotal: '（出现 {n} 次）',
    trendPoint: '{q}，{year} 年：出现 {n} 次（{passages} 段），每万字 {rate} 次（全年报告共 {chars} 字）',
    trendNoReports: '{year} 年：没有报告',
    trendRemove: '不再比较“{q}”',
    trendAddLabel: '比较另一个词语',
    trendAddPlaceholder: '比较另一个词语',
    trendAdd: '比较',
    trendAddInvalid: '趋势只比较一个词或短语：请去掉 OR、“-”排除项和邻近运算符（/s、/p、NEAR/n）。',
    delivered: '发布 {date}',
    sortLabel: '排序',
    sort_relevance: '按相关度',
    sort_newest: '最新在前',
    sort_oldest: '最早在前',
    resultsCsv: '下载 CSV',
    csvRange: '第 {from}–{to} 条（共 {total} 条）',
    citationExport: '导出引文',
    citationDownloadAs: '下载 {format} 格式的引文',
    resultsCitations: '导出全部引文',
    resultsCitationsAs: '下载第 {from}–{to} 条结果（共 {total} 条）的 {format} 格式引文',
  },
  en: {
    pageTitle: 'Government Report Search',
    listSeparator: ', ',
    brand: 'Government Report Search',
    tagline: 'Chinese and English full-text search',
    skip: 'Skip to results',
    switchTo: '中文',
    switchLabel: '切换到中文界面',
    searchLabel: 'Search the reports',
    searchHeading: 'Search the full text of government reports',
    placeholder: 'Words or a "quoted phrase" (press / to focus)',
    searchButton: 'Search',
    hint: '"Quotes" find an exact phrase; -word excludes; OR for either.',
    filtersLabel: 'Filters',
    filterRegion: 'Region',
    filterDoc: 'Report',
    filterYear: 'Year',
    filterKind: 'Kind',
    all: 'All',
    clearFilters: 'Clear filters',
    kind_paragraph: 'Paragraph',
    kind_heading: 'Heading',
    kind_table: 'Table',
    kind_toc: 'Contents',
    kind_front: 'Front matter',
    kind_note: 'Note',
    loading: 'Searching…',
    count: '{total} results',
    range: 'Results {from}–{to} of {total}',
    took: '{ms} ms',
    noResults: 'No passage matched “{q}”.',
    tryInstead: 'Try:',
    didYouMean: 'Did you mean:',
    didYouMeanCount: ' ({n} found)',
    'didYouMean_chinese-near-miss': 'A word of the reports one character away',
    'didYouMean_region-filter': 'A region is filtered by region: (region:Tibet)',
    'didYouMean_not-a-filter': 'Not a filter (the filters are year:, doc:, kind:, region:): its value searched as a word',
    'didYouMean_chinese-words': 'Its words apart, each anywhere in the passage',
    didYouMean_spelling: 'Spelling corrected',
    didYouMean_pinyin: 'The Chinese this pinyin spells',
    alsoWritten: 'With the numbers written the other way:',
    asRegion: 'As a region filter:',
    asRegionTitle: "The other words, in {region}'s reports only (a report seldom names its own region)",
    'alsoWritten_in-chinese-numerals': 'Dates and percentages in Chinese numerals',
    'alsoWritten_in-digits': 'Dates and percentages in Arabic digits',
    withoutQuotes: 'search {q} without quotes',
    anyOfTheWords: 'search any of the words {q}',
    noResultsHint: 'Chinese typed without spaces is searched as one exact phrase; put spaces between words to find them apart. Or check the characters, try fewer or more general words; an English query also searches the Chinese text.',
    withoutFilters: 'search all reports',
    alsoSearched: 'Also searched:',
    searchedFor: 'Searched for:',
    rankedBy: 'Also ranked by words the best passages share:',
    rankedByHint: 'Taken from the best passages, these words only reorder the results; they never decide what matches',
    source_glossary: 'glossary',
    source_learned: 'learned',
    source_dictionary: 'dictionary',
    sourceHint_glossary: 'Translation from the report glossary',
    sourceHint_learned: 'Translation learned from the parallel reports',
    sourceHint_dictionary: 'Translation from the CC-CEDICT dictionary',
    source_number: 'number',
    source_pinyin: 'pinyin',
    source_compound: 'compound',
    source_synonym: 'synonym',
    sourceHint_synonym: 'CC-CEDICT translation of an English synonym (WordNet)',
    sourceHint_pinyin: 'A name in pinyin, matched to words of the reports that sound so',
    sourceHint_number: 'A number, searched in digits and in Chinese numerals',
    source_unit: 'unit',
    sourceHint_unit: 'A unit of measure, searched as reports write it (吨, 亩, 公里)',
    notTranslated: 'not translated — searched in English only',
    ignored: 'ignored',
    removeConcept: 'Remove “{en}” from the search',
    matchedVia: 'Matched:',
    readInContext: 'Read in context',
    sameTextIn: 'Same text also in',
    foldedNote: ' ({n} of the same text folded in)',
    copyCitation: 'Copy citation',
    copyLink: 'Copy link',
    citationCopied: 'Citation copied',
    linkCopied: 'Link copied',
    copyFailed: 'Could not copy automatically; select and copy:',
    citationStyle: 'Cite as',
    styleZh: 'GB/T 7714',
    styleEn: 'English',
    chartTitle: 'Where it occurs (passages)',
    byYear: 'By year',
    byReport: 'By report',
    barLabel: '{label}: {n} passages, select to filter',
    trendBarLabel: '{label}. Select to filter to that year',
    pagerLabel: 'Pages',
    prevPage: 'Previous',
    nextPage: 'Next',
    pageN: 'Page {n}',
    pastLastPage: 'There is no page {page}: the results end on page {last}.',
    toLastPage: 'Go to page {last}',
    pagesN: 'Pages {from}–{to}',
    intro: 'Type to search, for example:',
    corpusSummary: 'Searching {n} reports{years} from {regions} regions.',
    corpusSummaryOneRegion: 'Searching {n} reports{years}.',
    corpusYears: ' ({from}–{to})',
    corpusYear: ' ({year})',
    errorPrefix: 'The search failed:',
    nothingToSearch: 'The query has nothing to search for: type a word or a "quoted phrase".',
    unknownRegion: 'No report is from a region named “{region}”: name a region by its name or part of it (region:Guangdong, region:Tibet).',
    translation: 'English',
    original: 'Chinese',
    backToResults: '← Back to results',
    newSearch: '← New search',
    outline: 'Outline',
    prevPassage: '← Previous',
    nextPassage: 'Next →',
    paragraphN: 'Paragraph {n}',
    loadingDoc: 'Loading the report…',
    passageNotFound: 'There is no passage {id}.',
    permalink: 'Link to this passage',
    docSearchLabel: 'Search this report',
    docSearchPlaceholder: 'Search this report',
    docSearchButton: 'Search',
    docSearchCount: '{total} passages of this report match',
    docSearchShown: '{total} passages of this report match; the first {shown} are listed',
    docSearchNone: 'No passage of this report matches “{q}”.',
    docSearchClear: 'Clear',
    docSearchMatch: 'Paragraph {n}',
    citationLabel: 'Citation',
    applyFilters: 'Filter',
    reportsLink: 'Reports',
    reportsTitle: 'Library of reports',
    reportsCount: '{n} reports',
    reportsShown: '{shown} of {n} reports',
    reportsTitleFilter: 'Title',
    reportsYearFrom: 'From year',
    reportsYearTo: 'To year',
    reportsRegion: 'Region',
    reportsKind: 'Kind',
    reportsYear: 'Year',
    reportsParagraphs: 'Paragraphs',
    reportsPages: 'Pages',
    reportsReport: 'Report',
    reportsNone: 'No report fits these filters.',
    'docType_government work report': 'Government work report',
    'docType_five-year plan': 'Five-year plan',
    'docType_plan report': 'Plan report',
    docType_gazette: 'Gazette',
    docType_resolution: 'Resolution',
    docType_newspaper: 'Newspaper',
    year: '{year}',
    viewLabel: 'Results view',
    viewPassages: 'Passages',
    viewKwic: 'Concordance',
    kwicUnavailable: 'No concordance for this query:',
    kwicSortLabel: 'Sort',
    kwicSort_corpus: 'Report order',
    kwicSort_left: 'Left context',
    kwicSort_right: 'Right context',
    kwicSort_year: 'Year',
    kwicCount: '{total} occurrences, {shown} lines shown',
    kwicCsv: 'Download CSV',
    kwicNone: '“{q}” does not occur.',
    kwicCaption: 'Every occurrence of “{q}” in context',
    kwicLeft: 'Before',
    kwicKeyword: 'Keyword',
    kwicRight: 'After',
    kwicMore: 'Show {n} more lines',
    trendTitle: 'Trend by year (per 10,000 characters)',
    trendMax: 'top {rate} per 10,000',
    trendTotal: ' ({n} occurrences)',
    trendPoint: '{q}, {year}: {n} occurrences in {passages} passages, {rate} per 10,000 characters ({chars} characters of reports)',
    trendNoReports: '{year}: no reports',
    trendRemove: 'Stop comparing “{q}”',
    trendAddLabel: 'Compare another phrase',
    trendAddPlaceholder: 'Compare another phrase',
    trendAdd: 'Compare',
    trendAddInvalid: 'A trend compares one word or phrase: remove OR, -exclusions and proximity operators (/s, /p, NEAR/n).',
    delivered: 'delivered {date}',
    sortLabel: 'Sort',
    sort_relevance: 'Relevance',
    sort_newest: 'Newest first',
    sort_oldest: 'Oldest first',
    resultsCsv: 'CSV',
    csvRange: '{from}–{to} of {total}',
    citationExport: 'Export citation',
    citationDownloadAs: 'Download the citation as {format}',
    resultsCitations: 'Citations',
    resultsCitationsAs: 'Download the citations of results {from}–{to} of {total} as {format}',
  },
};

const KEY = 'lang';
/** @type {'zh' | 'en'} */
let current = initialLang();

/**
 * `?lang=zh|en` in the address (the server renders that language too), else the remembered choice, else the browser's.
 * @returns {'zh' | 'en'}
 */
function initialLang() {
  const asked = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('lang');
  if (asked === 'zh' || asked === 'en') return asked;
  let saved = null;
  try {
    saved = localStorage.getItem(KEY);
  } catch {
    saved = null;
  }
  if (saved === 'zh' || saved === 'en') return saved;
  if (typeof navigator === 'undefined') return 'zh';
  const browser = (navigator.languages && navigator.languages[0]) || navigator.language || 'en';
  return browser.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** The interface language, `zh` or `en`. */
export function lang() {
  return current;
}

/**
 * Sets and remembers the interface language.
 * @example setLang('en')
 * @param {string} value `zh`, else English
 */
export function setLang(value) {
  current = value === 'zh' ? 'zh' : 'en';
  try {
    localStorage.setItem(KEY, current);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
}

/**
 * The string for `key` in the current language, `{name}` placeholders filled from `vars`.
 * @example t('count', { total: 3 }) // '3 results'
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function t(key, vars = {}) {
  return translate(current, key, vars);
}

/**
 * The string for `key` in `language` (`zh` or `en`), `{name}` placeholders filled from `vars`; what `t` and
 * the server's rendered pages both use.
 * @example translate('zh', 'count', { total: 3 }) // '共 3 条结果'
 * @param {string} language
 * @param {string} key
 * @param {Record<string, string | number>} [vars]
 */
export function translate(language, key, vars = {}) {
  /** @type {Record<string, string>} */
  const strings = STRINGS[language === 'zh' ? 'zh' : 'en'];
  /** @type {Record<string, string>} */
  const english = STRINGS.en;
  const template = strings[key] ?? english[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (_, name) => (name in vars ? String(vars[name]) : `{${name}}`));
}

/**
 * The language of a piece of text for its `lang` attribute: `zh-CN` when it has Han characters, else `en`.
 * @example textLang('乡村振兴') // 'zh-CN'
 * @param {string} text
 */
export function textLang(text) {
  return /\p{Script=Han}/u.test(text) ? 'zh-CN' : 'en';
}

/**
 * Number formatted for the interface language.
 * @example num(12345) // '12,345'
 * @param {number | string} n
 */
export function num(n) {
  return Number(n).toLocaleString(current === 'zh' ? 'zh-CN' : 'en');
}

/** Fills the static texts of `root` and sets the document's language and title. */
export function applyStatic(root = document) {
  document.documentElement.lang = current === 'zh' ? 'zh-CN' : 'en';
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.getAttribute('data-i18n') ?? '');
  for (const node of root.querySelectorAll('input[data-i18n-placeholder]')) {
    /** @type {HTMLInputElement} */ (node).placeholder = t(node.getAttribute('data-i18n-placeholder') ?? '');
  }
  for (const node of root.querySelectorAll('[data-i18n-aria-label]')) {
    node.setAttribute('aria-label', t(node.getAttribute('data-i18n-aria-label') ?? ''));
  }
}
