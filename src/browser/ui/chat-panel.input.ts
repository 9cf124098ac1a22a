import { panelDom } from './chat-panel.dom';
import type { PanelAction, PanelCallbacks } from './chat-panel.types';
import type { LocalAction } from './chat-panel.view';

/** What the panel keeps for itself while the customer works: the draft's length, a drag, a download. */
export interface LocalHooks {
  /** The draft changed (typed, sent, cleared). */
  draft(length: number): void;
  /** Files are being dragged over the panel, or no longer. */
  dragging(over: boolean): void;
  /** "Download transcript". */
  download(): void;
  /** The longest message the customer may send now. */
  maxLength(): number;
}

/**
 * Grows the textbox with its text where CSS cannot (`field-sizing: content` is Chromium's alone so far); the
 * stylesheet's `max-block-size` still caps it. Set through CSSOM, which a strict CSP allows.
 */
function fitHeight(box: HTMLTextAreaElement): void {
  const css = box.ownerDocument.defaultView?.CSS;
  if (css?.supports('field-sizing', 'content') !== false) return;
  box.style.blockSize = 'auto';
  box.style.blockSize = `${box.scrollHeight}px`;
}

/** True when a drag carries files (not text or a link being dragged about). */
const carriesFiles = (event: DragEvent) => [...(event.dataTransfer?.types ?? [])].includes('Files');

/**
 * Turns what the customer does in the panel into callbacks: the buttons (by `data-action`), Enter to send
 * (Shift+Enter for a newline, never mid-composition), Escape to minimise (or, while "End this chat?" is asked,
 * to keep chatting), typing, and files chosen, dropped or pasted. Returns the remover.
 */
export function listenToCustomer(container: HTMLElement, callbacks: PanelCallbacks, hooks: LocalHooks): () => void {
  const textbox = () => panelDom.textbox(container);

  const submit = () => {
    const box = textbox();
    const text = box?.value.trim();
    if (!box || !text || text.length > hooks.maxLength()) return;
    callbacks.send(text);
    box.value = '';
    fitHeight(box);
    hooks.draft(0);
    box.focus();
  };

  const act = (target: HTMLElement, action: PanelAction | LocalAction) => {
    if (action === 'send') submit();
    else if (action === 'attach') panelDom.fileInput(container)?.click();
    else if (action === 'resend') callbacks.resend(target.dataset.id!);
    else if (action === 'download') hooks.download();
    else callbacks[action]();
  };
  const onClick = (event: Event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-action]');
    if (target) act(target, target.dataset.action as PanelAction | LocalAction);
  };

  /** Tab and Shift+Tab go round the end question's two answers and Minimise: the conversation is inert meanwhile. */
  const trapTab = (event: KeyboardEvent, buttons: HTMLElement[]) => {
    const root = container.getRootNode() as ShadowRoot;
    const at = buttons.indexOf(root.activeElement as HTMLElement);
    event.preventDefault();
    buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]!.focus();
  };
  const onKeydown = (event: KeyboardEvent) => {
    if (event.isComposing) return;
    const dialog = panelDom.dialogButtons(container);
    if (event.key === 'Escape') {
      event.stopPropagation();
      if (dialog.length) callbacks.keepChatting();
      else callbacks.minimise();
    } else if (event.key === 'Tab' && dialog.length) {
      trapTab(event, dialog);
    } else if (event.key === 'Enter' && !event.shiftKey && event.target === textbox()) {
      event.preventDefault();
      submit();
    }
  };
  const onInput = (event: Event) => {
    const box = textbox();
    if (event.target !== box || !box) return;
    fitHeight(box);
    hooks.draft(box.value.trim().length);
    if (box.value.trim()) callbacks.typing();
  };

  const attach = (files: FileList | null | undefined) => {
    if (files?.length) callbacks.attach([...files]);
  };
  const onChange = (event: Event) => {
    const input = panelDom.fileInput(container);
    if (event.target !== input || !input) return;
    attach(input.files);
    input.value = ''; // the same file may be chosen again
  };
  const onPaste = (event: ClipboardEvent) => {
    if (!panelDom.fileInput(container) || !event.clipboardData?.files.length) return;
    event.preventDefault(); // a pasted file is sent, not its name typed
    attach(event.clipboardData.files);
  };
  /** Drags count enters and leaves of child elements; the panel is left when the count is back to zero. */
  let depth = 0;
  const onDrag = (event: DragEvent) => {
    if (!panelDom.fileInput(container) || !carriesFiles(event)) return;
    event.preventDefault();
    if (event.type === 'dragenter' && ++depth === 1) hooks.dragging(true);
    else if (event.type === 'dragleave' && --depth === 0) hooks.dragging(false);
    else if (event.type === 'drop') {
      depth = 0;
      hooks.dragging(false);
      attach(event.dataTransfer?.files);
    }
  };

  const listeners: [string, EventListener][] = [
    ['click', onClick],
    ['keydown', onKeydown as EventListener],
    ['input', onInput],
    ['change', onChange],
    ['paste', onPaste as EventListener],
    ...['dragenter', 'dragover', 'dragleave', 'drop'].map((type): [string, EventListener] => [type, onDrag as EventListener]),
  ];
  for (const [type, listener] of listeners) container.addEventListener(type, listener);
  return () => {
    for (const [type, listener] of listeners) container.removeEventListener(type, listener);
  };
}
