/** Where the evaluation tests read their real data. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SHARED_ROOT } from '../shared-data.js';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedRoot = SHARED_ROOT;
export const parallelCsv = (year: number): string => path.join(sharedRoot, `corpora/parallel-zh-en/04_${year}_auto_usable_parallel.csv`);
export const nationalJsonl = path.join(sharedRoot, 'corpora/national-zh/government_work_reports.jsonl');
export const openQueriesFile = path.join(sharedRoot, 'eval/open-clir-2025.json');
export const ownQueriesFile = path.join(repoRoot, 'eval/clir-2025-queries.json');
