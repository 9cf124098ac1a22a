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

  it('takes a message out of hours: refuses a form without a way to reply, files a valid one as a task, and confirms it', async () => {
    const page = await visit({ at: SATURDAY_NOON_SYDNEY, timeZone: 'Australia/Sydney' });
    await page.noticeText();
    await page.openLeaveMessage();
    expect(await page.axe()).toEqual([]);
    // Escape closes it as Cancel does, back to the button that opened it; what was typed stays.
    await page.fillMessage({ name: 'Dana Demo' });
    expect(await page.escapeForm()).toEqual({ formShown: false, openerFocused: true });
    await page.openLeaveMessage();

    await page.fillMessage({ name: 'Dana Demo', message: 'Please call me about order 1234.' });
    await page.sendMessage();
    expect(await page.fieldState('Email')).toEqual({
      invalid: true,
      description: 'Give an email address or a phone number so we can reply. Enter an email address or a phone number.',
      focused: true,
    });
    expect(await page.axe()).toEqual([]);
    expect(await stack.control.tasks()).not.toContainEqual(expect.objectContaining({ name: 'Web message from Dana Demo' }));

    await page.fillMessage({ email: 'dana@example.com' });
    await page.sendMessage();
    expect(await page.confirmationText()).toBe("Thanks — we'll get back to you.");
    expect(await stack.control.tasks()).toContainEqual(
      expect.objectContaining({
        instance: 'support_hours',
        contactFlowId: '5d2a8f16-3b7c-4e91-a6d0-9c4e2f7b1a38',
        name: 'Web message from Dana Demo',
        description: 'Please call me about order 1234.\n\nDana Demo\nEmail: dana@example.com',
        attributes: { customerName: 'Dana Demo', email: 'dana@example.com', phone: '' },
      }),
    );
    expect(await page.types()).toEqual(['CHAT_LOADED']);
    expect(page.reports()).toEqual([]);
    expect(await page.axe()).toEqual([]);
  });

  it('says when a message could not be sent, keeps what was typed, and sends it on the next try', async () => {
    const page = await visit({ at: SATURDAY_NOON_SYDNEY, timeZone: 'Australia/Sydney' });
    await page.noticeText();
    await page.openLeaveMessage();
    await page.fillMessage({ name: 'Sam Retry', phone: '+61 2 5550 9876', message: 'Second try, please.' });
    await stack.control.faults({ startChat: { status: 500, count: 1 } });
    await page.sendMessage();
    expect(await page.formAlert()).toBe('Your message could not be sent. Please try again.');
    await page.waitForReport('A message left out of hours was not filed.');
    expect(await page.fieldValues()).toEqual({ 'Your name': 'Sam Retry', Email: '', Phone: '+61 2 5550 9876', Message: 'Second try, please.' });
    expect(await stack.control.tasks()).not.toContainEqual(expect.objectContaining({ name: 'Web message from Sam Retry' }));

    await page.sendMessage();
    expect(await page.confirmationText()).toBe("Thanks — we'll get back to you.");
    expect((await stack.control.tasks()).filter((task) => task.name === 'Web message from Sam Retry')).toHaveLength(1);
    expect(page.reports()).toHaveLength(1);
  });
});
