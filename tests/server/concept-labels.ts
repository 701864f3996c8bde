/**
 * The interface's words for each term source, each status and the drop control of the "Searched for" line,
 * as public/js/i18n.js has them, written out so a test fails when the page shows another key's text.
 */
export const CONCEPT_LABELS = {
  en: {
    source: { glossary: 'glossary', learned: 'learned', dictionary: 'dictionary', synonym: 'synonym', number: 'number', unit: 'unit', pinyin: 'pinyin', compound: 'compound' },
    untranslated: 'not translated — searched in English only',
    ignored: 'ignored',
    searchedFor: 'Searched for:',
    rankedBy: 'Also ranked by words the best passages share:',
    remove: (en: string) => `Remove “${en}” from the search`,
  },
  zh: {
    source: { glossary: '词表', learned: '学习', dictionary: '词典', synonym: '近义', number: '数字', unit: '单位', pinyin: '拼音', compound: '合成' },
    untranslated: '未找到译名，仅按英文检索',
    ignored: '已忽略',
    searchedFor: '检索内容：',
    rankedBy: '排序还参考了前列段落共有的词：',
    remove: (en: string) => `从检索中去掉“${en}”`,
  },
} as const;
