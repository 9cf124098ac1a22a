import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startDemoServer, type DemoServer } from '../../../src/server/demo/demo-server';
import { ChatPage } from '../models/chat-page';
import { EmulatorControl } from '../models/emulator-control';
import { launchChromium } from './browser';

/**
 * What `npm start` runs (demo site, built bundle, backend, emulator) on an ephemeral port with the
 * autopilot off, plus a Chromium: each test drives the agent through the control API.
 */
export interface Stack {
  server: DemoServer;
  browser: Browser;
  control: EmulatorControl;
  /** A fresh browser context (own sessionStorage), closed with the stack. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh browser context, on the demo site. */
  openChat(path?: string): Promise<ChatPage>;
  close(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const server = await startDemoServer({ port: 0, autopilot: false });
  const browser = await launchChromium();
  const contexts: BrowserContext[] = [];
  const newContext = async (options?: BrowserContextOptions) => {
    const context = await browser.newContext(options);
    contexts.push(context);
    return context;
  };
  return {
    server,
    browser,
    control: new EmulatorControl(server.url),
    newContext,
    async openChat(path = '/') {
      const context = await newContext();
      const chat = new ChatPage(await context.newPage());
      await chat.open(`${server.url}${path}`);
      return chat;
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser.close();
      await server.close();
    },
  };
}

/** The stack for one `describe` block: started before its tests, closed after them. */
export function useStack(): Stack {
  const stack = {} as Stack;
  beforeAll(async () => {
    Object.assign(stack, await startStack());
  });
  afterAll(async () => {
    await stack.close?.();
  });
  return stack;
}
