import type { ConversationModule } from './conversation.types';

/**
 * Loads the conversation chunk once, however many ask at the same time; a failed load is tried again when next
 * asked for, with the number of failures so far (a browser remembers a failed module URL for the page's life).
 */
export function conversationLoader(load: (attempt: number) => Promise<ConversationModule>): () => Promise<ConversationModule> {
  let loading: Promise<ConversationModule> | undefined;
  let failures = 0;
  return () =>
    (loading ??= load(failures).catch((error: unknown) => {
      loading = undefined;
      failures++;
      throw error;
    }));
}
