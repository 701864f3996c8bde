/** A scale report for the bench's pure parts (targets, tables): every figure set, each test changing what it reads. */
import type { ScaleReport } from '../../bench/scale.js';

export const lat = (p50: number, p99: number, n = 100) => ({ p50, p99, n });

export const LOAD = { requestsPerSecond: 100, requests: 1000, latencyP50Ms: 1, latencyP99Ms: 2, errors: 0, timeouts: 0, non2xx: 0 };

/** A report at `scale` with plain figures, and `changes` over them. */
export function fakeReport(scale: string, changes: Partial<ScaleReport> = {}): ScaleReport {
  return {
    scale,
    factor: 1,
    corpus: { documents: 1, passages: 1, chars: 1, warnings: 0 },
    ingest: { readMs: 1, chunkMs: 1, segmenterLoadMs: 1, segmentMs: 1, buildMs: 1, writeMs: 1, dictionaryCacheMs: 1, charsPerSecond: 1, segmentationShare: 1 },
    buildVsSegmentation: 1,
    index: { bytes: 1, mb: 0, files: {} },
    openMs: 1,
    rss: { buildPeakMb: 1, servePeakMb: 1 },
    queries: { firstMs: 1, all: lat(1, 1), phrases: lat(1, 1), byCategory: {}, queries: 1 },
    retrieval: { all: lat(1, 1), phrases: lat(1, 1) },
    scan: { phrases: lat(1, 1), ratio: 1, retrievalRatio: 1 },
    exactness: { phrases: 3, exact: 3, recall: 1, precision: 1, totalsMatchScan: 3, mismatches: [] },
    http: { search: LOAD, bare: LOAD, ratio: 1 },
    coldStart: { readyMs: 1, segmenterLoadMs: 1, readyMinusSegmenterMs: 1, firstSearchMs: 1, servingPeakRssMb: 1 },
    peers: [],
    notes: [],
    ...changes,
  };
}
