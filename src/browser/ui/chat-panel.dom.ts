/** Every query the chat panel makes of its own DOM, in one place (the template is `chat-panel.view.ts`). */
export const panelDom = {
  textbox: (container: HTMLElement) => container.querySelector('textarea'),
  list: (container: HTMLElement) => container.querySelector<HTMLElement>('.list'),
  /** Focus is somewhere inside the panel. */
  hasFocus: (host: ShadowRoot, container: HTMLElement) => container.contains(host.activeElement),
  /** The textbox, else the footer's button (Start new chat, Try again), else the panel itself. */
  focusPrimary: (container: HTMLElement) =>
    (container.querySelector<HTMLElement>('.confirm button, textarea, footer button') ?? container.querySelector<HTMLElement>('.panel'))?.focus(),
  /** Nothing on the page has focus: moving it into the panel takes it from no one. */
  pageIdle: (doc: Document) => !doc.activeElement || doc.activeElement === doc.body,
};
