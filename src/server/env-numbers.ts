/**
 * Settings made of whole numbers, read from environment variables: each variable names one field, unset
 * ones keep their defaults, and an error names the variable rather than the field.
 */
import { ConfigError } from './errors.js';

/**
 * Reads `names` (variable → field) from `env` and completes them with `resolve`, which throws a ConfigError
 * naming fields; the message then names the variables. `what` describes a value (`milliseconds`).
 * @example
 * wholeNumbersFromEnv({ PORT_A: '8' }, [['PORT_A', 'a']], (p) => ({ a: 1, ...p }), 'number'); // { a: 8 }
 */
export function wholeNumbersFromEnv<T extends object>(
  env: Record<string, string | undefined>,
  names: ReadonlyArray<readonly [string, keyof T & string]>,
  resolve: (partial: Partial<Record<keyof T, number>>) => T,
  what: string,
): T {
  const partial: Partial<Record<keyof T, number>> = {};
  for (const [name, field] of names) {
    const value = env[name];
    if (value === undefined || value === '') continue;
    if (!/^\d{1,7}$/.test(value)) throw new ConfigError(`${name} must be a whole ${what} (got "${value}").`);
    partial[field] = Number(value);
  }
  try {
    return resolve(partial);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    let message = e.message;
    for (const [name, field] of names) message = message.split(field).join(name);
    throw new ConfigError(message);
  }
}
