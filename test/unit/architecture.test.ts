import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The layout is the architecture (see README "How it is built"): browser code and server code apart, each
 * browser room importing only the rooms below it, and no module importing itself round a circle.
 */
const ROOT = resolve(import.meta.dirname, '../..');

/** Browser rooms, lowest first: a room may import from its own and lower rooms only. */
const BROWSER_LAYERS = ['platform', 'events', 'rules', 'config', 'analytics', 'connect', 'ui', 'runtime', 'inspect', 'entries'];
/** What server code may take from the browser side: the config validator and what it needs, and the stub's text. */
const SHARED_WITH_SERVER = ['config', 'rules', 'events', 'platform'];

interface Import {
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ts$/.test(entry.name))
    .map((entry) => relative(ROOT, join(entry.parentPath, entry.name)));
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(/^\s*(import|export)\s+(type\s+)?[^;]*?\bfrom\s+'(\.[^']+)'|import\('(\.[^']+)'\)/gm)) {
    const specifier = match[3] ?? match[4]!;
    const typeOnly = Boolean(match[2]) || /^\s*import\s*\{\s*type\s[^}]*\}/.test(match[0]) && !/,\s*(?!type\s)\w/.test(match[0]);
    const target = relative(ROOT, resolve(ROOT, dirname(file), specifier)).replace(/\.ts$/, '');
    found.push({ from: file, to: `${target}.ts`, typeOnly });
  }
  return found;
}

const files = [...sourceFiles('src'), ...sourceFiles('machines')];
const imports = files.flatMap(importsOf);
const roomOf = (file: string) => (file.startsWith('src/browser/') ? file.split('/')[2]! : undefined);

describe('the layout', () => {
  it('puts every browser file in a known room, and every other source under server/ or build/', () => {
    for (const file of files.filter((path) => path.startsWith('src/'))) {
      const room = roomOf(file);
      if (room) expect(BROWSER_LAYERS.includes(room) || file === 'src/browser/globals.d.ts', file).toBe(true);
      else expect(file, file).toMatch(/^src\/(server|build)\//);
    }
  });

  it('has no browser import that runs up the layers (a type from an entry, a chunk boundary, is allowed)', () => {
    const upward = imports.filter(({ from, to, typeOnly }) => {
      const [own, theirs] = [roomOf(from), roomOf(to)];
      if (!own || !theirs) return false;
      if (typeOnly && theirs === 'entries') return false;
      return BROWSER_LAYERS.indexOf(theirs) > BROWSER_LAYERS.indexOf(own);
    });
    expect(upward.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('keeps browser and server apart: the browser imports nothing of the server, the server only the shared rooms', () => {
    const crossing = imports.filter(({ from, to }) => {
      if (from.startsWith('src/browser/') || from.startsWith('machines/')) return to.startsWith('src/server/') || to.startsWith('src/build/');
      if (from.startsWith('src/server/')) return to.startsWith('src/browser/') && !SHARED_WITH_SERVER.includes(roomOf(to)!);
      return false;
    });
    expect(crossing.map(({ from, to }) => `${from} → ${to}`)).toEqual([]);
  });

  it('keeps the statecharts pure: machines/ imports nothing of src/', () => {
    expect(imports.filter(({ from, to }) => from.startsWith('machines/') && to.startsWith('src/'))).toEqual([]);
  });

  it('has no import circle, types included', () => {
    const graph = new Map<string, string[]>();
    // A module naming its own type (`typeof import('./config-chunk')`) is no circle.
    for (const { from, to } of imports) if (from !== to) graph.set(from, [...(graph.get(from) ?? []), to]);
    const circles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') return void circles.push([...path.slice(path.indexOf(file)), file].join(' → '));
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(circles).toEqual([]);
  });
});
