import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAbArgs } from '../../bench/ab-args.js';

const bad = (argv: string[]): string => {
  try {
    parseAbArgs(argv);
  } catch (e) {
    return `${(e as { code?: string }).code}: ${(e as Error).message}`;
  }
  return 'accepted';
};

describe('the A/B command line', () => {
  it('compares two checkouts at 1x, 10 rounds of one pass, engine.search without planning by default', () => {
    expect(parseAbArgs(['/work/main', '.'])).toEqual({
      checkouts: ['/work/main', path.resolve('.')],
      scale: '1x',
      indexDirs: null,
      rounds: 10,
      passes: 1,
      plan: false,
      search: true,
    });
  });

  it('takes the scale, index dirs, rounds, passes and planning from flags, with or without "="', () => {
    const args = parseAbArgs(['a', '--scale=real', '--index', '/tmp/x,/tmp/y', 'b', '--rounds', '30', '--passes=10', '--plan']);
    expect(args.checkouts).toEqual([path.resolve('a'), path.resolve('b')]);
    expect(args.scale).toBe('real');
    expect(args.indexDirs).toEqual(['/tmp/x', '/tmp/y']);
    expect([args.rounds, args.passes, args.plan, args.search]).toEqual([30, 10, true, true]);
    expect(parseAbArgs(['a', 'b', '--plan-only'])).toMatchObject({ plan: true, search: false });
  });

  it('refuses a missing checkout, a third one, an unknown flag or scale, and bad numbers, with BENCH_BAD_ARGUMENT', () => {
    expect(bad(['a'])).toMatch(/^BENCH_BAD_ARGUMENT: give exactly two checkouts \(got 1\)/);
    expect(bad(['a', 'b', 'c'])).toMatch(/^BENCH_BAD_ARGUMENT: give exactly two checkouts \(got 3\)/);
    expect(bad(['a', 'b', '--blocks', '20'])).toMatch(/^BENCH_BAD_ARGUMENT: unknown flag "--blocks"/);
    expect(bad(['a', 'b', '--scale', '100x'])).toMatch(/^BENCH_BAD_ARGUMENT: --scale 100x: use 1x/);
    for (const n of ['0', '-1', '2.5', 'x']) expect(bad(['a', 'b', '--rounds', n])).toMatch(/^BENCH_BAD_ARGUMENT: --rounds needs a whole number/);
    expect(bad(['a', 'b', '--passes'])).toMatch(/^BENCH_BAD_ARGUMENT: --passes needs a value/);
  });

  it('takes index dirs only at real, and exactly two of them', () => {
    expect(bad(['a', 'b', '--index', '/tmp/x,/tmp/y'])).toMatch(/^BENCH_BAD_ARGUMENT: --index is for --scale real/);
    expect(bad(['a', 'b', '--scale', 'real', '--index', '/tmp/x'])).toMatch(/^BENCH_BAD_ARGUMENT: --index needs two dirs/);
    expect(bad(['a', 'b', '--scale', 'real', '--index', '/tmp/x,'])).toMatch(/^BENCH_BAD_ARGUMENT: --index needs two dirs/);
    expect(parseAbArgs(['a', 'b', '--scale', 'real']).indexDirs).toBeNull();
  });
});
