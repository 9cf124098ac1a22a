import { describe, expect, it } from 'vitest';
import { BUNDLED_UI_TEXT } from '../../../../src/browser/config/ui-text';
import { openingWords } from '../../../../src/browser/ui/opening-words';

const en = BUNDLED_UI_TEXT.en!;
const es = BUNDLED_UI_TEXT.es!;
// Mon 22 June 2026, 09:00 in Sydney: the opening of a Sydney office, seen by visitors elsewhere.
const OPENS = Date.UTC(2026, 5, 21, 23);
const HOUR = 3_600_000;

/** Intl separates "9:00" from "AM" with a narrow no-break space in current ICU: compare with plain spaces. */
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('openingWords', () => {
  it('says "today" when the opening is later on the visitor\'s calendar day', () => {
    expect(plain(openingWords(OPENS, OPENS - 2 * HOUR, en, 'en', 'Australia/Sydney'))).toBe('Chat opens today at 9:00 AM');
  });

  it('says "tomorrow" for the visitor\'s next calendar day', () => {
    expect(plain(openingWords(OPENS, OPENS - 12 * HOUR, en, 'en', 'Australia/Sydney'))).toBe('Chat opens tomorrow at 9:00 AM');
  });

  it('names the weekday further ahead, and the date too a week or more ahead', () => {
    expect(plain(openingWords(OPENS, OPENS - 3 * 24 * HOUR, en, 'en', 'Australia/Sydney'))).toBe('Chat opens Monday at 9:00 AM');
    expect(plain(openingWords(OPENS, OPENS - 8 * 24 * HOUR, en, 'en', 'Australia/Sydney'))).toBe('Chat opens Monday, June 22 at 9:00 AM');
  });

  it("speaks in the visitor's time zone: Monday 09:00 in Sydney is Sunday 19:00 in New York", () => {
    const sundayMorningInNewYork = OPENS - 10 * HOUR; // Sunday 23:00 in Sydney
    expect(plain(openingWords(OPENS, sundayMorningInNewYork, en, 'en', 'Australia/Sydney'))).toBe('Chat opens tomorrow at 9:00 AM');
    expect(plain(openingWords(OPENS, sundayMorningInNewYork, en, 'en', 'America/New_York'))).toBe('Chat opens today at 7:00 PM');
  });

  it('speaks Spanish with the Spanish text and clock', () => {
    expect(plain(openingWords(OPENS, OPENS - 3 * 24 * HOUR, es, 'es', 'Europe/Madrid'))).toBe('El chat abre el lunes a las 1:00');
    expect(plain(openingWords(OPENS, OPENS - 12 * HOUR, es, 'es', 'Australia/Sydney'))).toBe('El chat abre mañana a las 9:00');
  });
});
