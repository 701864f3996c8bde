/**
 * Settings made of whole numbers, read from environment variables: each variable names one field, unset
 * ones keep their defaults, and an error names the variable rather than the field.
 */
import { ConfigError, invalidSetting } from '../config-error.js';

/**
 * Reads `names` (variable → field) from `env` and completes them with `resolve`, which throws a ConfigError
 * naming fields; the messages then name the variables. `what` describes a value in both languages.
 * @example
 * wholeNumbersFromEnv({ PORT_A: '8' }, [['PORT_A', 'a']], (p) => ({ a: 1, ...p }), { en: 'number', zh: '数' }); // { a: 8 }
 */
export function wholeNumbersFromEnv<T extends object>(
  env: Record<string, string | undefined>,
  names: ReadonlyArray<readonly [string, keyof T & string]>,
  resolve: (partial: Partial<Record<keyof T, number>>) => T,
  what: { en: string; zh: string },
): T {
  const partial: Partial<Record<keyof T, number>> = {};
  for (const [name, field] of names) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^\d{1,7}$/.test(value)) throw invalidSetting(name, value, { en: `a whole ${what.en}`, zh: `整${what.zh}` });
    partial[field] = Number(value);
  }
  try {
    return resolve(partial);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    const rename = (text: string): string => names.reduce((out, [name, field]) => out.split(field).join(name), text);
    throw new ConfigError(rename(e.message), rename(e.zh));
  }
}
