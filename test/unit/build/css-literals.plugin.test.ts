import { describe, expect, it } from 'vitest';
import { cssLiteralsPlugin, minifyCss } from '../../../src/build/css-literals.plugin';

/** Runs the plugin's transform as vite would on a browser module. */
function transform(code: string, id = '/repo/src/browser/ui/chat-panel.styles.ts'): string | undefined {
  const hook = cssLiteralsPlugin().transform as (code: string, id: string) => { code: string } | undefined;
  return hook(code, id)?.code;
}

describe('minifyCss', () => {
  it('drops comments and the whitespace CSS never needs', () => {
    expect(minifyCss('/* why */\n.a ,\n.b {\n  color: red;\n  margin: 0 auto;\n}\n')).toBe(' .a ,.b{color:red;margin:0 auto}');
  });

  it('drops the space after a declaration\'s colon and a media feature\'s, never a selector\'s', () => {
    expect(minifyCss('@media (prefers-color-scheme: dark) { .a :hover { --_bg: var(--cw-bg, #000); } }')).toBe('@media (prefers-color-scheme:dark){.a :hover{--_bg:var(--cw-bg,#000)}}');
  });

  it('leaves strings exactly as written', () => {
    expect(minifyCss('.a::before { content: "Note:  a ,  b ; }"; }')).toBe('.a::before{content:"Note:  a ,  b ; }"}');
    expect(minifyCss(".q { quotes: '« ' ' »'; }")).toBe(".q{quotes:'« ' ' »'}");
  });

  it('keeps the spaces that carry meaning: descendant selectors, calc() and space-separated values', () => {
    const css = 'li :first-child{width:calc(100% - 8px);box-shadow:0 2px 8px rgb(0 0 0 / 25%)}';
    expect(minifyCss(css)).toBe(css);
  });
});

describe('cssLiteralsPlugin', () => {
  it('minifies *_CSS template literals and leaves their interpolations exactly as written', () => {
    const code = 'export const PANEL_CSS = `\n.a {\n  color: red;\n}\n@media ${PHONE} {\n  ${AVATAR_CSS}\n}\n`;';
    expect(transform(code)).toBe('export const PANEL_CSS = `.a{color:red}@media ${PHONE}{${AVATAR_CSS}}`;');
  });

  it('leaves other template literals, and code outside the browser sources, alone', () => {
    const other = 'const MESSAGE = `\n  hello {  there  }\n`;';
    expect(transform(other)).toBeUndefined();
    expect(transform('const X_CSS = `\n.a { color: red; }\n`;', '/repo/src/server/emulator/agent-console.ts')).toBeUndefined();
  });
});
