/**
 * The catalogue of ingestion errors. Every error the ingest stage throws is an `IngestError` with a code
 * from this table, a message that names the problem and a hint that says how to fix it, each in English and
 * Chinese (`zh`, `hintZh`: written for an operator who reads Chinese). The corpus loader
 * turns most of them into `IngestWarning`s and goes on with the next file.
 */
import { CodedError } from '../coded-error.js';

/** What went wrong, and the fix to suggest, in English and Chinese. */
const CATALOGUE = {
  INGEST_EMPTY: {
    message: 'the file is empty (or only whitespace)',
    hint: 'remove it or put the report text in it',
    zh: '文件为空（或只有空白字符）',
    hintZh: '删除该文件，或在其中放入报告正文',
  },
  INGEST_BINARY: {
    message: 'the file looks binary (NUL bytes or many control characters), not text',
    hint: 'export the report as UTF-8 text (.txt), .html or .docx; UTF-16 text needs a byte order mark',
    zh: '文件看起来是二进制文件（含 NUL 字节或大量控制字符），不是文本',
    hintZh: '请将报告导出为 UTF-8 编码的文本（.txt）、.html 或 .docx；UTF-16 编码的文本须带字节顺序标记（BOM）',
  },
  INGEST_ENCODING_INVALID: {
    message: 'the bytes are neither valid UTF-8 (with or without BOM), UTF-16 with BOM, Big5 nor GB18030/GBK',
    hint: 're-save the file as UTF-8',
    zh: '文件的字节既不是有效的 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16、Big5，也不是 GB18030/GBK 编码',
    hintZh: '请将文件另存为 UTF-8 编码',
  },
  INGEST_CHARSET_MISMATCH: {
    message: 'the declared charset does not fit the bytes; the bytes were decoded by detection instead',
    hint: 'fix the <meta charset> declaration of the page',
    zh: '页面声明的字符集与实际字节不符；已改按检测出的编码解码',
    hintZh: '请修正页面的 <meta charset> 声明',
  },
  INGEST_UNKNOWN_EXTENSION: {
    message: 'no reader for this file extension',
    hint: 'convert it to .txt, .html, .docx, .pdf, an aligned Chinese-English .csv, .tsv or .xlsx, or .jsonl, or move it out of the corpus folder',
    zh: '没有能读取这种文件扩展名的读取器',
    hintZh: '请将其转换为 .txt、.html、.docx、.pdf、中英对齐的 .csv、.tsv 或 .xlsx，或 .jsonl，或将其移出语料文件夹',
  },
  INGEST_TOO_LARGE: {
    message: 'the file is larger than the configured limit',
    hint: 'split it or raise maxFileBytes',
    zh: '文件超过了配置的大小上限',
    hintZh: '请拆分该文件，或调高 maxFileBytes',
  },
  INGEST_NOT_ZIP: {
    message: 'the .docx file is not a zip archive (a .docx is a zip of XML parts)',
    hint: 'open it in Word or LibreOffice and save it again as .docx (an old .doc renamed to .docx fails like this)',
    zh: '该 .docx 文件不是 zip 压缩包（.docx 是由 XML 部件组成的 zip 包）',
    hintZh: '请用 Word 或 LibreOffice 打开，重新另存为 .docx（旧版 .doc 直接改名为 .docx 就会出现此错误）',
  },
  INGEST_DOCX_TRUNCATED: {
    message: 'the .docx zip archive is truncated (no end-of-central-directory record)',
    hint: 'download or copy the file again',
    zh: '该 .docx 的 zip 压缩包不完整（缺少中央目录结束记录）',
    hintZh: '请重新下载或复制该文件',
  },
  INGEST_ZIP_BOMB: {
    message: 'the .docx zip archive holds (or declares) too much uncompressed data or too many entries',
    hint: 'check the file; if it is genuine, raise maxUncompressedBytes / maxCompressionRatio / maxZipEntries',
    zh: '该 .docx 的 zip 压缩包含有（或声明）过多的解压后数据或过多的条目',
    hintZh: '请检查该文件；如确为正常文件，请调高 maxUncompressedBytes / maxCompressionRatio / maxZipEntries',
  },
  INGEST_DOCX_INVALID: {
    message: 'the .docx file could not be converted',
    hint: 'open it in Word or LibreOffice and save it again as .docx',
    zh: '无法转换该 .docx 文件',
    hintZh: '请用 Word 或 LibreOffice 打开，重新另存为 .docx',
  },
  INGEST_DOC_INVALID: {
    message: 'the file is no Word 97–2003 document (.doc, .wps) that could be read',
    hint: 'open it in Word, WPS or LibreOffice and save it again as .docx',
    zh: '该文件不是可读取的 Word 97–2003 文档（.doc、.wps）',
    hintZh: '请用 Word、WPS 或 LibreOffice 打开，重新另存为 .docx',
  },
  INGEST_CSV_INVALID: {
    message: 'the .csv or .tsv file is not a parallel corpus table',
    hint:
      'an aligned table needs a column of Chinese text and a column of its English translation, one aligned sentence or paragraph a row ' +
      '(headed 中文 and 英文, Chinese and English, zh and en, 原文 and 译文, or with no header row); optional columns: 段落 or paragraph ' +
      '(rows of one paragraph are joined), 段内对齐序号 or order, 报告年份 or year. Save it as CSV or tab-separated text (UTF-8, UTF-16 or GBK), ' +
      'or move a table that is not a report out of the corpus folder',
    zh: '该 .csv 或 .tsv 文件不是平行语料表',
    hintZh:
      '对齐表须有一列中文和一列对应的英文译文，每行一句或一段对齐的文字（列名为 中文 和 英文、Chinese 和 English、zh 和 en、原文 和 译文，或不设表头行）；' +
      '可选的列：段落 或 paragraph（同一段落的各行合为一段）、段内对齐序号 或 order、报告年份 或 year。请存为 CSV 或以制表符分隔的文本（UTF-8、UTF-16 或 GBK 编码），' +
      '不是报告的表格请移出语料文件夹',
  },
  INGEST_XLSX_INVALID: {
    message: 'the .xlsx workbook could not be read',
    hint: 'open it in Excel, WPS or LibreOffice and save it again as .xlsx, or save its sheet as CSV',
    zh: '无法读取该 .xlsx 工作簿',
    hintZh: '请用 Excel、WPS 或 LibreOffice 打开，重新另存为 .xlsx，或将其工作表另存为 CSV',
  },
  INGEST_XLSX_NOT_ALIGNED: {
    message: 'the .xlsx workbook is not an aligned Chinese-English table, the only spreadsheet read',
    hint:
      'put the aligned table in the first worksheet: a column of Chinese text and a column of its English translation, one sentence or paragraph a row ' +
      '(headed 中文 and 英文, Chinese and English, or with no header row); a spreadsheet that is not a report does not belong in the corpus folder',
    zh: '该 .xlsx 工作簿不是中英对齐表，而工作簿只按对齐表读取',
    hintZh:
      '请将对齐表放在第一个工作表中：一列中文和一列对应的英文译文，每行一句或一段（列名为 中文 和 英文、Chinese 和 English，或不设表头行）；' +
      '不是报告的表格不应放在语料文件夹中',
  },
  INGEST_JSONL_INVALID: {
    message: 'the .jsonl file has no valid record',
    hint: 'expected one JSON object {title, url, content, year} a line',
    zh: '该 .jsonl 文件中没有一条有效记录',
    hintZh: '应为每行一个 JSON 对象 {title, url, content, year}',
  },
  INGEST_RECORD_INVALID: {
    message: 'a record of a collection file is malformed and was skipped',
    hint: 'fix or remove the record',
    zh: '合集文件中有一条记录格式有误，已跳过',
    hintZh: '请修正或删除该记录',
  },
  INGEST_HTML_TOO_DEEP: {
    message: 'the page nests its elements too deeply to parse',
    hint: 'open it in a browser and save it again, or export its text to .txt; a real report page nests a few dozen levels',
    zh: '页面元素嵌套过深，无法解析',
    hintZh: '请在浏览器中打开并重新保存，或将其文字导出为 .txt；真实的报告页面只嵌套几十层',
  },
  INGEST_HTML_TEXT_DROPPED: {
    message: 'text of the page was left out as page furniture (header, footer, navigation)',
    hint: 'if this is report text, move it out of that element (or into the article element) and ingest again',
    zh: '页面中有文字被当作页面框架（页眉、页脚、导航）而未收录',
    hintZh: '如果这是报告正文，请将其移出该元素（或移入 article 元素）后重新导入',
  },
  INGEST_SYMLINK_OUTSIDE: {
    message: 'a symbolic link points outside the corpus folders and was not followed',
    hint: 'copy the file into the corpus folder, or add the folder it points into to CORPUS_DIR',
    zh: '有一个符号链接指向语料文件夹之外，未跟随',
    hintZh: '请将文件复制到语料文件夹中，或将其指向的文件夹加入 CORPUS_DIR',
  },
  INGEST_SYMLINK_BROKEN: {
    message: 'a symbolic link points to nothing (or loops) and was skipped',
    hint: 'fix or remove the link',
    zh: '有一个符号链接指向不存在的目标（或形成循环），已跳过',
    hintZh: '请修正或删除该链接',
  },
  INGEST_HIDDEN_SKIPPED: {
    message: 'a name starting with "." is hidden and is skipped on purpose',
    hint: 'rename it without the leading dot to ingest it, or leave it to be skipped',
    zh: '以“.”开头的名称是隐藏文件，按设计跳过',
    hintZh: '如需导入，请去掉开头的点号重新命名；否则可任其跳过',
  },
  INGEST_PDF_INVALID: {
    message: 'the PDF could not be read (damaged, or not a PDF)',
    hint: 'download the PDF again, or open it in a PDF viewer and save a new copy',
    zh: '无法读取该 PDF（文件已损坏，或并非 PDF）',
    hintZh: '请重新下载该 PDF，或用 PDF 阅读器打开后另存一份新副本',
  },
  INGEST_PDF_ENCRYPTED: {
    message: 'the PDF is encrypted and needs a password',
    hint: 'save a copy without the password, or extract its text to .txt',
    zh: '该 PDF 已加密，需要密码',
    hintZh: '请另存一份不带密码的副本，或将其文字提取为 .txt',
  },
  INGEST_PDF_NO_TEXT: {
    message: 'PDF pages without a text layer (scanned images); their text is missing from the index',
    hint: 'run OCR on those pages (e.g. ocrmypdf) and replace the file, or add the text as .txt',
    zh: 'PDF 中有页面没有文字层（扫描图像），这些页面的文字未进入索引',
    hintZh: '请对这些页面做 OCR（例如用 ocrmypdf）后替换原文件，或以 .txt 补充其文字',
  },
  INGEST_PDF_GARBLED: {
    message: 'PDF pages whose text layer does not decode to readable text (fonts without a map to Unicode); they are searchable only as that text',
    hint: 'run OCR on those pages (e.g. ocrmypdf --force-ocr) and replace the file, or add the text as .txt',
    zh: 'PDF 中有页面的文字层无法解码为可读文字（字体缺少 Unicode 映射），这些页面只能按乱码检索',
    hintZh: '请对这些页面强制做 OCR（例如 ocrmypdf --force-ocr）后替换原文件，或以 .txt 补充其文字',
  },
  INGEST_PDF_TRUNCATED: {
    message: 'the PDF was read only in part',
    hint: 'split the PDF into smaller files',
    zh: '该 PDF 只读取了一部分',
    hintZh: '请将该 PDF 拆分为较小的文件',
  },
  INGEST_UNREADABLE: {
    message: 'the file could not be read',
    hint: 'check that it exists and is readable',
    zh: '无法读取该文件',
    hintZh: '请检查文件是否存在、是否有读取权限',
  },
  MANIFEST_JSON: {
    message: 'manifest.json is not valid JSON',
    hint: 'fix the JSON syntax',
    zh: '清单 manifest.json 不是有效的 JSON',
    hintZh: '请修正 JSON 语法',
  },
  MANIFEST_SHAPE: {
    message: 'manifest.json must be a JSON array of entries',
    hint: 'write [ { "id": …, "file": …, … }, … ]',
    zh: '清单 manifest.json 必须是由条目组成的 JSON 数组',
    hintZh: '请写成 [ { "id": …, "file": …, … }, … ]',
  },
  MANIFEST_ENTRY: {
    message: 'a manifest entry is invalid',
    hint: 'fix the entry named in the message',
    zh: '清单 manifest.json 中有一个条目无效',
    hintZh: '请修正消息中指出的条目',
  },
  MANIFEST_DUPLICATE: {
    message: 'two manifest entries share an id or a file',
    hint: 'make ids and files unique',
    zh: '清单 manifest.json 中有两个条目的 id 或 file 相同',
    hintZh: '请让每个 id 和 file 都唯一',
  },
  MANIFEST_NO_ENTRY: {
    message: 'the file has no manifest entry; metadata was inferred from its text',
    hint: 'add this entry to manifest.json (check every field)',
    zh: '该文件在清单 manifest.json 中没有条目；元数据是从其正文推断的',
    hintZh: '请将此条目加入 manifest.json（并逐项核对各字段）',
  },
  MANIFEST_FILE_MISSING: {
    message: 'a manifest entry names a file that does not exist',
    hint: 'fix the entry\'s "file" or remove the entry',
    zh: '清单 manifest.json 中有一个条目所指的文件不存在',
    hintZh: '请修正该条目的 "file"，或删除该条目',
  },
  MANIFEST_ENTRY_IGNORED: {
    message: 'a manifest entry names a collection file (many reports); collection members carry their own metadata',
    hint: 'remove the entry',
    zh: '清单 manifest.json 中有一个条目指向合集文件（含多份报告）；合集中的每份报告自带元数据',
    hintZh: '请删除该条目',
  },
  CHECKSUM_MISMATCH: {
    message: 'the file changed since its manifest entry was written (checksum differs)',
    hint: 'check the metadata still holds, then update "checksum" in manifest.json',
    zh: '文件在其清单条目写入之后已被修改（校验和不一致）',
    hintZh: '请确认元数据仍然正确，然后更新 manifest.json 中的 "checksum"',
  },
  DUPLICATE_ID: {
    message: 'two documents have the same id; a suffix was added',
    hint: 'give them distinct ids in manifest.json',
    zh: '两份文档的 id 相同；已为其中一份加上后缀',
    hintZh: '请在 manifest.json 中为它们指定不同的 id',
  },
  CORPUS_DIR_MISSING: {
    message: 'the corpus folder does not exist',
    hint: 'check CORPUS_DIR or the path given',
    zh: '语料文件夹不存在',
    hintZh: '请检查 CORPUS_DIR 或所给的路径',
  },
  CORPUS_EMPTY: {
    message: 'no document could be read from the corpus folders',
    hint: 'put .txt, .html, .docx, .pdf, .jsonl reports or aligned .csv, .tsv, .xlsx tables in them, or fix the warnings listed',
    zh: '语料文件夹中没有能读取的文档',
    hintZh: '请在其中放入 .txt、.html、.docx、.pdf、.jsonl 格式的报告或 .csv、.tsv、.xlsx 格式的对齐表，或修正所列的警告',
  },
} as const satisfies Record<string, { message: string; hint: string; zh: string; hintZh: string }>;

