import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PanelMessage } from '../chat-panel.types';
import { attachmentCard } from './attachment.view';
import { interactiveCard } from './interactive.view';
import { markdown, plainText } from './rich-text.view';

import type { ContentContext } from './content.types';

export type { ContentContext } from './content.types';

function body(message: PanelMessage, context: ContentContext) {
  const { content } = message;
  switch (content.kind) {
    // Each message takes its direction from its own words (Arabic in an English page, and back).
    case 'text': return html`<span dir="auto">${plainText(content.text)}</span>`;
    case 'markdown': return markdown(content.text);
    case 'interactive': return interactiveCard(message, content.template, context);
    case 'attachment': return attachmentCard(content.attachment, context);
  }
}

/**
 * The inside of a message's bubble, by its content's kind, and a note when Amazon Connect's limits cut it.
 * Untrusted text is always bound as text: no kind is ever parsed as HTML.
 */
export function messageContent(message: PanelMessage, context: ContentContext): TemplateResult {
  return html`${body(message, context)}${message.truncated ? html` <small class="cw-cut">${context.text.contentTruncated}</small>` : nothing}`;
}
