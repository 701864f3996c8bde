/**
 * cheerio, loaded when the first page is rendered rather than at every start of the server (about a third of
 * a second of module loading that a search answered through the API never needs).
 */
type Cheerio = typeof import('cheerio');

let loading: Promise<Cheerio> | undefined;

/**
 * The cheerio module, imported on first call.
 * @example const $ = (await cheerio()).load('<p>x</p>')
 */
export function cheerio(): Promise<Cheerio> {
  loading ??= import('cheerio');
  return loading;
}
