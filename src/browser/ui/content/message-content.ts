import { html, type TemplateResult } from 'lit/html.js';
import type { PanelMessage } from '../chat-panel.types';
import { attachmentCard } from './attachment.view';
import { interactiveCard } from './interactive.view';
import { markdown, plainText } from './rich-text.view';
import type { ContentContext } from './content.types';

export type { ContentContext } from './content.types';

/**
 * The inside of a message's bubble, by its content's kind (the panel notes under it when Amazon Connect's limits
 * cut it). Untrusted text is always bound as text: no kind is ever parsed as HTML.
 */
export function messageContent(message: PanelMessage, context: ContentContext): TemplateResult {
  const { content } = message;
  switch (content.kind) {
    // Each message takes its direction from its own words (Arabic in an English page, and back).
    case 'text': return html`<span dir="auto">${plainText(content.text)}</span>`;
    case 'markdown': return markdown(content.text);
    case 'interactive': return interactiveCard(message, content.template, context);
    case 'attachment': return attachmentCard(content.attachment, context);
  }
}
