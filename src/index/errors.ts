/**
 * The errors of the index stage, one catalogue (the Sphinx backend keeps its own, `sphinx/errors.ts`): a saved
 * index that cannot be served (missing, corrupt, stale: it is rebuilt, never served), a writer that holds the
 * index, a write an in-memory backend refuses, and match keys that do not fit their passages.
 */
import { CodedError } from '../coded-error.js';

const INDEX_ERRORS = {
  INDEX_MISSING: { message: 'There is no saved index yet', zh: '尚无已保存的索引' },
  INDEX_CORRUPT: { message: 'The saved index is damaged', zh: '已保存的索引已损坏' },
  INDEX_STALE: { message: 'The saved index does not match the corpus or the analyzer', zh: '已保存的索引与语料或分析器不符' },
  INDEX_BUSY: { message: 'Another process is writing the index', zh: '另一个进程正在写入索引' },
  WRITE_REJECTED: { message: 'The backend refuses this write', zh: '检索后端拒绝这次写入' },
  MATCH_KEYS_MISMATCH: { message: 'The match keys given do not cover the passages', zh: '给出的匹配键与段落数量不符' },
} as const satisfies Record<string, { message: string; zh: string }>;

export type IndexErrorCode = keyof typeof INDEX_ERRORS;

/** An error of the index stage; `zh` is the catalogue's message in Chinese. */
export class IndexError<C extends IndexErrorCode = IndexErrorCode> extends CodedError<C> {
  constructor(code: C, message: string) {
    super(code, message, { zh: INDEX_ERRORS[code].zh });
  }
}

/** A saved index that cannot be used as it is (the caller rebuilds it), or one another writer holds. */
export class IndexStoreError extends IndexError<'INDEX_MISSING' | 'INDEX_CORRUPT' | 'INDEX_STALE' | 'INDEX_BUSY'> {}

/** A write an in-memory backend refuses: a position out of range, or a passage of a document it does not know. */
export class WriteRejectedError extends IndexError<'WRITE_REJECTED'> {
  constructor(message: string) {
    super('WRITE_REJECTED', message);
  }
}
