/**
 * A reviewable outline of a chunked document: the section tree as indented headings, the number of
 * passages of each kind per section, and a summary line. Golden files under tests/golden/ hold these.
 */

import type { Passage, PassageKind } from '../model.js';

const KINDS: readonly PassageKind[] = ['heading', 'paragraph', 'table', 'toc', 'front', 'note'];

interface Node {
  title: string;
  depth: number;
  counts: Map<PassageKind, number>;
  /** True when no heading passage opens this section (a run-in heading). */
  runIn: boolean;
}

/**
 * Renders the outline: one line per section, indented two spaces a level, then the kinds summary.
 * Sections opened by a run-in heading are marked `»`; `(no section)` collects passages outside any.
 * @example renderOutline('doc', passages) // 'doc\n(no section)  front 1, paragraph 1\n（一）疫情防控取得重要成果 »  paragraph 1\n…'
 */
export function renderOutline(docId: string, passages: readonly Passage[]): string {
  const nodes = new Map<string, Node>();
  const order: string[] = [];
  const nodeFor = (path: readonly string[]): Node => {
    const key = path.join('\u0000');
    let node = nodes.get(key);
    if (!node) {
      for (let d = 1; d < path.length; d++) nodeFor(path.slice(0, d));
      node = { title: path[path.length - 1] ?? '(no section)', depth: Math.max(0, path.length - 1), counts: new Map(), runIn: true };
      nodes.set(key, node);
      order.push(key);
    }
    return node;
  };
  const totals = new Map<PassageKind, number>();
  for (const p of passages) {
    const node = nodeFor(p.sectionPath);
    node.counts.set(p.kind, (node.counts.get(p.kind) ?? 0) + 1);
    if (p.kind === 'heading') node.runIn = false;
    totals.set(p.kind, (totals.get(p.kind) ?? 0) + 1);
  }
  const lines = [docId];
  for (const key of order) {
    const node = nodes.get(key);
    if (!node) continue;
    const mark = node.runIn && key !== '' ? ' »' : '';
    const counts = formatCounts(node.counts);
    lines.push(`${'  '.repeat(node.depth)}${node.title}${mark}${counts ? `  ${counts}` : ''}`);
  }
  lines.push(`total ${passages.length}: ${formatCounts(totals, true)}`);
  return `${lines.join('\n')}\n`;
}

/** The kinds the summary names even when no passage is of them (a note only when there is one). */
const ALWAYS_COUNTED: ReadonlySet<PassageKind> = new Set(['heading', 'paragraph', 'table', 'toc', 'front']);

function formatCounts(counts: ReadonlyMap<PassageKind, number>, all = false): string {
  return KINDS.filter((k) => (all && ALWAYS_COUNTED.has(k)) || (counts.get(k) ?? 0) > 0)
    .map((k) => `${k} ${counts.get(k) ?? 0}`)
    .join(', ');
}
