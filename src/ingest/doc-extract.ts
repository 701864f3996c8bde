/**
 * The text of a Word 97–2003 file, extracted by word-extractor in a child process of its own. The library follows
 * the file's sector chains as the file says; a damaged or hostile file can send it round a loop that grows an array
 * until V8 aborts the whole process (seen with a few changed bytes), which no try/catch survives. In a child, such a
 * file ends that process only, within a time and memory bound, and the reader reports it as a bad document.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';

/** What the extraction gives: the main text, and the footnotes and endnotes. */
export interface DocText {
  body: string;
  notes: string;
}

/** Bounds of one extraction. */
interface DocBounds {
  timeoutMs: number;
  maxHeapMb: number;
}

const DEFAULT_DOC_BOUNDS: DocBounds = { timeoutMs: 20_000, maxHeapMb: 512 };

const LIBRARY = createRequire(import.meta.url).resolve('word-extractor');

/**
 * The child's program: the file's bytes on stdin, `{ body, notes }` or `{ error }` as JSON on stdout. The text as
 * written (`filterUnicode: false`: by default the library makes curly quotes straight, “两新” → "两新").
 */
const PROGRAM = `
const WordExtractor = require(${JSON.stringify(LIBRARY)});
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  try {
    const document = await new WordExtractor().extract(Buffer.concat(chunks));
    const verbatim = { filterUnicode: false };
    const notes = document.getFootnotes(verbatim) + '\\n' + document.getEndnotes(verbatim);
    process.stdout.write(JSON.stringify({ body: document.getBody(verbatim), notes }));
  } catch (error) {
    process.stdout.write(JSON.stringify({ error: String((error && error.message) || error) }));
  }
});
`;

/**
 * The text of a .doc, or a rejection with the reason it could not be read (the library's message, a timeout, the
 * child's end).
 * @example (await extractDocText(readFileSync('report.doc'))).body.split('\n')[0] // '2025年示例县人民政府工作报告'
 */
export function extractDocText(bytes: Buffer, bounds: DocBounds = DEFAULT_DOC_BOUNDS): Promise<DocText> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`--max-old-space-size=${bounds.maxHeapMb}`, '-e', PROGRAM], {
      stdio: ['pipe', 'pipe', 'ignore'],
      timeout: bounds.timeoutMs,
    });
    const out: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.on('error', (error) => reject(error));
    child.on('close', (code, signal) => {
      const answer = parseAnswer(Buffer.concat(out).toString('utf8'));
      if (answer && 'body' in answer) resolve(answer);
      else if (answer) reject(new Error(answer.error));
      else reject(new Error(signal ? `the reader was stopped (${signal}, after at most ${bounds.timeoutMs} ms)` : `the reader ended with code ${code}`));
    });
    // The child may end before it has read everything (an abort): a broken pipe is that end, reported on close.
    child.stdin.on('error', () => {});
    child.stdin.end(bytes);
  });
}

/** The child's answer, or null when it wrote none that parses. */
function parseAnswer(json: string): DocText | { error: string } | null {
  try {
    const value = JSON.parse(json) as Partial<DocText> & { error?: unknown };
    if (typeof value.body === 'string' && typeof value.notes === 'string') return { body: value.body, notes: value.notes };
    return typeof value.error === 'string' ? { error: value.error } : null;
  } catch {
    return null;
  }
}
