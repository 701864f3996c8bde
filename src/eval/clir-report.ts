/**
 * What `npm run eval:clir` prints: a table of figures per query set and kind, and for each failing query
 * its top hits and the expansions the engine searched, so an engineer can see why it failed. Pure: values
 * in, lines out.
 */
import type { Summary } from './clir-metrics.js';

/** A failing query as printed: its text, kind, what it expected, and what the engine did with it. */
export interface FailureView {
  q: string;
  kind: string;
  expect: string[];
  total: number;
  /** The first hits: document id and text. */
  top: Array<{ docId: string; text: string }>;
  /** `from → to (source)` for each expansion. */
  expansions: string[];
}

const pct = (x: number): string => x.toFixed(2);

/**
 * The figures of one query set as table lines: kind, n, recall@k, MRR, zero-result queries.
 * @example summaryLines('open', 10, [{ kind: 'all', summary: { n: 2, recallAtK: 0.5, mrr: 0.25, zeroResults: 1 } }])[2] // 'all           2   0.50   0.25     1'
 */
export function summaryLines(setName: string, k: number, rows: ReadonlyArray<{ kind: string; summary: Summary }>): string[] {
  const header = `${'kind'.padEnd(11)} ${'n'.padStart(3)} ${`R@${k}`.padStart(6)} ${'MRR'.padStart(6)} ${'zero'.padStart(5)}`;
  const lines = rows.map(
    ({ kind, summary: s }) =>
      `${kind.padEnd(11)} ${String(s.n).padStart(3)} ${pct(s.recallAtK).padStart(6)} ${pct(s.mrr).padStart(6)} ${String(s.zeroResults).padStart(5)}`,
  );
  return [`${setName}`, header, ...lines];
}

/**
 * The first `length` characters of a text on one line.
 * @example clip('第一行\n第二行', 4) // '第一行 第…'
 */
export function clip(text: string, length: number): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= length ? flat : `${flat.slice(0, length)}…`;
}

/**
 * Lines describing one failing query: the query, what it expected, its top hits' first 40 characters and
 * the expansions.
 * @example failureLines({ q: 'embodied AI', kind: 'specific', expect: ['具身智能'], total: 0, top: [], expansions: [] })[0] // '✗ [specific] "embodied AI" expects 具身智能 — 0 results'
 */
export function failureLines(f: FailureView): string[] {
  const head = `✗ [${f.kind}] "${f.q}" expects ${f.expect.join(' | ')} — ${f.total} result${f.total === 1 ? '' : 's'}`;
  const hits = f.top.map((h, i) => `    ${i + 1}. ${h.docId}: ${clip(h.text, 40)}`);
  const expansions = `    expansions: ${f.expansions.length > 0 ? f.expansions.join('; ') : '(none)'}`;
  return [head, ...hits, expansions];
}