/** Every code an ingest error or warning can carry. */
export type IngestErrorCode = keyof typeof CATALOGUE;

/** Every code of the catalogue, in its order. */
export const INGEST_ERROR_CODES = Object.keys(CATALOGUE) as IngestErrorCode[];

/** The Chinese text of an ingest error: the message (with its detail) and the hint. */
export interface IngestErrorZh {
  message: string;
  hint: string;
}

/**
 * An error of the ingest stage: a code, a message naming the problem, a hint saying how to fix it, both also
 * in Chinese (`zh`, `hintZh`; the catalogue's when not given).
 */
export class IngestError extends CodedError<IngestErrorCode> {
  declare readonly hint: string;
  declare readonly zh: string;
  /** How to fix it, in Chinese. */
  readonly hintZh: string;
  readonly file: string | undefined;

  constructor(code: IngestErrorCode, message: string, hint: string, file?: string, zh?: IngestErrorZh) {
    const chinese = zh ?? { message: CATALOGUE[code].zh, hint: CATALOGUE[code].hintZh };
    super(code, message, { hint, zh: chinese.message });
    this.hintZh = chinese.hint;
    this.file = file;
  }
}

/**
 * Build an `IngestError` from the catalogue, optionally with detail appended to the standard message (in
 * English and in Chinese).
 * @example createIngestError('INGEST_EMPTY', undefined, 'a.txt').message // 'the file is empty (or only whitespace)'
 * @example createIngestError('INGEST_EMPTY').zh // '文件为空（或只有空白字符）'
 */
