/**
 * `npm run bench [-- flags]` (flags in bench/args.ts): runs each scale in its own process (bench/scale.ts),
 * prints the table, the peers and the targets, and writes the JSON report to bench/results/<date>.json
 * (or reference-<date>.json with --reference).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type BenchArgs } from './args.js';
import { machineInfo, type MachineInfo } from './machine.js';
import { runNode } from './spawn-node.js';
import type { ScaleJob, ScaleReport } from './scale.js';
import { scaleSpec } from './scales.js';
import { backendTable, peerTable, scaleTable, targetTable } from './table.js';
import { evaluateTargets, type Verdict } from './targets.js';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RESULTS_DIR = path.join(REPO_ROOT, 'bench', 'results');

export interface BenchReport {
  date: string;
  label: string;
  args: BenchArgs;
  machine: MachineInfo;
  scales: ScaleReport[];
  targets: Verdict[];
  failures: Array<{ scale: string; error: string }>;
  machineAfter: { loadAverage: number[] };
}

async function runScale(scale: string, args: BenchArgs, stamp: string): Promise<ScaleReport> {
  const workDir = path.join(os.tmpdir(), `gov-search-bench-${process.pid}-${scale}`);
  const out = path.join(workDir + '.json');
  const job: ScaleJob = {
    scale,
    repoRoot: REPO_ROOT,
    workDir,
    out,
    sampling: { budgetMs: args.budgetMs, minRounds: 3, maxRounds: 30, warmUpMs: args.warmUpMs },
    http: args.http,
    coldStart: args.coldStart,
    peers: args.peerScales.includes(scale) ? args.peers : [],
    backends: args.backends,
  };
  process.stderr.write(`[${stamp}] scale ${scale}\n`);
  try {
    await runNode(['--expose-gc', '--max-old-space-size=20000', '--import', 'tsx', 'bench/scale.ts', JSON.stringify(job)], REPO_ROOT);
    return JSON.parse(readFileSync(out, 'utf8')) as ScaleReport;
  } finally {
    rmSync(out, { force: true });
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** Prints a report: machine, figures by scale, peers, targets, notes. */
function print(report: BenchReport, file: string): void {
  const { machine, scales, args } = report;
  const libs = Object.entries(machine.libraries).map(([k, v]) => `${k} ${v ?? '?'}`).join(', ');
  console.log(`\n${report.date}: ${machine.cpu} × ${machine.cores}, ${machine.memoryGb} GB, Node ${machine.node}; load ${machine.loadAverage.join(' ')} → ${report.machineAfter.loadAverage.join(' ')}`);
  console.log(`${libs}\ncommit ${machine.commit?.slice(0, 10) ?? '?'}${machine.uncommittedChanges ? ' + uncommitted changes' : ''}${args.label ? `; ${args.label}` : ''}`);
  // Reports from before session 25 carry no warm-up: they warmed up with one pass.
  const warmUp = args.warmUpMs ?? 0;
  console.log(`in-process rounds after ${warmUp > 0 ? `${warmUp} ms of untimed passes` : 'one untimed pass'} (--warm-up)\n`);
  console.log(scaleTable(scales));
  const backends = backendTable(scales);
  if (backends) console.log(`\nbackends (same passages, same queries; Sphinx: shards and aggregator on this machine, loaded by Node)\n${backends}`);
  for (const r of scales) if (r.sphinx && r.sphinx.status !== 'measured') console.log(`sphinx (${r.scale}): ${r.sphinx.status}: ${r.sphinx.reason}`);
  console.log(`\npeers (same passages, same queries; recall and precision of quoted phrases)\n${peerTable(scales)}`);
  console.log(`\ntargets\n${targetTable(report.targets)}`);
  for (const r of scales) for (const n of r.notes) console.log(`note (${r.scale}): ${n}`);
  for (const r of scales) for (const m of r.exactness.mismatches) console.log(`EXACTNESS (${r.scale}): ${m}`);
  for (const r of scales) {
    if (r.sphinx?.status !== 'measured') continue;
    for (const m of r.sphinx.exactness.mismatches) console.log(`EXACTNESS (${r.scale}, sphinx): ${m}`);
    for (const m of r.sphinx.totalsMatchEmbedded.differing) console.log(`TOTAL DIFFERS (${r.scale}, sphinx): ${m}`);
  }
  for (const f of report.failures) console.log(`FAILED (${f.scale}): ${f.error}`);
  console.log(`\nreport: ${path.relative(REPO_ROOT, file)}`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.show) {
    const saved = JSON.parse(readFileSync(args.show, 'utf8')) as BenchReport;
    print({ ...saved, targets: evaluateTargets(saved.scales) }, path.resolve(args.show));
    return;
  }
  for (const s of args.scales) scaleSpec(s, REPO_ROOT); // fail early on an unknown scale
  const started = new Date();
  const stamp = started.toISOString().replace(/:/g, '-').replace(/\..*$/, '');
  const machine = machineInfo(REPO_ROOT);
  const scales: ScaleReport[] = [];
  const failures: BenchReport['failures'] = [];
  for (const scale of args.scales) {
    try {
      const report = await runScale(scale, args, stamp);
      scales.push(report);
      if (report.sphinx?.status === 'failed') failures.push({ scale: `${scale} (sphinx)`, error: report.sphinx.reason });
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      failures.push({ scale, error });
      process.stderr.write(`scale ${scale} failed: ${error}\n`);
    }
  }
  const targets = evaluateTargets(scales);
  const report: BenchReport = {
    date: started.toISOString(),
    label: args.label,
    args,
    machine,
    scales,
    targets,
    failures,
    machineAfter: { loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100) },
  };
  mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${args.reference ? 'reference-' : ''}${stamp}.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

  print(report, file);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((e: unknown) => {
  const err = e as { code?: string; message?: string };
  console.error(`bench failed${err.code ? ` [${err.code}]` : ''}: ${err.message ?? String(e)}`);
  process.exit(1);
});
