import type { BrowserContext, Route } from 'playwright-core';
import { createActor } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import type { ChatEvent, SaEvent } from '../../../machines/chat.types';
import { DEFAULT_UI_TEXT } from '../../../src/config/ui-text';
import { expectedEntries, takenTransitions, type ChatSnapshot, type ModelPath } from '../../model/chat-paths';
import { ChatPage } from '../models/chat-page';
import type { Stack } from './stack';

/**
 * Transitions no real-world step can produce against the emulator, each with the reason. The coverage
 * check accepts them as untested at product level; the machine-level model tests still take them.
 */
export const UNTESTABLE_IN_PRODUCT: ReadonlyMap<string, string> = new Map([
  [
    'chat.contact.link.reconnecting --CONNECTION_FAILED--> chat.contact.link.offline',
    'the runtime gives up reconnecting only after ~75 s of backoff; a path would take minutes',
  ],
  [
    'chat.contact.phase.inFlow --TRANSFERRED--> chat.contact.phase.queued',
    'Amazon Connect (and the emulator) sends transfer.succeeded only while an agent is on the contact',
  ],
  [
    'chat.contact.phase.agent --QUEUED--> chat.contact.phase.queued',
    'a flow sends the queue marker only after the agent has left; the emulator refuses to queue a contact with an agent',
  ],
  [
    'chat.contact.phase.agent --AGENT_JOINED--> chat.contact.phase.agent',
    'the emulator has one agent per contact: a second join while one is on is refused',
  ],
]);

const PARTICIPANT_OUTAGE_MS = 4000;
const STEP_TIMEOUT_MS = 25_000;

/** Site paths whose display rules allow or deny the start-chat button (see config/instances.json). */
const ALLOWED_PATH = '/products';
const DENIED_PATH = '/checkout';

type EventType = ChatEvent['type'];

/** saEvents entries with contact ids replaced by their order of appearance, so model and product compare. */
function normalise(entries: readonly SaEvent[], contactLabel: (contactId: string) => string): unknown[] {
  return entries.map(({ type, data }) => ('contactId' in data ? { type, data: { ...data, contactId: contactLabel(data.contactId) } } : { type, data }));
}

/**
 * Drives one generated path in real Chromium against the emulator: each machine event becomes the real-world
 * step that makes the product take it (a click, a control-API call, a URL change, a reload, a fault). After
 * each step it waits until the page's saEvents history and its visible UI match what the model says.
 * Returns the transitions taken (as the model counts them), for the coverage report.
 */
