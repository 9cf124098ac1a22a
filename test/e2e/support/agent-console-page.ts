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
    await this.page.getByLabel('Message').fill(text);
    await this.page.getByRole('button', { name: 'Send' }).click();
  }

  async end(): Promise<void> {
    await this.page.getByRole('button', { name: 'End chat' }).click();
  }

  /** The transcript lines as the console shows them. */
  transcript(): Promise<string[]> {
    return this.page.locator('#transcript li').allTextContents();
  }
}
