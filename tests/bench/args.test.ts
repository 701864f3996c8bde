import { describe, expect, it } from 'vitest';
import { DEFAULT_ARGS, parseArgs } from '../../bench/args.js';

describe('the bench command line', () => {
  it('runs 1x, real and 100x with the three peers, HTTP and cold start by default', () => {
    expect(parseArgs([])).toEqual(DEFAULT_ARGS);
    expect(DEFAULT_ARGS.scales).toEqual(['1x', 'real', '100x']);
    expect(DEFAULT_ARGS.http).toEqual({ connections: 20, seconds: 10 });
    expect(DEFAULT_ARGS.peers).toEqual(['flexsearch', 'minisearch', 'lunr']);
  });

  it('takes scales, peers and load settings from flags, with or without "="', () => {
    const args = parseArgs(['--scale', '1x,real,300x', '--peers=lunr', '--seconds', '5', '--connections=10', '--no-cold', '--label', 'after']);
    expect(args.scales).toEqual(['1x', 'real', '300x']);
    expect(args.peers).toEqual(['lunr']);
    expect(args.http).toEqual({ connections: 10, seconds: 5 });
    expect(args.coldStart).toBe(false);
    expect(args.label).toBe('after');
    expect(parseArgs(['--no-http']).http).toBeNull();
    expect(parseArgs(['--peers', 'none']).peers).toEqual([]);
    expect(parseArgs(['--show', 'bench/results/reference.json']).show).toBe('bench/results/reference.json');
  });

  it('runs the embedded backend only by default, and adds Sphinx beside it with --backend sphinx', () => {
    expect(DEFAULT_ARGS.backends).toEqual(['embedded']);
    expect(parseArgs(['--backend', 'sphinx']).backends).toEqual(['embedded', 'sphinx']);
    expect(parseArgs(['--backends=embedded,sphinx']).backends).toEqual(['embedded', 'sphinx']);
    expect(parseArgs(['--backends', 'sphinx,embedded,sphinx']).backends).toEqual(['embedded', 'sphinx']);
    expect(parseArgs(['--backend', 'embedded']).backends).toEqual(['embedded']);
  });

  it('makes --quick a short run without peers', () => {
    const args = parseArgs(['--quick']);
    expect(args.peers).toEqual([]);
    expect(args.http?.seconds).toBe(3);
    expect(args.budgetMs).toBeLessThan(DEFAULT_ARGS.budgetMs);
    expect(args.warmUpMs).toBeLessThan(DEFAULT_ARGS.warmUpMs);
  });

  it('warms each measurement up for a second by default; --warm-up sets it, 0 for the one pass of before', () => {
    expect(DEFAULT_ARGS.warmUpMs).toBe(1000);
    expect(parseArgs(['--warm-up', '3000']).warmUpMs).toBe(3000);
    expect(parseArgs(['--warm-up=0']).warmUpMs).toBe(0);
    for (const argv of [['--warm-up', '-5'], ['--warm-up', 'x'], ['--warm-up']]) {
      expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ code: 'BENCH_BAD_ARGUMENT' }));
    }
  });

  it('refuses unknown flags, unknown peers and out-of-range loads with BENCH_BAD_ARGUMENT', () => {
    for (const argv of [['--fast'], ['--peers', 'elastic'], ['--seconds', '600'], ['--connections', '0'], ['--scale'], ['--backend', 'elastic'], ['--backend']]) {
      expect(() => parseArgs(argv)).toThrow(expect.objectContaining({ code: 'BENCH_BAD_ARGUMENT' }));
    }
  });
});
