/**
 * The first date format a page makes loads ICU's locale data and builds its date patterns: 50–80 ms at 4× CPU
 * throttling in one go, paid by the panel's first render of a message (its time of day), a long task. Made here
 * beforehand in two tasks, while the chat connects (measured at 4×: the locale's data 6–30 ms, then the format
 * 35–45 ms); the format the panel then builds costs a few milliseconds.
 */
export function warmIntl(win: Pick<Window, 'setTimeout' | 'clearTimeout'>, locale: string | undefined): () => void {
  let timer = win.setTimeout(() => {
    try {
      new Intl.Locale(locale || 'en').maximize();
    } catch {
      // A malformed `lang` (which `Intl.Locale` refuses as the date format would): the panel falls back to the
      // default locale, which is then warmed instead.
      locale = undefined;
    }
    timer = win.setTimeout(() => new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(0));
  });
  return () => win.clearTimeout(timer);
}
