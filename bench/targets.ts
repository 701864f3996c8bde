/**
 * The targets, each checked against a figure of the run (pure: reports in, verdicts out).
 */
import type { ScaleReport } from './scale.js';

export interface Verdict {
  scale: string;
  target: string;
  value: number | null;
  limit: string;
  /** null when the figure was not measured in this run. */
  pass: boolean | null;
}

const ratioOf = (a: number, b: number): number | null => (b > 0 ? a / b : null);
const atMost = (value: number | null | undefined, limit: number): boolean | null =>
  value === null || value === undefined || Number.isNaN(value) ? null : value <= limit;
const atLeast = (value: number | null | undefined, limit: number): boolean | null =>
  value === null || value === undefined || Number.isNaN(value) ? null : value >= limit;

/**
 * Verdicts for the targets that apply to each report's scale.
 * @example evaluateTargets([report1x])[0].target // 'query p50 in-process (ms)'
 */
export function evaluateTargets(reports: readonly ScaleReport[]): Verdict[] {
  const out: Verdict[] = [];
  for (const r of reports) {
    const v = (target: string, value: number | null | undefined, limit: string, pass: boolean | null): void => {
      out.push({ scale: r.scale, target, value: value ?? null, limit, pass });
    };
    v('exact phrases (recall = precision = 1, exact total)', r.exactness.exact, `= ${r.exactness.phrases}`, r.exactness.exact === r.exactness.phrases && r.exactness.mismatches.length === 0);
    if (r.scale === '1x') {
      v('query p50 in-process (ms)', r.queries.all.p50, '≤ 0.2', atMost(r.queries.all.p50, 0.2));
      v('HTTP search / bare Express throughput', r.http?.ratio, '≥ 0.5', atLeast(r.http?.ratio, 0.5));
      // The same with the answer cache off: every request searched, ranked, highlighted and serialized.
      if (r.http?.searchUncached) v('  the same, answer cache off', r.http.uncachedRatio, '≥ 0.5', atLeast(r.http.uncachedRatio, 0.5));
      // Issue #17: against /api/health through the same app, and one request at a time.
      v('query p50 in-process, #17 (ms)', r.queries.all.p50, '≤ 0.15', atMost(r.queries.all.p50, 0.15));
      if (r.http?.health) v('HTTP search, cache off / /api/health throughput', r.http.uncachedVsHealth, '≥ 0.5', atLeast(r.http.uncachedVsHealth, 0.5));
      if (r.http?.sequential) {
        v('one at a time: search, cache off / health at p50', r.http.sequential.p50Ratio, '≤ 2', atMost(r.http.sequential.p50Ratio, 2));
        v('one at a time: search, cache off / health at p99', r.http.sequential.p99Ratio, '≤ 5', atMost(r.http.sequential.p99Ratio, 5));
      }
    }
    if (r.scale === 'real') {
      v('phrase p50 / brute-force scan p50', r.scan.ratio, '≤ 0.333', atMost(r.scan.ratio, 1 / 3));
      v('query p99 in-process, #17 (ms)', r.queries.all.p99, '≤ 5', atMost(r.queries.all.p99, 5));
      if (r.frequent) v(`"${r.frequent.q}" p50 in-process, #17 (ms)`, r.frequent.latency.p50, '≤ 0.5', atMost(r.frequent.latency.p50, 0.5));
      v('build / segmentation alone', r.buildVsSegmentation, '≤ 2', atMost(r.buildVsSegmentation, 2));
      // Minus the segmenter load of the same start when the server logged it; else of a separate process.
      const beyondSegmenter = r.coldStart?.readyMinusOwnSegmenterMs ?? r.coldStart?.readyMinusSegmenterMs;
      v('cold start minus segmenter load (ms)', beyondSegmenter, '≤ 1500', atMost(beyondSegmenter, 1500));
      v('peak RSS, build (MB)', r.rss.buildPeakMb, '≤ 800', atMost(r.rss.buildPeakMb, 800));
      v('peak RSS, serving (MB)', r.coldStart?.servingPeakRssMb, '≤ 800', atMost(r.coldStart?.servingPeakRssMb, 800));
    }
    if (/^\d+x$/.test(r.scale) && r.scale !== '1x') {
      v('builds and serves (peak RSS, MB)', Math.max(r.rss.buildPeakMb, r.coldStart?.servingPeakRssMb ?? 0), '≤ 24000', atMost(Math.max(r.rss.buildPeakMb, r.coldStart?.servingPeakRssMb ?? 0), 24_000));
    }
    const lunr = r.peers.find((p) => p.name === 'lunr');
    if (lunr) {
      // lunr returns ranked ids only: its like is the engine's retrieval; the full search also makes snippets.
      v('retrieval p50 / lunr p50', ratioOf(r.retrieval.all.p50, lunr.latency.p50), '≤ 1', atMost(ratioOf(r.retrieval.all.p50, lunr.latency.p50), 1));
      v('full search p50 / lunr p50', ratioOf(r.queries.all.p50, lunr.latency.p50), '≤ 1', atMost(ratioOf(r.queries.all.p50, lunr.latency.p50), 1));
    }
  }
  return out;
}
