import { timeOfDay } from '../ui/chat-panel.timeline';

/**
 * The first date format a page makes loads ICU's locale data and builds its date patterns: 50–80 ms at 4× CPU
 * throttling in one go, paid by the panel's first render of a message (its time of day), a long task. Made here
 * beforehand in two tasks, while the chat connects (measured at 4×: the locale's data 6–30 ms, then the format
 * 35–45 ms): the panel's own formatter, for the panel's language, which the panel then finds made.
 */
export function warmIntl(win: Pick<Window, 'setTimeout' | 'clearTimeout'>, locale: string | undefined): () => void {
  let timer = win.setTimeout(() => {
    try {
      new Intl.Locale(locale || 'en').maximize();
    } catch {
      // A malformed `lang`, which `Intl.Locale` refuses: the panel's formatter falls back to the default locale.
    }
    timer = win.setTimeout(() => timeOfDay(0, locale));
  });
  return () => win.clearTimeout(timer);
}
