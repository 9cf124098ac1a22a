/**
 * An interactive message's template as Amazon Connect sends it in `Content` (a JSON string) of an item with
 * ContentType `application/vnd.amazonaws.connect.message.interactive`. See
 * `../shared/reference/connect-rich-messaging.md` §1. Parsed and checked once, when the item arrives.
 */
export interface InteractiveTemplate {
  templateType: string;
  version: string;
  data: { content: Record<string, unknown>; replyMessage?: Record<string, unknown> };
}
