/**
 * The one base of every coded error: a stable `code` (from its stage's catalogue), a message in English
 * and, where the catalogue has one, in Chinese (`zh`), and a `hint` saying how to fix it. Each stage keeps
 * its own catalogue (ingest, index, search, server, configuration) and subclasses this; the server maps a
 * code to an HTTP status in one table (`server/status-table.ts`).
 */

/** A coded error's messages in both languages. */
export interface Messages {
  en: string;
  zh: string;
}

export class CodedError<C extends string = string> extends Error {
  readonly code: C;
  /** The message in Chinese, when the stage's catalogue has one. */
  readonly zh: string | undefined;
  /** How to fix it, when the catalogue says. */
  readonly hint: string | undefined;

  constructor(code: C, message: string, options: { zh?: string; hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.zh = options.zh;
    this.hint = options.hint;
  }
}
