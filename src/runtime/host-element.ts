/** Attribute on our host elements, so site CSS and tests can find them without class-name clashes. */
export const HOST_ATTRIBUTE = 'data-connect-webchat';

/**
 * A host element at the end of `<body>` with an open shadow root: host CSS cannot reach inside, ours
 * cannot leak out. `part` names which piece of the widget lives there (`launcher`, `panel`).
 */
export function createHostElement(doc: Document, part: 'launcher' | 'panel'): { element: HTMLElement; root: ShadowRoot } {
  const element = doc.createElement('div');
  element.setAttribute(HOST_ATTRIBUTE, part);
  const root = element.attachShadow({ mode: 'open' });
  (doc.body ?? doc.documentElement).append(element);
  return { element, root };
}
