/**
 * The small part of Markdown that Amazon Connect supports (bold, italic, bulleted and numbered lists, links,
 * inline code and code blocks, line breaks), and links in plain text, parsed into a tree of plain data that
 * `rich-text.view.ts` draws with Lit. Nothing here is HTML: a `<b>` in a message is the text "<b>".
 *
 * Hand-written because a Markdown library costs 12+ KB gzip for a subset this size. Every search for a closing
 * delimiter is cached and positions only move forward, so the work is linear in the input whatever it holds.
 */

/** A run of text inside a paragraph or list item. */
export type Inline =
  | string
  | { tag: 'strong' | 'em' | 'code'; children: Inline[] }
  | { tag: 'a'; href: string; children: Inline[] }
  | { tag: 'br' };

export type Block =
  | { tag: 'p'; children: Inline[] }
  | { tag: 'ul' | 'ol'; items: Inline[][] }
  | { tag: 'pre'; text: string };

const LINK_SCHEMES = new Set(['http:', 'https:', 'mailto:', 'tel:']);

/** The URL as a link may use it, or undefined: only absolute http(s), mailto and tel URLs ever become links. */
export function safeHref(raw: string): string | undefined {
  const text = raw.trim();
  // An explicit scheme is required: relative and protocol-relative (`//host`) URLs stay text.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    if (!LINK_SCHEMES.has(url.protocol)) return undefined;
    if ((url.protocol === 'http:' || url.protocol === 'https:') && !url.hostname) return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}