export function createIngestError(code: IngestErrorCode, detail?: string, file?: string): IngestError {
  const entry = CATALOGUE[code];
  const message = detail ? `${entry.message}: ${detail}` : entry.message;
  const zh = detail ? `${entry.zh}：${detail}` : entry.zh;
  return new IngestError(code, message, entry.hint, file, { message: zh, hint: entry.hintZh });
}

/**
 * The same error with the file named in front of its messages (for a parser that only saw the text).
 * @example namingFile(createIngestError('MANIFEST_JSON'), 'manifest.json').message // 'manifest.json: manifest.json is not valid JSON'
 */
export function namingFile(error: IngestError, file: string): IngestError {
  const zh = { message: `${file}：${error.zh}`, hint: error.hintZh };
  return new IngestError(error.code, `${file}: ${error.message}`, error.hint, file, zh);
}

/**
 * The standard message and hint of a code, in English and Chinese, for warnings that are not errors
 * (e.g. CHECKSUM_MISMATCH).
 * @example describeCode('DUPLICATE_ID').hint // 'give them distinct ids in manifest.json'
 */
export function describeCode(code: IngestErrorCode): { message: string; hint: string; zh: string; hintZh: string } {
  return CATALOGUE[code];
}

/**
 * True when a value is an `IngestError` (optionally with the given code).
 * @example isIngestError(createIngestError('INGEST_EMPTY'), 'INGEST_EMPTY') // true
 */
export function isIngestError(value: unknown, code?: IngestErrorCode): value is IngestError {
  return value instanceof IngestError && (code === undefined || value.code === code);
}
