import type { Page } from 'playwright-core';

/** The emulator's agent console (`/agent/`), as a person would use it. */
export class AgentConsolePage {
  readonly problems: string[] = [];

  constructor(readonly page: Page) {
    page.on('console', (message) => {
      if (message.type() === 'error') this.problems.push(message.text());
    });
    page.on('pageerror', (error) => this.problems.push(error.message));
  }

  async open(emulatorUrl: string): Promise<void> {
    await this.page.goto(`${emulatorUrl}/agent/`);
  }

  /** Picks the contact whose customer has this display name. */
  async select(displayName: string): Promise<void> {
    await this.page.getByRole('button', { name: new RegExp(`^${displayName}\\b`) }).click();
  }

  async join(agentName: string): Promise<void> {
    await this.page.getByLabel('Agent name').fill(agentName);
    await this.page.getByRole('button', { name: 'Join' }).click();
  }

  async send(text: string): Promise<void> {
    await this.page.getByLabel('Message', { exact: true }).fill(text);
    await this.page.getByRole('button', { name: 'Send', exact: true }).click();
  }

  /** Sends `markdown` as a text/markdown message, then puts the format back to plain text. */
  async sendMarkdown(markdown: string): Promise<void> {
    await this.page.getByLabel('Format').selectOption('text/markdown');
    await this.send(markdown);
    await this.page.getByLabel('Format').selectOption('text/plain');
  }

  /** Who the next Send, card or file comes from. */
  async sendAs(speaker: 'agent' | 'bot' | 'flow'): Promise<void> {
    await this.page.getByLabel('Send as').selectOption(speaker);
  }

  /** One of the ready-made cards: QuickReply, ListPicker, Panel, TimePicker or Carousel. */
  async sendCard(templateType: 'QuickReply' | 'ListPicker' | 'Panel' | 'TimePicker' | 'Carousel'): Promise<void> {
    await this.page.getByLabel('Card').selectOption(templateType);
    await this.page.getByRole('button', { name: 'Send card' }).click();
  }

  async sendFile(file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
    await this.page.getByLabel('File', { exact: true }).setInputFiles(file);
    await this.page.getByRole('button', { name: 'Send file' }).click();
  }

  /** The agent reads the customer's messages (read receipts). */
  async markRead(): Promise<void> {
    await this.page.getByRole('button', { name: 'Mark read' }).click();
  }

  /** Waits until a transcript line contains `text`; returns the line. */
  async waitForLine(text: string): Promise<string> {
    const line = this.page.locator('#transcript li').filter({ hasText: text }).last();
    await line.waitFor();
    return (await line.textContent()) ?? '';
  }

  /** The link to a file the transcript shows. */
  fileLink(name: string) {
    return this.page.locator('#transcript a', { hasText: name });
  }

  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'End chat' }).click();
  }

  /** The transcript lines as the console shows them. */
  transcript(): Promise<string[]> {
    return this.page.locator('#transcript li').allTextContents();
  }
}