/** Bare URLs and e-mail addresses in text; the e-mail's local part is bounded so scanning stays linear. */
const BARE_LINK = /(?:https?:\/\/|mailto:|tel:|www\.)[^\s<>"]+|(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63})+/gi;
/** Punctuation that ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?'")\]]$/;
const count = (text: string, ch: string) => text.split(ch).length - 1;

/** The URL without the sentence's punctuation after it; a `)` stays when the URL opened it (Wikipedia links). */
function trimTrailing(found: string): string {
  let end = found.length;
  while (end > 0 && TRAILING.test(found[end - 1]!)) {
    const head = found.slice(0, end);
    if (head.endsWith(')') && count(head, '(') >= count(head, ')')) break;
    end--;
  }
  return found.slice(0, end);
}

function hrefOfBare(text: string): string | undefined {
  if (/^www\./i.test(text)) return safeHref(`https://${text}`);
  if (!/^(?:https?:|mailto:|tel:)/i.test(text)) return safeHref(`mailto:${text}`);
  return safeHref(text);
}

/** `text` with bare URLs and e-mail addresses as links; every character of `text` is kept, in order. */
export function linkify(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(BARE_LINK)) {
    const found = trimTrailing(match[0]);
    const href = found ? hrefOfBare(found) : undefined;
    if (!href) continue;
    if (match.index > last) out.push(text.slice(last, match.index));
    out.push({ tag: 'a', href, children: [found] });
    last = match.index + found.length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Finds delimiters with `indexOf`, remembering the last answer per delimiter: positions only move forward. */
function createFinder(source: string) {
  const cache = new Map<string, { from: number; at: number }>();
  return (delimiter: string, from: number): number => {
    const hit = cache.get(delimiter);
    if (hit && from >= hit.from && (hit.at === -1 || from <= hit.at)) return hit.at;
    const at = source.indexOf(delimiter, from);
    cache.set(delimiter, { from, at });
    return at;
  };
}

/** Deeper emphasis than this is shown as its characters: no message needs it, and it bounds the work. */
const MAX_DEPTH = 6;
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

interface InlineParser {
  source: string;
  find: (delimiter: string, from: number) => number;
}

/** Pushes text, linkified unless inside a link, merging with a preceding string. */
function pushText(out: Inline[], text: string, inLink: boolean): void {
  if (!text) return;
  for (const part of inLink ? [text] : linkify(text)) {
    const previous = out[out.length - 1];
    if (typeof part === 'string' && typeof previous === 'string') out[out.length - 1] = previous + part;
    else out.push(part);
  }
}

/** The emphasis delimiter at `i`, when one opens there. */
function emphasisAt(source: string, i: number): string | undefined {
  const ch = source[i];
  if (ch !== '*' && ch !== '_') return undefined;
  const delimiter = source[i + 1] === ch ? ch + ch : ch;
  const next = source[i + delimiter.length];
  if (next === undefined || /\s/.test(next)) return undefined;
  // snake_case_names are words, not emphasis.
  if (ch === '_' && isWordChar(source[i - 1])) return undefined;
  return delimiter;
}

/** Inline content of `source[start, end)`. */
function parseInline(p: InlineParser, start: number, end: number, depth: number, inLink: boolean): Inline[] {
  const { source, find } = p;
  const out: Inline[] = [];
  let text = start;
  let i = start;
  const flush = (to: number) => {
    pushText(out, source.slice(text, to), inLink);
  };
  while (i < end) {
    const ch = source[i]!;
    if (ch === '`') {
      const close = find('`', i + 1);
      if (close !== -1 && close < end && close > i + 1) {
        flush(i);
        out.push({ tag: 'code', children: [source.slice(i + 1, close)] });
        i = text = close + 1;
        continue;
      }
    } else if (ch === '[' && !inLink && depth < MAX_DEPTH) {
      const close = find('](', i + 1);
      const paren = close === -1 ? -1 : find(')', close + 2);
      const href = paren !== -1 && paren < end ? safeHref(source.slice(close + 2, paren)) : undefined;
      if (href && close > i + 1 && !source.slice(i + 1, close).includes('\n')) {
        flush(i);
        out.push({ tag: 'a', href, children: parseInline(p, i + 1, close, depth + 1, true) });
        i = text = paren + 1;
        continue;
      }
    } else if (depth < MAX_DEPTH) {
      const delimiter = emphasisAt(source, i);
      const close = delimiter ? find(delimiter, i + delimiter.length + 1) : -1;
      if (delimiter && close !== -1 && close + delimiter.length <= end && !/\s/.test(source[close - 1]!)) {
        flush(i);
        const children = parseInline(p, i + delimiter.length, close, depth + 1, inLink);
        out.push({ tag: delimiter.length === 2 ? 'strong' : 'em', children });
        i = text = close + delimiter.length;
        continue;
      }
      if (delimiter) i += delimiter.length - 1;
    }
    i++;
  }
  flush(end);
  return out;
}

/** A paragraph's or item's lines, with a line break between them. */
function inlineLines(lines: readonly string[]): Inline[] {
  const source = lines.join('\n');
  const parser = { source, find: createFinder(source) };
  const out: Inline[] = [];
  let start = 0;
  for (const line of lines) {
    if (start > 0) out.push({ tag: 'br' });
    out.push(...parseInline(parser, start, start + line.length, 0, false));
    start += line.length + 1;
  }
  return out;
}

const BULLET = /^ {0,3}[-*+][ \t]+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)][ \t]+(.*)$/;
/** Only a bare fence: a language tag after it would be text we drop. */
const FENCE = /^ {0,3}```\s*$/;

/** Markdown, as blocks. Never throws; every character of the text (not the markup) is somewhere in the tree. */
export function parseMarkdown(markdown: string): Block[] {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ tag: 'p', children: inlineLines(paragraph) });
    paragraph = [];
  };
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (FENCE.test(line)) {
      endParagraph();
      const code: string[] = [];
      while (++n < lines.length && !FENCE.test(lines[n]!)) code.push(lines[n]!);
      blocks.push({ tag: 'pre', text: code.join('\n') });
      continue;
    }
    const bullet = BULLET.exec(line) ?? undefined;
    const numbered = bullet ? undefined : (NUMBERED.exec(line) ?? undefined);
    if (bullet || numbered) {
      endParagraph();
      const tag = bullet ? 'ul' : 'ol';
      const previous = blocks[blocks.length - 1];
      const item = inlineLines([(bullet ?? numbered)![1]!]);
      if (previous?.tag === tag && lines[n - 1]?.trim() !== '') previous.items.push(item);
      else blocks.push({ tag, items: [item] });
      continue;
    }
    if (line.trim() === '') endParagraph();
    else paragraph.push(line);
  }
  endParagraph();
  return blocks;
}

function inlineWords(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      if (typeof node === 'string') return node;
      if (node.tag === 'br') return '\n';
      const words = inlineWords(node.children);
      // Where a link leads is part of what it says, for the transcript download; a bare URL says it already.
      return node.tag === 'a' && !node.href.includes(words) ? `${words} (${node.href})` : words;
    })
    .join('');
}

/** Markdown in plain words, without its markup: what the live region reads and the transcript download keeps. */
export function markdownWords(markdown: string): string {
  return parseMarkdown(markdown)
    .map((block) => {
      if (block.tag === 'pre') return block.text;
      if (block.tag === 'p') return inlineWords(block.children);
      return block.items.map((item, index) => `${block.tag === 'ol' ? `${index + 1}.` : '•'} ${inlineWords(item)}`).join('\n');
    })
    .join('\n');
}
