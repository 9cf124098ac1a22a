/** What the message-content test page needs from the source: the panel, and the item → message mapping. */
export { mountChatPanel } from '../../../src/browser/ui/chat-panel';
export { toPanelMessage } from '../../../src/browser/ui/panel-message';
export { DEFAULT_UI_TEXT } from '../../../src/browser/config/ui-text';
