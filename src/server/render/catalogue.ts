/**
 * The interface strings of the server-rendered pages: the page's own table (`public/js/i18n.js`, its
 * `translate`), loaded once, so a string is written in one place for both the script and the server. Which
 * language a request gets: `?lang=zh|en`, else the first of Chinese or English in Accept-Language.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The two interface languages. */
export type UiLang = 'zh' | 'en';

/** `translate(lang, key, vars)`: a string of the page's table with its `{name}` placeholders filled. */
export type Translate = (lang: UiLang, key: string, vars?: Readonly<Record<string, string | number>>) => string;

const loaded = new Map<string, Promise<Translate>>();

/**
 * The `translate` function of `<publicDir>/js/i18n.js`, imported once per folder. Throws (naming the file)
 * when the module has no such function.
 * @example const tr = await loadCatalogue('public'); tr('en', 'outline') // 'Outline'
 */
export function loadCatalogue(publicDir: string): Promise<Translate> {
  const file = path.resolve(publicDir, 'js/i18n.js');
  let found = loaded.get(file);
  if (!found) {
    found = import(pathToFileURL(file).href).then((module: Record<string, unknown>) => {
      const translate = module.translate;
      if (typeof translate !== 'function') throw new Error(`${file} exports no translate(lang, key, vars): the rendered pages take their strings from it.`);
      return (lang: UiLang, key: string, vars: Readonly<Record<string, string | number>> = {}): string => String(translate(lang, key, vars));
    });
    loaded.set(file, found);
  }
  return found;
}

/**
 * The language an address asks for (`?lang=zh|en`, as written), or undefined.
 * @example askedLanguage('en') // 'en'
 */
export function askedLanguage(asked: string | undefined): UiLang | undefined {
  return asked === 'zh' || asked === 'en' ? asked : undefined;
}

/**
 * The other interface language, which a page's language switch leads to.
 * @example otherLanguage('zh') // 'en'
 */
export function otherLanguage(lang: UiLang): UiLang {
  return lang === 'zh' ? 'en' : 'zh';
}

/**
 * The language of a rendered page: `asked` (`?lang=`) when it is `zh` or `en`; else, as the script decides
 * for a first visit, Chinese when the browser's first language (highest in Accept-Language) is Chinese, else
 * English; with no Accept-Language, Chinese (the page's own default).
 * @example pickLanguage(undefined, 'fr;q=0.8,zh-CN') // 'zh'
 */
export function pickLanguage(asked: string | undefined, acceptLanguage: string | undefined): UiLang {
  const named = askedLanguage(asked);
  if (named) return named;
  let first: { tag: string; q: number } | null = null;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...params] = part.trim().toLowerCase().split(';');
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const q = qParam ? Number(qParam.slice(2)) : 1;
    if (tag && Number.isFinite(q) && q > 0 && (!first || q > first.q)) first = { tag, q };
  }
  if (!first) return 'zh';
  return first.tag.startsWith('zh') ? 'zh' : 'en';
}
