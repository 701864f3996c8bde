/**
 * What a result depends on besides the code: the machine, Node, the libraries, the commit.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memoryGb: number;
  platform: string;
  release: string;
  loadAverage: number[];
  node: string;
  v8: string;
  libraries: Record<string, string | null>;
  commit: string | null;
  uncommittedChanges: boolean | null;
}

const LIBRARIES = ['minisearch', 'nodejieba', 'express', 'flexsearch', 'lunr', 'lunr-languages', 'autocannon', 'tsx', 'typescript'];

function versionOf(repoRoot: string, name: string): string | null {
  try {
    return (JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version?: string }).version ?? null;
  } catch {
    return null;
  }
}

function git(repoRoot: string, args: string[]): string | null {
  try {
    return execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

/** Describes this machine and checkout (read-only: runs `git rev-parse` and `git status`). */
export function machineInfo(repoRoot: string): MachineInfo {
  const cpus = os.cpus();
  const status = git(repoRoot, ['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1e8) / 10,
    platform: os.platform(),
    release: os.release(),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    node: process.version,
    v8: process.versions.v8,
    libraries: Object.fromEntries(LIBRARIES.map((name) => [name, versionOf(repoRoot, name)])),
    commit: git(repoRoot, ['rev-parse', 'HEAD']),
    uncommittedChanges: status === null ? null : status.length > 0,
  };
}