export async function drivePath(stack: Stack, path: ModelPath): Promise<string[]> {
  const { control, server } = stack;
  const context: BrowserContext = await stack.browser.newContext();
  const chat = new ChatPage(await context.newPage());
  const page = chat.page;
  const model = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } }).start();
  const expected: SaEvent[] = [];
  const taken: string[] = [];
  const events = path.steps.map((step) => step.event);
  let contactId = '';
  let releaseStart: (() => void) | undefined;
  let chunkBlocked = false;
  let modelContacts = 0;
  let modelLabel = '';

  await page.route(`${server.url}/model-bad-config`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>bad</title><script src="/webchat.js" data-instance="help_faq_bot" data-config='{"name":"help_faq_bot","region":"nowhere"}' async></script></html>`,
    }),
  );

  const blockChunk = async () => {
    chunkBlocked = true;
    await page.route('**/webchat-conversation.js', (route) => route.abort('failed'));
  };
  const unblockChunk = async () => {
    if (!chunkBlocked) return;
    chunkBlocked = false;
    await page.unroute('**/webchat-conversation.js');
  };
  const participantOutage = () => control.faults({ participant: { status: 503, forMs: PARTICIPANT_OUTAGE_MS } });
  /** Before a step that (re)opens the connection, arrange what the next step needs to happen to it. */
  const prepareConnecting = async (next: EventType | undefined) => {
    if (next === 'CONNECTION_FAILED') await blockChunk();
    if (next === 'CONNECTION_LOST') await participantOutage();
  };
  const click = (name: string) => page.getByRole('button', { name, exact: true }).last().click();

  /** Brings a fresh tab's contact to `phase`, so a reload can resume it. */
  async function contactIn(phase: 'inFlow' | 'queued' | 'agent'): Promise<void> {
    await page.goto(`${server.url}/`);
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    contactId = await chat.contactId();
    await control.waitForCustomer(contactId);
    if (phase === 'queued' || phase === 'agent') {
      await control.queue(contactId);
      await chat.waitForEvent('TRANSFER_TO_QUEUE');
    }
    if (phase === 'agent') {
      await control.join(contactId);
      await chat.waitForEvent('CONNECT_TO_AGENT');
    }
  }

  function modelTake(event: ChatEvent): void {
    const before = model.getSnapshot();
    taken.push(...takenTransitions(before, event));
    if (event.type === 'RESUME') modelLabel = `contact-${(modelContacts = 1)}`;
    if (event.type === 'CONTACT_CREATED' && before.matches('starting')) modelLabel = `contact-${++modelContacts}`;
    model.send(event);
    const entries = expectedEntries(before, event, model.getSnapshot()).map((entry) =>
      'contactId' in entry.data ? ({ ...entry, data: { ...entry.data, contactId: modelLabel } } as SaEvent) : entry,
    );
    expected.push(...entries);
  }

  async function perform(index: number): Promise<void> {
    const event = events[index]!;
    const next = events[index + 1]?.type;
    const before = model.getSnapshot();
    switch (event.type) {
      case 'CONFIG_INVALID':
        return void (await page.goto(`${server.url}/model-bad-config`));
      case 'CONFIG_OK': {
        if (next === 'RESUME' && events[index + 1]?.type === 'RESUME') {
          const resume = events[index + 1] as Extract<ChatEvent, { type: 'RESUME' }>;
          await contactIn(resume.saved.phase);
          await prepareConnecting(events[index + 2]?.type);
        }
        // The URL decides the rules check the page makes at boot. A resumed path with no rules step of its own
        // boots where rules deny: the model then takes a RULES_DENY that changes nothing it had not assumed.
        const boot = next === 'RESUME' ? events[index + 2]?.type : next;
        return void (await page.goto(`${server.url}${boot === 'RULES_ALLOW' ? '/' : DENIED_PATH}`));
      }
      case 'RESUME':
        return; // the page load of the previous step restored it
      case 'RULES_ALLOW':
      case 'RULES_DENY': {
        const previous = events[index - 1]?.type;
        if (previous === 'CONFIG_OK' || previous === 'RESUME') return; // evaluated at boot, by the URL chosen
        const target = event.type === 'RULES_ALLOW' ? ALLOWED_PATH : DENIED_PATH;
        return void (await page.evaluate((url) => history.pushState({}, '', url), target));
      }
      case 'START': {
        // Hold the backend's answer until the step that expects it, so the brief `starting` state can be
        // checked (and the URL changed while the start is in flight).
        const gate = new Promise<void>((resolve) => (releaseStart = resolve));
        await page.route('**/api/chats', async (route: Route) => {
          await gate;
          await route.continue();
        });
        return void (await click(before.matches('ended') ? DEFAULT_UI_TEXT.startNewChat : DEFAULT_UI_TEXT.startChat));
      }
      case 'START_FAILED':
      case 'CONTACT_CREATED': {
        if (releaseStart) {
          if (event.type === 'START_FAILED') await control.faults({ startChat: { status: 500, count: 1 } });
          releaseStart();
          releaseStart = undefined;
          await page.unroute('**/api/chats');
        }
        if (event.type === 'CONTACT_CREATED') {
          const started = (await waitForEntries(chat, 'CONTACT_STARTED', countOf(expected, 'CONTACT_STARTED') + 1)).at(-1)!;
          contactId = (started.data as { contactId: string }).contactId;
          await prepareConnecting(next);
        }
        return;
      }
      case 'CONNECTED':
      case 'CONNECTION_FAILED':
        return; // they happen by themselves once the step before arranged them
      case 'CONNECTION_LOST':
        if (before.matches({ contact: { link: 'online' } })) {
          await participantOutage();
          await control.dropConnection(contactId);
        }
        return;
      case 'RETRY_CONNECTION':
        await unblockChunk();
        await prepareConnecting(next);
        return void (await click(DEFAULT_UI_TEXT.retry));
      case 'QUEUED':
        return void (await control.queue(contactId));
      case 'TRANSFERRED':
        return void (await control.transfer(contactId));
      case 'AGENT_JOINED':
        return void (await control.join(contactId, 'Ana'));
      case 'AGENT_LEFT':
        return void (await control.leave(contactId));
      case 'CUSTOMER_ENDED':
        return void (await click(DEFAULT_UI_TEXT.endChat));
      case 'CHAT_ENDED':
        return void (await control.end(contactId));
      case 'DISMISS':
        return void (await click(DEFAULT_UI_TEXT.minimise));
    }
  }

  try {
    for (let index = 0; index < events.length; index++) {
      await perform(index);
      modelTake({ ...events[index]!, at: index });
      // A resumed page checks its display rules at boot too (here: denied): the model takes that real step as well.
      if (events[index]!.type === 'RESUME' && !events[index + 1]?.type.startsWith('RULES_')) {
        modelTake({ type: 'RULES_DENY', at: index });
      }
      // A page boots through CONFIG_OK, RESUME and its first rules check at once: look after the last of them.
      const type = events[index]!.type;
      const bootGoesOn = (type === 'CONFIG_OK' || type === 'RESUME') && /^(RESUME|RULES_)/.test(events[index + 1]?.type ?? '');
      if (!bootGoesOn) {
        await waitUntilMatches(chat, expected, model.getSnapshot(), `after step ${index + 1} (${type}) of ${path.description}`);
      }
    }
    return taken;
  } finally {
    releaseStart?.();
    await control.faults({ startChat: null, participant: null }).catch(() => {});
    await context.close();
  }
}

function countOf(entries: readonly SaEvent[], type: SaEvent['type']): number {
  return entries.filter((entry) => entry.type === type).length;
}

async function waitForEntries(chat: ChatPage, type: SaEvent['type'], count: number): Promise<SaEvent[]> {
  await chat.waitForEvent(type, count, STEP_TIMEOUT_MS);
  return (await chat.history()).filter((entry) => entry.type === type);
}

/** What the visitor must see in `snapshot`, or undefined where the state is too brief to look at. */
async function uiMatches(chat: ChatPage, snapshot: ChatSnapshot): Promise<boolean> {
  const launcherShown = await chat.page.getByRole('button', { name: DEFAULT_UI_TEXT.startChat, exact: true }).isVisible();
  if (snapshot.matches('visible')) return launcherShown;
  if (snapshot.matches('hidden') || snapshot.matches('failed') || snapshot.matches('loaded')) return !launcherShown;
  if (snapshot.matches('ended')) return (await chat.statusText()).includes(DEFAULT_UI_TEXT.statusEnded);
  if (snapshot.matches({ contact: { link: 'offline' } })) {
    return chat.page.getByRole('button', { name: DEFAULT_UI_TEXT.retry, exact: true }).isVisible();
  }
  if (snapshot.matches({ contact: { link: 'reconnecting' } })) return (await chat.statusText()).includes(DEFAULT_UI_TEXT.statusReconnecting);
  if (snapshot.matches({ contact: { link: 'online' } })) {
    const status = await chat.statusText();
    if (snapshot.matches({ contact: { phase: 'agent' } })) return status.startsWith('Connected to');
    if (snapshot.matches({ contact: { phase: 'queued' } })) return status === DEFAULT_UI_TEXT.statusQueued;
    return status === DEFAULT_UI_TEXT.statusInFlow;
  }
  return true; // starting, connecting: transient
}

async function waitUntilMatches(chat: ChatPage, expected: readonly SaEvent[], snapshot: ChatSnapshot, where: string): Promise<void> {
  const want = JSON.stringify(normalise(expected, (id) => id));
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let got = '';
  let ui = false;
  while (Date.now() < deadline) {
    const history = await chat.history().catch(() => [] as SaEvent[]);
    const labels = new Map<string, string>();
    got = JSON.stringify(normalise(history, (id) => labels.get(id) ?? (labels.set(id, `contact-${labels.size + 1}`), labels.get(id)!)));
    const times = history.map((entry) => entry.timestamp);
    const ordered = times.every((time, index) => index === 0 || time >= times[index - 1]!);
    ui = await uiMatches(chat, snapshot).catch(() => false);
    if (got === want && ordered && ui) return;
    await chat.page.waitForTimeout(100);
  }
  throw new Error(`${where}: saEvents ${got}\n  expected ${want}\n  UI matches ${JSON.stringify(snapshot.value)}: ${ui}`);
}
