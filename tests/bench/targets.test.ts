import { describe, expect, it } from 'vitest';
import type { ScaleReport } from '../../bench/scale.js';
import { formatTable } from '../../bench/table.js';
import { evaluateTargets } from '../../bench/targets.js';

const lat = (p50: number, p99: number) => ({ p50, p99, n: 100 });

/** A report with the figures the targets read; the rest empty. */
function report(scale: string, f: { p50: number; p99: number; scanRatio: number; build: number; cold: number; rss: number; http: number }): ScaleReport {
  const load = { requestsPerSecond: 100, requests: 1000, latencyP50Ms: 1, latencyP99Ms: 2, errors: 0, timeouts: 0, non2xx: 0 };
  return {
    scale,
    factor: 1,
    corpus: { documents: 1, passages: 1, chars: 1, warnings: 0 },
    ingest: { readMs: 1, chunkMs: 1, segmenterLoadMs: 1, segmentMs: 1, buildMs: 1, writeMs: 1, dictionaryCacheMs: 1, charsPerSecond: 1, segmentationShare: 1 },
    buildVsSegmentation: f.build,
    index: { bytes: 1, mb: 0, files: {} },
    openMs: 1,
    rss: { buildPeakMb: f.rss, servePeakMb: f.rss },
    queries: { firstMs: 1, all: lat(f.p50, f.p99), phrases: lat(f.p50, f.p99), byCategory: {}, queries: 1 },
    retrieval: { all: lat(f.p50, f.p99), phrases: lat(f.p50, f.p99) },
    scan: { phrases: lat(1, 1), ratio: f.scanRatio, retrievalRatio: f.scanRatio },
    exactness: { phrases: 3, exact: 3, recall: 1, precision: 1, totalsMatchScan: 3, mismatches: [] },
    http: { search: load, bare: { ...load, requestsPerSecond: 100 / f.http }, ratio: f.http },
    coldStart: { readyMs: f.cold + 2000, segmenterLoadMs: 2000, readyMinusSegmenterMs: f.cold, firstSearchMs: 1, servingPeakRssMb: f.rss },
    peers: [],
    notes: [],
  };
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
