/** An agent's typing indicator fades if no further typing event comes. */
const TYPING_VISIBLE_MS = 12_000;

/** Whether the agent is typing: shown on their typing event, gone after a while or when they say something. */
export function createTypingIndicator(onChange: () => void) {
  let typing = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    get active(): boolean {
      return typing;
    },
    show(): void {
      typing = true;
      clearTimeout(timer);
      timer = setTimeout(() => {
        typing = false;
        onChange();
      }, TYPING_VISIBLE_MS);
      onChange();
    },
    clear(): void {
      clearTimeout(timer);
      typing = false;
    },
  };
}
