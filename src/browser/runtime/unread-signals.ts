export interface UnreadSignalsOptions {
  window: Window;
  /** Prefix the page's title with the count, "(2) Checkout". */
  titlePrefix: boolean;
  /** A short tone per message. */
  sound: boolean;
  /** The count changed (the launcher shows it). */
  onChange(count: number): void;
  report(message: string, error?: unknown): void;
}

const TONE_HZ = 880;
const TONE_SECONDS = 0.18;

/** A short, quiet tone through Web Audio, its context created on first need (never on page load). */
function createTone(win: Window, report: (message: string, error?: unknown) => void) {
  let context: AudioContext | undefined;
  let failed = false;
  let blockedReported = false;
  return {
    play(): void {
      if (failed) return;
      try {
        const audio = win as unknown as { AudioContext?: typeof AudioContext; webkitAudioContext?: typeof AudioContext };
        const Context = audio.AudioContext ?? audio.webkitAudioContext;
        if (!Context) throw new Error('no Web Audio in this browser');
        const current = (context ??= new Context());
        // Before the visitor has touched the page the browser keeps the context suspended: the tone is silent then,
        // which is said once (not per message); a later message after an interaction plays.
        if (current.state === 'suspended') {
          void current.resume().catch(() => {});
          const activation = (win.navigator as { userActivation?: { hasBeenActive: boolean } }).userActivation;
          if (activation?.hasBeenActive === false && !blockedReported) {
            blockedReported = true;
            report("the unread sound is held back by the browser's autoplay policy until the visitor interacts with the page");
          }
        }
        const oscillator = current.createOscillator();
        const gain = current.createGain();
        oscillator.frequency.value = TONE_HZ;
        gain.gain.setValueAtTime(0.08, current.currentTime);
        gain.gain.exponentialRampToValueAtTime(0.0001, current.currentTime + TONE_SECONDS);
        oscillator.connect(gain).connect(current.destination);
        oscillator.start();
        oscillator.stop(current.currentTime + TONE_SECONDS);
      } catch (error) {
        failed = true;
        report('could not play the unread sound', error);
      }
    },
    close(): void {
      void context?.close().catch(() => {});
      context = undefined;
    },
  };
}

/**
 * Messages that arrive while the customer cannot see them (panel minimised or tab hidden): counted for the
 * launcher, optionally in the page's title and with a tone; all reset once the customer sees the panel again.
 * The first of them is remembered, so the panel can scroll to it when reopened.
 */
export function createUnreadSignals(options: UnreadSignalsOptions) {
  const doc = options.window.document;
  const tone = options.sound ? createTone(options.window, options.report) : undefined;
  let count = 0;
  let firstUnreadId: string | undefined;
  /** The page's own title, and the one we last set over it. */
  let pageTitle: string | undefined;
  let ourTitle: string | undefined;

  function showTitle(): void {
    if (!options.titlePrefix) return;
    // The page may have changed its title meanwhile (a single-page app's route): that is its title now.
    if (pageTitle === undefined || doc.title !== ourTitle) pageTitle = doc.title;
    ourTitle = `(${count}) ${pageTitle}`;
    doc.title = ourTitle;
  }

  function restoreTitle(): void {
    if (pageTitle !== undefined && doc.title === ourTitle) doc.title = pageTitle;
    pageTitle = ourTitle = undefined;
  }

  return {
    get count(): number {
      return count;
    },
    /** The first message of the latest spell away, while it is remembered. */
    get firstUnreadId(): string | undefined {
      return firstUnreadId;
    },
    /** The customer stopped seeing the panel: what arrives from now on is news for the next reopening. */
    away(): void {
      if (count === 0) firstUnreadId = undefined;
    },
    /** A message the customer has not seen arrived. */
    arrived(id: string): void {
      if (count === 0) firstUnreadId = id;
      count++;
      showTitle();
      tone?.play();
      options.onChange(count);
    },
    /** The customer sees the panel again. */
    seen(): void {
      if (count === 0) return;
      count = 0;
      restoreTitle();
      options.onChange(0);
    },
    destroy(): void {
      restoreTitle();
      tone?.close();
      if (count) options.onChange((count = 0));
    },
  };
}

export type UnreadSignals = ReturnType<typeof createUnreadSignals>;
