import type { TemplateResult } from 'lit/html.js';
import type { UiText } from '../../config/instance-config.types';
import type { PanelCallbacks, PanelMessage } from '../chat-panel.types';

/** What a message's content may ask of the runtime, and the words it may need. */
export interface ContentContext {
  callbacks: Pick<PanelCallbacks, 'pick' | 'openAttachment'>;
  text: UiText;
}

/**
 * The inside of a message's bubble, by its content's kind. Untrusted text is always bound as text: no kind is
 * ever parsed as HTML. (Rich kinds are drawn by their own renderers in this folder.)
 */
export function messageContent(message: PanelMessage, _context: ContentContext): TemplateResult | string {
  return message.text;
}
