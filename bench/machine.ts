import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, loadavg, release, totalmem, type, arch } from 'node:os';
import { join } from 'node:path';

/** Where the numbers came from: they mean little without it. */
export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  os: string;
  node: string;
  chromium: string;
  playwrightCore: string;
  /** 1-minute load average when the bench started and ended: other work on the machine skews timings. */
  loadAverage: { start: number; end?: number };
}

export interface Revision {
  commit: string;
  /** Files in the work tree differ from the commit. */
  dirty: boolean;
}

function packageVersion(root: string, name: string): string {
  try {
    return (JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

export function describeMachine(root: string): Machine {
  const processors = cpus();
  return {
    cpu: processors[0]?.model.trim() ?? 'unknown',
    cores: processors.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${type()} ${release()} ${arch()}`,
    node: process.version,
    chromium: 'not launched',
    playwrightCore: packageVersion(root, 'playwright-core'),
    loadAverage: { start: loadavg()[0]! },
  };
}

export function describeRevision(root: string): Revision {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
  try {
    return { commit: git('rev-parse', 'HEAD'), dirty: git('status', '--porcelain', '--untracked-files=no') !== '' };
  } catch {
    return { commit: 'unknown', dirty: true };
  }
}

export const currentLoadAverage = (): number => loadavg()[0]!;
