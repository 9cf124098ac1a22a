/**
 * A stand-in for `window` that reads through to the real one but keeps every write to itself.
 *
 * Two libraries we bundle write to the host page's global object: amazon-connect-chatjs is a script, not a
 * module, that hangs `connect` (and `sprintf`, `vsprintf`) on `window` and reads `connect` back as a bare
 * name and as `window.connect`; lit-html pushes its version onto `globalThis.litHtmlVersions`. On a site's
 * page that means globals the site never asked for, and a clash with a site that has a `connect` of its own
 * (Amazon Connect Streams, or anything else by that name). The build hands both libraries this sandbox in
 * place of the global object (see `global-sandbox.plugin.ts`): they work as before and the page sees none
 * of it.
 */
export interface GlobalSandbox {
  /** What the sandboxed libraries get as `window`, `self` and `globalThis`. */
  readonly window: object;
  /** What chatjs gets as the bare name `connect`, and finds at `window.connect`: `ChatSession` lands here. */
  readonly connect: Record<string, unknown>;
  /** Every property set on the sandbox's `window`, none of which reached the real one. */
  readonly own: Readonly<Record<PropertyKey, unknown>>;
}

export function createGlobalSandbox(host: object = globalThis): GlobalSandbox {
  const connect: Record<string, unknown> = {};
  const own: Record<PropertyKey, unknown> = { connect };
  const bound = new WeakMap<(...args: never[]) => unknown, unknown>();

  const window = new Proxy(Object.create(null) as object, {
    get(_, key) {
      if (Object.hasOwn(own, key)) return own[key];
      const value: unknown = Reflect.get(host, key, host);
      // Window methods (`setTimeout`, `fetch`, `addEventListener`) throw "Illegal invocation" when called on
      // anything but the real window. Constructors (`WebSocket`, `Object`) have a prototype and must stay as
      // they are, or `instanceof` and their statics break.
      if (typeof value !== 'function' || 'prototype' in value) return value;
      const method = value as (...args: never[]) => unknown;
      if (!bound.has(method)) bound.set(method, method.bind(host));
      return bound.get(method);
    },
    set(_, key, value) {
      own[key] = value;
      return true;
    },
    has(_, key) {
      return Object.hasOwn(own, key) || Reflect.has(host, key);
    },
    deleteProperty(_, key) {
      return delete own[key];
    },
  });
  return { window, connect, own };
}

/** The one sandbox the bundled libraries share. */
export const librarySandbox = createGlobalSandbox();
