import MagicString from 'magic-string';
import type { Plugin } from 'vite';

/** `const PANEL_CSS = \`…\`` (exported or not): our stylesheets are template literals named `*_CSS`. */
const CSS_LITERAL = /\b[A-Z][A-Z0-9_]*_CSS\s*=\s*`([^`]*)`/g;
/** A `${…}` inside the literal (another stylesheet, a media query): kept exactly as written. */
const INTERPOLATION = /(\$\{[^}]*\})/;

/** A quoted CSS string: never minified. */
const CSS_STRING = /("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/;

/**
 * Whitespace and comments out of CSS text. Only what is never significant in CSS goes: comments, runs of
 * whitespace (to one space), spaces next to `{`, `}`, `;`, after `,` and after a declaration's (or a media
 * feature's) `:`, and the last `;` of a block. Spaces inside selectors (`a :hover`), values (`calc(1px + 2px)`)
 * and strings stay, and so does a space next to an interpolation (`@media ${query}`): the caller minifies the
 * text between interpolations.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(CSS_STRING)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : part
            .replace(/\s+/g, ' ')
            .replace(/ ?([{};]) ?/g, '$1')
            .replace(/, /g, ',')
            .replace(/([\w-]): /g, '$1:'),
    )
    .join('')
    .replace(/;}/g, '}');
}

/**
 * Build step: the stylesheets in our browser code are written to be read (one rule a line, comments) and
 * shipped small. Every byte of the first script and the conversation chunk is budgeted (`npm run bench`).
 */
export function cssLiteralsPlugin(): Plugin {
  return {
    name: 'connect-webchat:css-literals',
    enforce: 'pre',
    transform(code, id) {
      const path = id.split('?')[0]!;
      if (!/[\\/]src[\\/]browser[\\/].*\.ts$/.test(path) || !code.includes('_CSS')) return undefined;
      const source = new MagicString(code);
      for (const match of code.matchAll(CSS_LITERAL)) {
        const body = match[1]!;
        const start = match.index + match[0].length - body.length - 1;
        const minified = body
          .split(INTERPOLATION)
          .map((part, index) => (index % 2 === 1 ? part : minifyCss(part)))
          .join('')
          .trim();
        if (minified !== body) source.overwrite(start, start + body.length, minified);
      }
      return source.hasChanged() ? { code: source.toString(), map: source.generateMap({ hires: true, source: path }) } : undefined;
    },
  };
}
