import { fileURLToPath } from 'node:url';
import MagicString from 'magic-string';
import type { Plugin } from 'vite';

const SANDBOX_MODULE = fileURLToPath(new URL('../browser/platform/global-sandbox.ts', import.meta.url));

/** The bundled files that write to the global object, and how each is handed the sandbox instead. */
const SANDBOXED: ReadonlyArray<{ file: RegExp; wrap(source: MagicString): void }> = [
  {
    // A script (not a module) that reads `window`, `self` and the bare name `connect`: run it in a function
    // whose parameters by those names are the sandbox's.
    file: /[\\/]amazon-connect-chatjs[\\/]dist[\\/]amazon-connect-chat\.js$/,
    wrap: (source) =>
      source
        .prepend('(function (window, self, connect) {\n')
        .append('\n}).call(undefined, __sandbox.window, __sandbox.window, __sandbox.connect);\n'),
  },
  {
    // An ES module that reads `globalThis` once, into a local: a module-scoped binding shadows it.
    file: /[\\/]lit-html[\\/]lit-html\.js$/,
    wrap: (source) => source.prepend('const globalThis = __sandbox.window;\n'),
  },
];

/**
 * Build step: bundled libraries that would write globals on the host page get `librarySandbox` in place
 * of the global object (see `global-sandbox.ts`). Only what this build bundles: a library left external
 * (the npm package's `lit`) is the app's own.
 */
export function globalSandboxPlugin(): Plugin {
  return {
    name: 'connect-webchat:global-sandbox',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!;
      const target = SANDBOXED.find(({ file }) => file.test(path));
      if (!target) return undefined;
      const source = new MagicString(code);
      target.wrap(source);
      source.prepend(`import { librarySandbox as __sandbox } from ${JSON.stringify(SANDBOX_MODULE)};\n`);
      return { code: source.toString(), map: source.generateMap({ hires: true, source: id }) };
    },
  };
}
