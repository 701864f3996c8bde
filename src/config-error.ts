/**
 * The error of a setting that cannot be used: `CONFIG_INVALID`, naming the variable (or option), the value
 * and what is accepted, in English and Chinese. Every bad value of the environment (`config.ts`) and of the
 * server's options gets this one error; an entry point prints both messages and exits before loading anything.
 */
import { CodedError } from './coded-error.js';

/** What a setting accepts, said in both languages (`a whole number of bytes above 0` / `大于 0 的整数字节数`). */
export interface Accepted {
  en: string;
  zh: string;
}

export class ConfigError extends CodedError<'CONFIG_INVALID'> {
  declare readonly zh: string;

  constructor(message: string, zh: string) {
    super('CONFIG_INVALID', message, { zh });
  }
}

/**
 * The error of a variable whose value is not accepted.
 * @example invalidSetting('PORT', 'eighty', { en: 'a number from 0 to 65535', zh: '0 到 65535 之间的数' }).message
 *   // 'PORT must be a number from 0 to 65535 (got "eighty").'
 */
export function invalidSetting(name: string, value: string, accepted: Accepted): ConfigError {
  return new ConfigError(`${name} must be ${accepted.en} (got "${value}").`, `${name} 应为${accepted.zh}（实际为“${value}”）。`);
}

/**
 * The lines an entry point prints for a configuration error: English with the code, then Chinese.
 * @example configErrorLines(invalidSetting('PORT', 'x', accepted)) // 'PORT must be … (got "x"). [CONFIG_INVALID]\nPORT 应为…'
 */
export function configErrorLines(error: ConfigError): string {
  return `${error.message} [${error.code}]\n${error.zh}`;
}
