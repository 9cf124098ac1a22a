/** The app's pages: a path under the app's base → what the page shows. */
export interface Route {
  title: string;
  intro: string;
}

export const ROUTES: Record<string, Route> = {
  '': {
    title: 'Home',
    intro: 'A single-page app: links change the URL with history.pushState and never reload the page. Start a chat, then move between pages: the chat stays.',
  },
  products: {
    title: 'Products',
    intro: 'The start-chat button is offered here too.',
  },
  checkout: {
    title: 'Checkout',
    intro: "The display rules hide the start-chat button on this route; a chat that is already running stays open.",
  },
};

/** The route name of a URL path under `base` (`/examples/spa/products` → `products`); unknown paths show Home. */
export function routeOf(pathname: string, base: string): string {
  const name = pathname.startsWith(base) ? pathname.slice(base.length).replace(/\/$/, '') : '';
  return name in ROUTES ? name : '';
}
