import type { UiText } from '../../config/instance-config.types';
import type { PanelCallbacks } from '../chat-panel.types';

/** What a message's content may ask of the runtime, and the words it may need. */
export interface ContentContext {
  callbacks: Pick<PanelCallbacks, 'pick' | 'openAttachment'>;
  text: UiText;
}
