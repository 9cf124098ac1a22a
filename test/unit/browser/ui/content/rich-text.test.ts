import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linkify, parseMarkdown, safeHref, type Block, type Inline } from '../../../../../src/browser/ui/content/rich-text';

/** The words a reader sees (and, for explicit links, where they lead), in order. */
function inlineText(nodes: readonly Inline[], withHrefs = false): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.tag === 'br') return '\n';
      const inner = inlineText(node.children, withHrefs);
      return node.tag === 'a' && withHrefs && inner !== node.href ? inner + node.href : inner;
    })
    .join('');
}
const blockText = (blocks: readonly Block[], withHrefs = false) =>
  blocks.map((b) => (b.tag === 'pre' ? b.text : b.tag === 'p' ? inlineText(b.children, withHrefs) : b.items.map((i) => inlineText(i, withHrefs)).join('\n'))).join('\n');
function links(nodes: readonly (Inline | Block)[]): string[] {
  return nodes.flatMap((node): string[] => {
    if (typeof node === 'string') return [];
    if (node.tag === 'a') return [node.href, ...links(node.children)];
    if (node.tag === 'p' || node.tag === 'strong' || node.tag === 'em' || node.tag === 'code') return links(node.children);
    if (node.tag === 'ul' || node.tag === 'ol') return node.items.flatMap(links);
    return [];
  });
}
const letters = (text: string) => text.replace(/[^\p{L}]/gu, '');
/** True when `part`'s characters appear in `whole` in the same order. */
function isSubsequence(part: string, whole: string): boolean {
  let at = 0;
  for (const ch of whole) if (ch === part[at]) at++;
  return at === part.length;
}
const SAFE = /^(https?:\/\/[^/]|mailto:|tel:)/;

describe('safeHref', () => {
  it.each([
    ['https://example.com/a?b=1', 'https://example.com/a?b=1'],
    ['http://example.com', 'http://example.com/'],
    ['mailto:help@example.com', 'mailto:help@example.com'],
    ['tel:+441234567', 'tel:+441234567'],
  ])('keeps %s', (raw, href) => expect(safeHref(raw)).toBe(href));

  it.each(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', ' javascript:alert(1)', 'data:text/html,<b>x', 'vbscript:msgbox', '/relative', '../up', '//evil.example', 'example.com', 'https://', 'file:///etc/passwd'])(
    'refuses %j',
    (raw) => expect(safeHref(raw)).toBeUndefined(),
  );
});

describe('linkify', () => {
  it('turns bare URLs and e-mail addresses into links, leaving sentence punctuation outside', () => {
    expect(linkify('See https://example.com/a. Or mail help@example.com, or www.example.org!')).toEqual([
      'See ',
      { tag: 'a', href: 'https://example.com/a', children: ['https://example.com/a'] },
      '. Or mail ',
      { tag: 'a', href: 'mailto:help@example.com', children: ['help@example.com'] },
      ', or ',
      { tag: 'a', href: 'https://www.example.org/', children: ['www.example.org'] },
      '!',
    ]);
  });

  it('keeps a closing parenthesis that the URL opened', () => {
    expect(linkify('(https://en.wikipedia.org/wiki/Foo_(bar))')[1]).toEqual({
      tag: 'a', href: 'https://en.wikipedia.org/wiki/Foo_(bar)', children: ['https://en.wikipedia.org/wiki/Foo_(bar)'] });
  });

  it('leaves other schemes as text', () => {
    expect(linkify('javascript:alert(1) data:text/html,x')).toEqual(['javascript:alert(1) data:text/html,x']);
  });

  it('never loses or adds a character, and links only to allowed schemes', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab.:/@ w()-\n'.split(''), 'https://', 'mailto:', 'javascript:', 'www.'), maxLength: 200 }), (text) => {
        const out = linkify(text);
        expect(inlineText(out)).toBe(text);
        for (const href of links(out)) expect(href).toMatch(SAFE);
      }),
    );
  });
});

