/**
 * The command line of `npm run bench`:
 *   --scale 1x,real,100x     scales to run (default 1x,real,100x; 300x is opt-in)
 *   --quick                  short sampling and a 3 s HTTP load, no peers (a smoke run)
 *   --peers flexsearch,lunr  peer engines (flexsearch, minisearch, lunr), or `none` (default all three)
 *   --peer-scales 1x,real    scales the peers run on (default 1x,real: they are slow beyond)
 *   --backend sphinx         also run each scale on a throwaway Sphinx cluster, beside the embedded backend
 *                            (`--backends embedded,sphinx` says the same; embedded always runs: it is the baseline)
 *   --no-http, --no-cold     skip the HTTP load or the cold start
 *   --seconds 10 --connections 20   HTTP load
 *   --budget 4000            in-process sampling budget per measurement, ms
 *   --warm-up 1000           untimed passes before each measurement's rounds for this long, ms (0: one pass, as
 *                            before session 25); the same for the engine, the scan and the peers
 *   --reference              write bench/results/reference-<date>.json (the committed run)
 *   --label text             a note stored in the report (e.g. "before: MiniSearch")
 *   --show file.json         print a saved report again (targets re-evaluated), run nothing
 */
import { WARM_UP_MS } from './measure.js';
import { BenchArgumentError } from './scales.js';

export interface BenchArgs {
  scales: string[];
  peers: string[];
  peerScales: string[];
  /** Backends each scale runs on: always `embedded`, plus `sphinx` when asked for. */
  backends: string[];
  http: { connections: number; seconds: number } | null;
  coldStart: boolean;
  budgetMs: number;
  warmUpMs: number;
  reference: boolean;
  label: string;
  show: string | null;
}

export const DEFAULT_ARGS: BenchArgs = {
  scales: ['1x', 'real', '100x'],
  peers: ['flexsearch', 'minisearch', 'lunr'],
  peerScales: ['1x', 'real'],
  backends: ['embedded'],
  http: { connections: 20, seconds: 10 },
  coldStart: true,
  budgetMs: 4000,
  warmUpMs: WARM_UP_MS,
  reference: false,
  label: '',
  show: null,
};

const list = (value: string): string[] => value.split(',').map((s) => s.trim()).filter(Boolean);

/**
 * A flag's value as a whole number from 1 to `max`; throws BENCH_BAD_ARGUMENT otherwise.
 * @example positive('--seconds', '5', 60) // 5
 */
export function positive(name: string, value: string | undefined, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0 || n > max) throw new BenchArgumentError(`${name} needs a whole number from 1 to ${max} (got "${value}")`);
  return n;
}

/**
 * The arguments one by one (as written, and the flag's name), each with a reader of its flag's value: the text after `=` (`--scale=1x`), else
 * the next argument, which the reader consumes; a missing value (or another flag) is a BENCH_BAD_ARGUMENT,
 * followed by `usage` when given.
 * @example for (const { name, value } of flagsOf(['--scale', '1x'])) name === '--scale' && value() // '1x'
 */
export function* flagsOf(argv: readonly string[], usage = ''): Generator<{ arg: string; name: string; value: () => string }> {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.startsWith('--')) throw new BenchArgumentError(`${name} needs a value${usage ? `; ${usage}` : ''}`);
      return v;
    };
    yield { arg, name, value };
  }
}

/**
 * Parses the flags after `npm run bench --`; throws BENCH_BAD_ARGUMENT on anything unknown.
 * @example parseArgs(['--scale', '1x', '--quick']).scales // ['1x']
 */
export function parseArgs(argv: readonly string[]): BenchArgs {
  const args: BenchArgs = { ...DEFAULT_ARGS, http: DEFAULT_ARGS.http ? { ...DEFAULT_ARGS.http } : null };
  let connections = DEFAULT_ARGS.http?.connections ?? 20;
  let seconds = DEFAULT_ARGS.http?.seconds ?? 10;
  let http = true;
  for (const { arg: flag, name, value } of flagsOf(argv)) {
    switch (name) {
      case '--scale':
      case '--scales':
        args.scales = list(value());
        break;
      case '--quick':
        args.budgetMs = 1000;
        args.warmUpMs = 200;
        seconds = 3;
        args.peers = [];
        break;
      case '--peers': {
        const v = value();
        args.peers = v === 'none' ? [] : list(v);
        break;
      }
      case '--peer-scales':
        args.peerScales = list(value());
        break;
      case '--backend':
      case '--backends':
        args.backends = ['embedded', ...new Set(list(value()).filter((b) => b !== 'embedded'))];
        break;
      case '--no-http':
        http = false;
        break;
      case '--no-cold':
        args.coldStart = false;
        break;
      case '--seconds':
        seconds = positive(name, value(), 60);
        break;
      case '--connections':
        connections = positive(name, value(), 100);
        break;
      case '--budget':
        args.budgetMs = positive(name, value(), 600_000);
        break;
      case '--warm-up': {
        const v = value();
        args.warmUpMs = v === '0' ? 0 : positive(name, v, 600_000);
        break;
      }
      case '--reference':
        args.reference = true;
        break;
      case '--label':
        args.label = value();
        break;
      case '--show':
        args.show = value();
        break;
      default:
        throw new BenchArgumentError(`unknown flag "${flag}" (see bench/args.ts for the flags)`);
    }
  }
  if (args.scales.length === 0) throw new BenchArgumentError('--scale needs at least one scale');
  for (const p of args.peers) if (!['flexsearch', 'minisearch', 'lunr'].includes(p)) throw new BenchArgumentError(`unknown peer "${p}": flexsearch, minisearch, lunr or none`);
  for (const b of args.backends) if (b !== 'embedded' && b !== 'sphinx') throw new BenchArgumentError(`unknown backend "${b}": embedded or sphinx`);
  args.http = http ? { connections, seconds } : null;
  return args;
}
