import { panelDom } from './chat-panel.dom';
import type { PanelAction, PanelCallbacks } from './chat-panel.types';

/**
 * Turns what the customer does in the panel into callbacks: the buttons (by `data-action`), Enter to send
 * (Shift+Enter for a newline, never mid-composition), Escape to minimise, and typing. Returns the remover.
 */
export function listenToCustomer(container: HTMLElement, callbacks: PanelCallbacks): () => void {
  const textbox = () => panelDom.textbox(container);

  const submit = () => {
    const box = textbox();
    const text = box?.value.trim();
    if (!box || !text) return;
    callbacks.send(text);
    box.value = '';
    box.focus();
  };

  const onClick = (event: Event) => {
    const action = (event.target as Element).closest<HTMLElement>('[data-action]')?.dataset.action as PanelAction | undefined;
    if (action === 'send') submit();
    else if (action) callbacks[action]();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    if (event.key === 'Escape') {
      event.stopPropagation();
      callbacks.minimise();
    } else if (event.key === 'Enter' && !event.shiftKey && event.target === textbox()) {
      event.preventDefault();
      submit();
    }
  };
  const onInput = (event: Event) => {
    if (event.target === textbox() && textbox()!.value.trim()) callbacks.typing();
  };

  container.addEventListener('click', onClick);
  container.addEventListener('keydown', onKeydown);
  container.addEventListener('input', onInput);
  return () => {
    container.removeEventListener('click', onClick);
    container.removeEventListener('keydown', onKeydown);
    container.removeEventListener('input', onInput);
  };
}
