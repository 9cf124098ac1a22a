import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BuildSnapshot {
  /** A root for `startDemoServer({ root })`: `dist/`, `examples/` and `config/` as they were when taken. */
  root: string;
  remove(): Promise<void>;
}

/**
 * Copies what the demo server serves (the build in `dist/`, the demo site, the instance config) to a
 * temporary root, so every measurement sees the build `npm run bench` just made, even if `dist/` is
 * rebuilt while the bench runs (a watcher, another `npm test` in the same tree).
 */
export async function snapshotBuild(projectRoot: string): Promise<BuildSnapshot> {
  const root = await mkdtemp(join(tmpdir(), 'connect-webchat-bench-'));
  for (const folder of ['dist', 'examples', 'config']) {
    await cp(join(projectRoot, folder), join(root, folder), { recursive: true });
  }
  return { root, remove: () => rm(root, { recursive: true, force: true }) };
}
