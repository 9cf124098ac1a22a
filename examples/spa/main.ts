/// <reference types="vite/client" />
/**
 * A vanilla single-page app with client-side routing that embeds the chat from code (`createWebchat`).
 * One runtime lives as long as the app: the chat survives every route change, and the display rules are
 * re-evaluated on each one (the runtime follows same-document navigations by itself where the browser has
 * the Navigation API; the app also calls `checkRules()` after it changes the route, which covers the rest).
 */
import { createWebchat, type PublicInstanceConfig, type SaEvent } from 'connect-webchat';
import { ROUTES, routeOf } from './routes';

/** Where the app is served from (`vite.config.ts`' `base`), e.g. `/examples/spa/`. */
const BASE = import.meta.env.BASE_URL;

/**
 * The instance's public configuration, inline (no request for it). Its display rules speak about this app's
 * routes: no start-chat button at checkout.
 */
const config: PublicInstanceConfig = {
  name: 'help_faq_bot',
  region: 'ap-southeast-2',
  rules: { urls: { exclude: [`${BASE}checkout`, `${BASE}checkout/**`] } },
};

const webchat = createWebchat({ instance: config.name, config });

/** What an entry is about: the payload is typed by the entry's `type`. */
function subject(event: SaEvent): string {
  switch (event.type) {
    case 'CHAT_LOADED':
    case 'CHAT_VISIBLE':
      return event.data.chatInstanceName;
    default:
      return event.data.contactId;
  }
}

const log = document.querySelector<HTMLOListElement>('#sa-log')!;
webchat.events.subscribe((event) => {
  const item = document.createElement('li');
  const type = document.createElement('strong');
  type.textContent = event.type;
  item.append(type, ` ${subject(event)}`);
  log.append(item);
});

function render(): void {
  const name = routeOf(location.pathname, BASE);
  const route = ROUTES[name]!;
  document.title = `${route.title} — single-page shop`;
  document.querySelector('#title')!.textContent = route.title;
  document.querySelector('#intro')!.textContent = route.intro;
  for (const link of document.querySelectorAll<HTMLAnchorElement>('nav a[data-route]')) {
    if (routeOf(new URL(link.href).pathname, BASE) === name) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function navigate(url: string): void {
  if (url === location.href) return;
  history.pushState(null, '', url);
  render();
  webchat.checkRules();
}

document.addEventListener('click', (event) => {
  const link = (event.target as Element).closest<HTMLAnchorElement>('a[data-route]');
  if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  navigate(link.href);
});
window.addEventListener('popstate', () => {
  render();
  webchat.checkRules();
});

render();