describe('parseMarkdown', () => {
  it('parses bold, italic, code, links and line breaks in a paragraph', () => {
    expect(parseMarkdown('**Bold** and *it* or _it_, `a*b*`\nnext [Help](https://example.com/help)')).toEqual([
      { tag: 'p', children: [
        { tag: 'strong', children: ['Bold'] }, ' and ', { tag: 'em', children: ['it'] }, ' or ', { tag: 'em', children: ['it'] }, ', ',
        { tag: 'code', children: ['a*b*'] }, { tag: 'br' }, 'next ',
        { tag: 'a', href: 'https://example.com/help', children: ['Help'] },
      ] },
    ]);
  });

  it('parses bulleted and numbered lists, paragraphs and fenced code', () => {
    expect(parseMarkdown('Choose:\n- one\n* two\n\n1. first\n2) second\n\n```\n<b>not bold</b>\n**x**\n```\nend')).toEqual([
      { tag: 'p', children: ['Choose:'] },
      { tag: 'ul', items: [['one'], ['two']] },
      { tag: 'ol', items: [['first'], ['second']] },
      { tag: 'pre', text: '<b>not bold</b>\n**x**' },
      { tag: 'p', children: ['end'] },
    ]);
  });

  it('shows HTML as text and keeps snake_case words whole', () => {
    expect(parseMarkdown('<img src=x onerror=alert(1)> my_var_name')).toEqual([{ tag: 'p', children: ['<img src=x onerror=alert(1)> my_var_name'] }]);
  });

  it('keeps links with forbidden schemes as their text', () => {
    for (const href of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '/relative', '//evil.example']) {
      expect(parseMarkdown(`[click](${href})`)).toEqual([{ tag: 'p', children: [`[click](${href})`] }]);
    }
  });

  it('links bare URLs in text but not inside code or a link label', () => {
    const [p] = parseMarkdown('go https://a.example `https://b.example` [https://c.example](https://d.example)');
    expect(links([p!])).toEqual(['https://a.example/', 'https://d.example/']);
  });

  it('leaves unclosed markers as they are', () => {
    expect(parseMarkdown('2 * 3 = 6 and **open')).toEqual([{ tag: 'p', children: ['2 * 3 = 6 and **open'] }]);
  });

  const markdownish = fc.string({
    unit: fc.constantFrom(...'ab *_`[]()\n-1.#'.split(''), '**', '```', 'https://x.example', '](', 'javascript:', 'data:', '\n- ', '\n1. '),
    maxLength: 300,
  });

  it('never throws, and links only to allowed schemes', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        for (const href of links(parseMarkdown(text))) expect(href).toMatch(SAFE);
      }),
      { numRuns: 500 },
    );
  });

  it('never links to a forbidden scheme, however the link is written', () => {
    const scheme = fc.constantFrom('javascript:', 'JavaScript:', 'java\tscript:', ' javascript:', 'data:', 'vbscript:', 'file:', '//', '/', '', 'https://', 'mailto:', 'tel:');
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), scheme, fc.string({ maxLength: 20 }), (label, prefix, rest) => {
        for (const href of links(parseMarkdown(`x [${label}](${prefix}${rest}) ${prefix}${rest}`))) expect(href).toMatch(SAFE);
      }),
      { numRuns: 1000 },
    );
  });

  it('never drops a letter of the text (markup aside)', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const blocks = parseMarkdown(text);
        // Every letter is shown (or is where a link leads), and nothing is shown that was not written.
        expect(isSubsequence(letters(text), letters(blockText(blocks, true)))).toBe(true);
        expect(isSubsequence(letters(blockText(blocks)), letters(text))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('finishes pathological input in one pass (nested ** × 10k, unclosed brackets, backticks)', () => {
    const inputs = ['**'.repeat(10_000), '**a'.repeat(10_000), `${'**'.repeat(5_000)}x${'**'.repeat(5_000)}`, '*['.repeat(10_000), '`'.repeat(20_000), '[a]('.repeat(5_000), '_a'.repeat(10_000)];
    for (const input of inputs) {
      expect(isSubsequence(letters(input), letters(blockText(parseMarkdown(input), true)))).toBe(true);
    }
  });
});
