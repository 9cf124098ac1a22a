import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const DIST = join(process.cwd(), 'dist');

function built(file: string): string {
  const path = join(DIST, file);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return readFileSync(path, 'utf8');
}

describe.each(['webchat.js', 'webchat-config.js', 'webchat-conversation.js'])('the built %s', (file) => {
  it('opens with V8\'s compile hint, so Chromium compiles its functions off the main thread while streaming it', () => {
    expect(built(file).split('\n', 1)[0]).toBe('//# allFunctionsCalledOnLoad');
  });

  it('keeps its source map in step with the line the hint adds', () => {
    const lines = built(file).split('\n');
    // One `;`-separated group of mappings per generated line: none for the hint, the code's from the second line on.
    const groups = (JSON.parse(built(`${file}.map`)) as { mappings: string }).mappings.split(';');
    expect(groups[0]).toBe('');
    expect(groups[1]).not.toBe('');
    expect(groups.length).toBeLessThanOrEqual(lines.length);
  });
});

describe('the files a visitor loads', () => {
  it('are ASCII, so Chromium holds their source one byte a character, not two', () => {
    for (const file of ['webchat.js', 'webchat-config.js', 'webchat-conversation.js']) expect(built(file), file).toMatch(/^[\x00-\x7f]*$/);
  });
});
