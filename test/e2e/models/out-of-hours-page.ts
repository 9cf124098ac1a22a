import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { SitePage } from './site-page';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface VisitOptions {
  /** The visitor's clock, frozen here (epoch ms) until the test moves it. */
  at: number;
  /** The visitor's IANA time zone. */
  timeZone: string;
  /** The page's `<html lang>`. @default "en" */
  lang?: string;
  /** The page's `<html dir>`. @default "ltr" */
  dir?: 'ltr' | 'rtl';
  /** @default "light" */
  colorScheme?: 'light' | 'dark';
}

/**
 * A page of the demo origin embedding `support_hours` (weekdays 09:00–17:00 in Sydney, holidays on 25 and 28
 * December 2026, next opening shown), visited at a frozen time from a given time zone.
 */
export class OutOfHoursPage extends SitePage {
  static async visit(browser: Browser, origin: string, options: VisitOptions): Promise<OutOfHoursPage> {
    const context = await browser.newContext({ timezoneId: options.timeZone, colorScheme: options.colorScheme ?? 'light' });
    const site = new OutOfHoursPage(await context.newPage());
    await site.page.clock.install({ time: options.at });
    const { lang = 'en', dir = 'ltr' } = options;
    await site.page.route(`${origin}/support`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><html lang="${lang}" dir="${dir}"><title>Support</title><main><h1>Support</h1></main><script src="/webchat.js" data-instance="support_hours" async></script></html>`,
      }),
    );
    await site.open(`${origin}/support`);
    await site.waitForEvent('CHAT_LOADED');
    return site;
  }

  close(): Promise<void> {
    return this.page.context().close();
  }

  private openingStatus() {
    return this.page.locator('[data-connect-webchat="notice"]').getByRole('status');
  }

  /** The notice's words once it shows, spaces plain (Intl puts a narrow no-break space before "AM"). */
  async noticeText(): Promise<string> {
    await this.openingStatus().waitFor();
    return ((await this.openingStatus().textContent()) ?? '').replace(/\s/g, ' ');
  }

  /** Waits until the notice reads `text` (spaces plain). */
  async waitForNoticeText(text: string): Promise<void> {
    await this.page.waitForFunction(
      (wanted) => document.querySelector('[data-connect-webchat="notice"]')?.shadowRoot?.querySelector('p')?.textContent?.replace(/\s/g, ' ') === wanted,
      text,
      { timeout: 5000, polling: 100 },
    );
  }

  noticeShown(): Promise<boolean> {
    return this.openingStatus().isVisible();
  }

  /** Moves the visitor's clock to `time`, firing the timers due by then (the rules watcher's). */
  async clockTo(time: number): Promise<void> {
    const now = await this.page.evaluate(() => Date.now());
    await this.page.clock.fastForward(time - now);
  }

  /** The notice's text and background colours, as drawn. */
  noticeColours(): Promise<{ color: string; background: string }> {
    return this.page.evaluate(() => {
      const paragraph = document.querySelector('[data-connect-webchat="notice"]')!.shadowRoot!.querySelector('p')!;
      const style = getComputedStyle(paragraph);
      return { color: style.color, background: style.backgroundColor };
    });
  }

  private noticeHost() {
    return this.page.locator('[data-connect-webchat="notice"]');
  }

  /** Leave a message: the button under the notice. */
  leaveMessageButton() {
    return this.noticeHost().getByRole('button', { name: 'Leave a message' });
  }

  /** Opens the form from the notice and waits for it. */
  async openLeaveMessage(): Promise<void> {
    await this.leaveMessageButton().click();
    await this.leaveMessageForm().waitFor();
  }

  /** Escape, from wherever the focus is in the form; then whether the form is gone and "Leave a message" has the focus. */
  async escapeForm(): Promise<{ formShown: boolean; openerFocused: boolean }> {
    await this.page.keyboard.press('Escape');
    return {
      formShown: await this.leaveMessageForm().isVisible(),
      openerFocused: await this.leaveMessageButton().evaluate((button) => button.getRootNode() instanceof ShadowRoot && (button.getRootNode() as ShadowRoot).activeElement === button),
    };
  }

  leaveMessageForm() {
    return this.noticeHost().getByRole('form', { name: 'Leave a message' });
  }

  /** Types into the form's fields (by their labels); fields not given are left as they are. */
  async fillMessage(fields: { name?: string; email?: string; phone?: string; message?: string }): Promise<void> {
    const labels = { name: 'Your name', email: 'Email', phone: 'Phone', message: 'Message' } as const;
    for (const [field, value] of Object.entries(fields)) {
      await this.leaveMessageForm().getByLabel(labels[field as keyof typeof labels], { exact: true }).fill(value);
    }
  }

  sendMessage(): Promise<void> {
    return this.leaveMessageForm().getByRole('button', { name: 'Send message' }).click();
  }

  /** The field labelled `label`: whether it is marked invalid, its accessible description, and whether it has focus. */
  fieldState(label: string): Promise<{ invalid: boolean; description: string; focused: boolean }> {
    return this.leaveMessageForm()
      .getByLabel(label, { exact: true })
      .evaluate((input) => ({
        invalid: input.getAttribute('aria-invalid') === 'true',
        description: (input.getAttribute('aria-describedby') ?? '')
          .split(' ')
          .map((id) => (input.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '')
          .filter(Boolean)
          .join(' '),
        focused: (input.getRootNode() as ShadowRoot).activeElement === input,
      }));
  }

  /** The form's alert (a message not filed), once it says something. */
  async formAlert(): Promise<string> {
    const alert = this.leaveMessageForm().getByRole('alert');
    await alert.filter({ hasText: /./ }).waitFor();
    return (await alert.textContent()) ?? '';
  }

  /** What the form's fields hold, by label. */
  async fieldValues(): Promise<Record<string, string>> {
    const values: Record<string, string> = {};
    for (const label of ['Your name', 'Email', 'Phone', 'Message']) values[label] = await this.leaveMessageForm().getByLabel(label, { exact: true }).inputValue();
    return values;
  }

  /** The confirmation once the message is filed. */
  async confirmationText(): Promise<string> {
    const confirmation = this.noticeHost().getByRole('status').filter({ hasText: 'Thanks' });
    await confirmation.waitFor();
    return (await confirmation.textContent()) ?? '';
  }

  /** axe-core (WCAG 2 A/AA) over the page, shadow roots included: the violations' ids. */
  axe(): Promise<string[]> {
    return this.axeViolations(AXE_PATH);
  }
}
