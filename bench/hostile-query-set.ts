/**
 * Queries built to hurt a parser or planner: each a function of `n` repetitions of its unit, about 500
 * characters long (the API's limit) at the `n` given. Shared by the counted-work test
 * (tests/reliability/hostile-queries.test.ts) and the timings of `npm run bench:hostile`.
 */

/** Name → [query of `n` units, the `n` for ~500 characters]. */
export const ADVERSARIAL_QUERIES: Readonly<Record<string, [(n: number) => string, number]>> = {
  'quotes': [(n) => '"'.repeat(n), 500],
  'corner quotes': [(n) => '「'.repeat(n), 500],
  'nested quotes': [(n) => `${'「'.repeat(n)}${'」'.repeat(n)}`, 250],
  'unclosed phrases': [(n) => '"发展'.repeat(n), 166],
  'minus signs': [(n) => '-'.repeat(n), 500],
  'ORs': [(n) => 'OR '.repeat(n), 166],
  'alternatives': [(n) => '西藏 OR '.repeat(n), 62],
  'bars': [(n) => '| '.repeat(n), 250],
  'one Latin letter': [(n) => 'a'.repeat(n), 500],
  'one Han character': [(n) => '西'.repeat(n), 500],
  'one word repeated': [(n) => '发展'.repeat(n), 250],
  'combining marks': [(n) => `e${'\u0301'.repeat(n - 1)}`, 500],
  'emoji': [(n) => '😀'.repeat(n), 500],
  'Tibetan': [(n) => 'བོད་'.repeat(n), 125],
  'filters': [(n) => 'year:2024 '.repeat(n), 50],
  'excluded phrases': [(n) => '-"a" '.repeat(n), 100],
  'English words': [(n) => 'development '.repeat(n), 41],
  'mixed operators': [(n) => '西藏 OR "高质量" -发展 '.repeat(n), 25],
};
