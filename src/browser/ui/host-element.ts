import type { HostAppearance } from '../config/instance-config';

/** Attribute on our host elements, so site CSS and tests can find them without class-name clashes. */
export const HOST_ATTRIBUTE = 'data-connect-webchat';

/**
 * A host element at the end of `<body>` (or of the `container` the site gave) with an open shadow root: host CSS cannot reach inside, ours
 * cannot leak out. `part` names which piece of the widget lives there (`launcher`, `panel`). `appearance`
 * (from the config) gives it the text's `lang`, `dir="rtl"` for a right-to-left language, and the theme's
 * custom properties and position as inline style, set through CSSOM so a strict CSP allows it.
 */
export function createHostElement(
  doc: Document,
  part: 'launcher' | 'panel' | 'notice',
  appearance?: HostAppearance,
  container?: HTMLElement,
): { element: HTMLElement; root: ShadowRoot } {
  const element = doc.createElement('div');
  element.setAttribute(HOST_ATTRIBUTE, part);
  if (appearance) {
    element.lang = appearance.lang;
    if (appearance.dir) element.dir = appearance.dir;
    for (const [name, value] of Object.entries(appearance.style)) element.style.setProperty(name, value);
  }
  const root = element.attachShadow({ mode: 'open' });
  (container ?? doc.body ?? doc.documentElement).append(element);
  return { element, root };
}
