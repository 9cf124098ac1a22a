import { html, type TemplateResult } from 'lit/html.js';
import { linkify, parseMarkdown, type Block, type Inline } from './rich-text';

/** Every link leaves the panel for a new tab, and the opened page gets no handle on ours. */
export const link = (href: string, children: unknown) =>
  html`<a href=${href} target="_blank" rel="noopener noreferrer">${children}</a>`;

function inline(node: Inline): TemplateResult | string {
  if (typeof node === 'string') return node;
  switch (node.tag) {
    case 'br': return html`<br>`;
    case 'a': return link(node.href, node.children.map(inline));
    case 'strong': return html`<strong>${node.children.map(inline)}</strong>`;
    case 'em': return html`<em>${node.children.map(inline)}</em>`;
    case 'code': return html`<code>${node.children.map(inline)}</code>`;
  }
}

const inlines = (nodes: readonly Inline[]) => nodes.map(inline);

function block(node: Block): TemplateResult {
  switch (node.tag) {
    case 'p': return html`<p>${inlines(node.children)}</p>`;
    case 'pre': return html`<pre><code>${node.text}</code></pre>`;
    case 'ul': return html`<ul>${node.items.map((item) => html`<li>${inlines(item)}</li>`)}</ul>`;
    case 'ol': return html`<ol>${node.items.map((item) => html`<li>${inlines(item)}</li>`)}</ol>`;
  }
}

/** Plain text with its URLs and e-mail addresses as links; line breaks are kept by the bubble's `pre-wrap`. */
export const plainText = (text: string) => inlines(linkify(text));

/** `text/markdown`, drawn as elements (never as HTML). */
export const markdown = (text: string) => html`<div class="cw-md" dir="auto">${parseMarkdown(text).map(block)}</div>`;
