/**
 * The conversation chunk (`dist/webchat-conversation.js`), loaded only when a chat starts or resumes (or the
 * pre-chat form opens): the real chatjs session, the transcript and the Lit panel.
 */
export { openConversation } from '../runtime/conversation';
export { mountPreChatForm } from '../ui/pre-chat-form';
