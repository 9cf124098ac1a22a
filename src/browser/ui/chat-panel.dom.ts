/** Every query the chat panel makes of its own DOM, in one place (the template is `chat-panel.view.ts`). */
export const panelDom = {
  textbox: (container: HTMLElement) => container.querySelector('textarea'),
  list: (container: HTMLElement) => container.querySelector<HTMLElement>('.list'),
  fileInput: (container: HTMLElement) => container.querySelector<HTMLInputElement>('input.file'),
  /** While the end-chat question is asked, what Tab goes round: its answers, then the header's Minimise; else nothing. */
  dialogButtons: (container: HTMLElement) => {
    const answers = [...container.querySelectorAll<HTMLElement>('.confirm button')];
    const minimise = container.querySelector<HTMLElement>('header [data-action="minimise"]');
    return answers.length && minimise ? [...answers, minimise] : answers;
  },
  /** The "New messages" divider, when the view has a first unread message. */
  unreadDivider: (container: HTMLElement) => container.querySelector<HTMLElement>('#cw-unread'),
  /** Focus is somewhere inside the panel. */
  hasFocus: (host: ShadowRoot, container: HTMLElement) => container.contains(host.activeElement),
  /** The end question's first answer, else the textbox, else the footer's main button (Start new chat, Try again), else the panel. */
  focusPrimary: (container: HTMLElement) => {
    for (const selector of ['.confirm button', 'textarea', 'footer .primary', 'footer button', '.panel']) {
      const target = container.querySelector<HTMLElement>(selector);
      if (target) return target.focus();
    }
  },
  /** Nothing on the page has focus: moving it into the panel takes it from no one. */
  pageIdle: (doc: Document) => !doc.activeElement || doc.activeElement === doc.body,
};
