import { afterEach, describe, expect, it } from 'vitest';
import { OutOfHoursPage, type VisitOptions } from './models/out-of-hours-page';
import { useStack } from './support/stack';

// support_hours: weekdays 09:00–17:00 in Sydney (AEST, UTC+10 in June; AEDT, UTC+11 in December).
const SATURDAY_NOON_SYDNEY = Date.UTC(2026, 5, 20, 2);
const MONDAY_OPENING = Date.UTC(2026, 5, 21, 23);

describe('out of hours', () => {
  const stack = useStack();
  let site: OutOfHoursPage | undefined;
  const visit = async (options: VisitOptions) => (site = await OutOfHoursPage.visit(stack.browser, stack.server.url, options));

  afterEach(async () => {
    await site?.close();
    site = undefined;
  });

  it('says when the chat opens instead of offering it, announces nothing until then, and offers it at the opening', async () => {
    const page = await visit({ at: SATURDAY_NOON_SYDNEY, timeZone: 'Australia/Sydney' });
    expect(await page.noticeText()).toBe('Chat opens Monday at 9:00 AM');
    expect(await page.types()).toEqual(['CHAT_LOADED']);
    expect(await page.launcherButton().isVisible()).toBe(false);
    expect(await page.axe()).toEqual([]);

    await page.clockTo(MONDAY_OPENING);
    await page.waitForEvent('CHAT_VISIBLE');
    await page.launcherButton().waitFor();
    expect(await page.noticeShown()).toBe(false);
    expect(await page.types()).toEqual(['CHAT_LOADED', 'CHAT_VISIBLE']);
  });

  it('turns "tomorrow" into "today" at the visitor\'s midnight', async () => {
    const page = await visit({ at: Date.UTC(2026, 5, 21, 10), timeZone: 'Australia/Sydney' }); // Sunday 20:00
    expect(await page.noticeText()).toBe('Chat opens tomorrow at 9:00 AM');
    await page.clockTo(Date.UTC(2026, 5, 21, 14, 30)); // Monday 00:30
    await page.waitForNoticeText('Chat opens today at 9:00 AM');
    expect(await page.types()).toEqual(['CHAT_LOADED']);
  });

  it("honours holidays and speaks the visitor's language and time zone", async () => {
    // Thursday 24 December 2026, 18:00 in Sydney; Friday 25 and Monday 28 are holidays: open again Tuesday 29,
    // 09:00 AEDT, which is Monday 28 December 23:00 in Madrid.
    const page = await visit({ at: Date.UTC(2026, 11, 24, 7), timeZone: 'Europe/Madrid', lang: 'es' });
    expect(await page.noticeText()).toBe('El chat abre el lunes a las 23:00');
    expect(await page.types()).toEqual(['CHAT_LOADED']);
  });

  it('sits where the launcher would, mirrored right to left, and reads well in the dark', async () => {
    const page = await visit({ at: SATURDAY_NOON_SYDNEY, timeZone: 'Australia/Sydney', dir: 'rtl', colorScheme: 'dark' });
    await page.noticeText();
    expect((await page.host('notice')).side).toBe('left');
    expect(await page.noticeColours()).toEqual({ color: 'rgb(232, 234, 237)', background: 'rgb(27, 30, 35)' });
    expect(await page.axe()).toEqual([]);
  });
});
