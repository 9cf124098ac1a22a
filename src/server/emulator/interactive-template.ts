import { isJsonObject } from './json-http';

/** Amazon Connect's limit on an interactive message's Content (SendMessage checks only this). */
export const INTERACTIVE_LIMIT_BYTES = 20 * 1024;

/**
 * Why a text is not an interactive message template as Amazon Connect takes one, or undefined when it
 * is: JSON under 20 KB holding `{ templateType, version, data }` (AG `interactive-messages.html`). The
 * fields inside `data` are each template's business (and the client's to truncate).
 */
export function interactiveTemplateProblem(text: string): string | undefined {
  if (Buffer.byteLength(text) > INTERACTIVE_LIMIT_BYTES) return `an interactive template must be at most ${INTERACTIVE_LIMIT_BYTES} bytes.`;
  let template: unknown;
  try {
    template = JSON.parse(text);
  } catch {
    return 'an interactive template must be JSON.';
  }
  if (!isJsonObject(template)) return 'an interactive template must be a JSON object.';
  if (typeof template.templateType !== 'string' || template.templateType === '') return 'the template needs a templateType (e.g. "QuickReply").';
  if (typeof template.version !== 'string' || template.version === '') return 'the template needs a version (e.g. "1.0").';
  if (!isJsonObject(template.data)) return 'the template needs a data object.';
  return undefined;
}
