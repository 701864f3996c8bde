/**
 * `npm run search -- "乡村振兴" [--limit 10] [--offset 0]`: prints the top hits with highlighted snippets.
 */
import { configFromEnv } from '../config.js';
import { engineOptionsOf, openEngine } from '../runtime/open-engine.js';
import type { SearchHit } from '../search/types.js';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const mark = (s: string): string => (useColor ? `\x1b[1;33m${s}\x1b[0m` : `【${s}】`);

/** The snippet with its highlight ranges marked for a terminal. */
function renderSnippet(hit: SearchHit): string {
  let out = '';
  let at = 0;
  for (const [start, end] of hit.highlights) {
    out += hit.snippet.slice(at, start) + mark(hit.snippet.slice(start, end));
    at = end;
  }
  return out + hit.snippet.slice(at);
}

function option(args: string[], name: string, fallback: number): number {
  const i = args.indexOf(name);
  const value = i >= 0 ? Number(args[i + 1]) : fallback;
  return Number.isFinite(value) ? value : fallback;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const query = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')).join(' ');
  if (!query.trim()) {
    console.error('usage: npm run search -- "<query>" [--limit N] [--offset N]');
    process.exit(2);
  }
  const engine = await openEngine({ ...engineOptionsOf(configFromEnv(process.env)), log: (line) => console.error(line) });
  const offset = option(args, '--offset', 0);
  const res = await engine.search(query, { limit: option(args, '--limit', 10), offset });
  console.log(`${res.total} passages for ${JSON.stringify(query)} (${res.tookMs} ms)`);
  for (const c of res.concepts ?? []) {
    const terms = c.terms.map((t) => `${t.zh} (${t.source} ${t.weight})`).join(', ');
    console.log(`  ${c.en}: ${c.status === 'translated' ? terms : c.status === 'ignored' ? 'ignored' : 'not translated, searched in English only'}`);
  }
  if (!res.concepts && res.expansions.length > 0) console.log(`also searched: ${res.expansions.map((e) => e.to).join(', ')}`);
  if (res.notice) console.log(res.notice);
  for (const [i, hit] of res.hits.entries()) {
    console.log(`\n${offset + i + 1}. ${hit.docTitle} (${hit.year ?? '—'}) · ${hit.sectionPath.join(' › ') || '—'} · ${hit.kind}`);
    console.log(`   ${renderSnippet(hit)}`);
    console.log(`   ${hit.url}`);
  }
}

main().catch((e: unknown) => {
  console.error(`search failed: ${(e as Error).message}`);
  process.exit(1);
});
