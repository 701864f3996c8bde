import { describe, expect, it } from 'vitest';
import type { ScaleReport } from '../../bench/scale.js';
import { formatTable } from '../../bench/table.js';
import { segmenterMsOf } from '../../bench/processes.js';
import { evaluateTargets } from '../../bench/targets.js';
import { fakeReport, LOAD, lat } from './fake-report.js';

/** A report with the figures the targets read. */
function report(scale: string, f: { p50: number; p99: number; scanRatio: number; build: number; cold: number; rss: number; http: number }): ScaleReport {
  return fakeReport(scale, {
    buildVsSegmentation: f.build,
    rss: { buildPeakMb: f.rss, servePeakMb: f.rss },
    queries: { firstMs: 1, all: lat(f.p50, f.p99), phrases: lat(f.p50, f.p99), byCategory: {}, queries: 1 },
    retrieval: { all: lat(f.p50, f.p99), phrases: lat(f.p50, f.p99) },
    scan: { phrases: lat(1, 1), ratio: f.scanRatio, retrievalRatio: f.scanRatio },
    http: { search: LOAD, bare: { ...LOAD, requestsPerSecond: 100 / f.http }, ratio: f.http },
    coldStart: { readyMs: f.cold + 2000, segmenterLoadMs: 2000, readyMinusSegmenterMs: f.cold, firstSearchMs: 1, servingPeakRssMb: f.rss },
  });
}

describe('the targets of the issue', () => {
  it('checks 1x latency and HTTP ratio, and the real corpus against the scan, build, cold start and memory limits', () => {
    const verdicts = evaluateTargets([
      report('1x', { p50: 0.15, p99: 1, scanRatio: 1, build: 1, cold: 1, rss: 1, http: 0.6 }),
      report('real', { p50: 1, p99: 25, scanRatio: 0.3, build: 2.5, cold: 1400, rss: 900, http: 1 }),
    ]);
    const verdict = (scale: string, start: string) => verdicts.find((v) => v.scale === scale && v.target.startsWith(start))?.pass;
    expect(verdict('1x', 'query p50')).toBe(true);
    expect(verdict('1x', 'HTTP')).toBe(true);
    expect(verdict('real', 'phrase p50')).toBe(true);
    expect(verdict('real', 'query p99')).toBe(false);
    expect(verdict('real', 'build')).toBe(false);
    expect(verdict('real', 'cold start')).toBe(true);
    expect(verdict('real', 'peak RSS, serving')).toBe(false);
    expect(verdicts.filter((v) => v.target.startsWith('exact phrases')).every((v) => v.pass)).toBe(true);
  });

  it('judges the HTTP ratio with the answer cache off on its own row, when the run measured it', () => {
    const base = report('1x', { p50: 0.1, p99: 1, scanRatio: 1, build: 1, cold: 1, rss: 1, http: 0.8 });
    const http = base.http as NonNullable<typeof base.http>;
    const r = { ...base, http: { ...http, searchUncached: { ...http.search, requestsPerSecond: 30 }, uncachedRatio: 0.3 } };
    const rows = evaluateTargets([r]).filter((v) => v.target.includes('HTTP') || v.target.includes('cache off'));
    expect(rows.map((v) => [v.value, v.pass])).toEqual([[0.8, true], [0.3, false]]);
    expect(evaluateTargets([base]).filter((v) => v.target.includes('cache off'))).toEqual([]);
  });

  it('judges the cold start by the segmenter load of the same start when the server logged it', () => {
    const base = report('real', { p50: 1, p99: 1, scanRatio: 0.1, build: 1, cold: 1900, rss: 1, http: 1 });
    const cold = base.coldStart as NonNullable<typeof base.coldStart>;
    const verdict = (r: typeof base) => evaluateTargets([r]).find((v) => v.target.startsWith('cold start'));
    expect(verdict(base)).toMatchObject({ value: 1900, pass: false });
    expect(verdict({ ...base, coldStart: { ...cold, ownSegmenterMs: 2900, readyMinusOwnSegmenterMs: 1300 } })).toMatchObject({ value: 1300, pass: true });
    expect(segmenterMsOf('2026-11-24T09:00:00Z Chinese segmenter loaded in 2863 ms\n')).toBe(2863);
    expect(segmenterMsOf('2026-11-24T09:00:00Z ready in 4.2 s')).toBeNull();
  });

  it('says "not measured" rather than a verdict when a figure is missing', () => {
    const r = { ...report('1x', { p50: 0.1, p99: 1, scanRatio: 1, build: 1, cold: 1, rss: 1, http: 1 }), http: null };
    expect(evaluateTargets([r]).find((v) => v.target.startsWith('HTTP'))?.pass).toBeNull();
  });
});

describe('the printed table', () => {
  it('aligns text left in the first column and figures right in the others', () => {
    expect(formatTable([['a', 1, null], ['bbb', 22, 3.5]])).toBe('a     1    –\nbbb  22  3.5');
  });
});
