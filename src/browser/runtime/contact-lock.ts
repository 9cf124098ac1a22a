/** The part of the Web Locks API used here (lib.dom's LockManager, narrowed to what we call). */
interface Locks {
  request(name: string, options: { ifAvailable?: boolean; signal?: AbortSignal }, callback: (lock: unknown) => Promise<void> | void): Promise<unknown>;
}

export interface ContactLock {
  /** Resolves once it is known whether this tab leads now (true) or follows another tab (false). */
  readonly decided: Promise<boolean>;
  /** Stops waiting for the lead; a lead already held is kept. */
  stopWaiting(): void;
  /** Lets go of the lead, or stops waiting for it. */
  release(): void;
}

/**
 * One tab of a browser leads a contact: it holds the Web Lock named after the contact for as long as it shows
 * it. Other tabs follow, waiting in the lock's queue; when the leading tab closes or navigates away, the browser
 * hands the lock to the next tab, which then leads (`onLead`). Without the Web Locks API (an insecure page, an
 * old browser) every tab leads, as before tabs were coordinated.
 */
export function leadContact(win: Window, contactId: string, onLead: () => void): ContactLock {
  const locks = (win.navigator as Navigator & { locks?: Locks }).locks;
  if (!locks) {
    onLead();
    return { decided: Promise.resolve(true), stopWaiting: () => {}, release: () => {} };
  }
  const name = `connect-webchat:contact:${contactId}`;
  const abort = new AbortController();
  let letGo: () => void = () => {};
  const held = new Promise<void>((resolve) => (letGo = resolve));
  const hold = () => {
    onLead();
    return held;
  };
  const decided = new Promise<boolean>((decide) => {
    locks
      .request(name, { ifAvailable: true }, (lock) => {
        if (lock) {
          decide(true);
          return hold();
        }
        decide(false);
        locks.request(name, { signal: abort.signal }, hold).catch(() => {
          // Aborted on release: this tab stopped waiting.
        });
        return undefined;
      })
      .catch(() => decide(false));
  });
  const release = () => {
    win.removeEventListener('pagehide', release);
    abort.abort();
    letGo();
  };
  // Leaving the page (closing the tab, navigating away): let go at once rather than whenever the browser
  // tears the page down, so the next tab leads from the first moment it can.
  win.addEventListener('pagehide', release);
  return { decided, stopWaiting: () => abort.abort(), release };
}
