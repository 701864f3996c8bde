/**
 * Prints how long loading the Chinese segmenter (jieba and its dictionaries) takes in a fresh process, in ms:
 * the part of a server's cold start that the target allows on top of 1.5 s.
 */
import { loadChineseSegmenter } from '../src/text/analyzer.js';

const t0 = performance.now();
loadChineseSegmenter();
process.stdout.write(`${Math.round(performance.now() - t0)}\n`);
