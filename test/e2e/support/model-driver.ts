import type { BrowserContext, Page, Route } from 'playwright-core';
import { createActor } from 'xstate';
import { chatMachine } from '../../../machines/chat.machine';
import type { ConfigLoaded, SaEvent } from '../../../machines/chat.types';
import { DEFAULT_UI_TEXT } from '../../../src/browser/config/ui-text';
import { describeEvent, stamped, timeOf, type ChatSnapshot, type ModelEvent, type ModelPath } from '../../model/chat-paths';
import { expectedEntries } from '../../model/sa-contract';
import { ChatPage } from '../models/chat-page';
import { PageInspection } from './page-inspection';
import type { Stack } from './stack';

const STEP_TIMEOUT_MS = 25_000;
/** A Participant Service outage the reconnect timings below ride out, and one they give up in. */
const SHORT_OUTAGE_MS = 1500;
const LONG_OUTAGE_MS = 10_000;
/**
 * Reconnect timings the model pages use (`reconnect` in the instance config): a give-up within ~5 s, so a long
 * outage is given up and a short one ridden out; or, for a path that gives up while online, no retry at all
 * (the first loss is the give-up).
 */
const RECONNECT = { silenceMs: 300, delaysMs: [500, 500, 500, 500, 500, 500, 500, 500] };
const GIVE_UP_AT_ONCE = { silenceMs: 300, delaysMs: [] };
/** The pre-chat form of the model pages' instance, when the path asks for one. */
const PRE_CHAT = { fields: [{ name: 'displayName', label: 'Your name', required: true }, { name: 'topic', label: 'Topic' }] };

/** The events that end a `connecting` wait on a path: the connection's own, and the contact ending. */
const LINK_EVENTS = new Set(['CONNECTED', 'CONNECTION_LOST', 'CONNECTION_FAILED', 'CUSTOMER_ENDED', 'CHAT_ENDED']);

/** Site paths whose display rules allow or deny the start-chat button (see config/instances.json). */
const ALLOWED_PATH = '/products';
const DENIED_PATH = '/checkout';

interface SaWebchat {
  checkRules(): void;
  start(attributes?: Record<string, string>): void;
  end(): void;
  open(): void;
  close(): void;
}

/** saEvents entries with contact ids replaced by their order of appearance, so model and product compare. */
function normalise(entries: readonly SaEvent[]): unknown[] {
  const labels = new Map<string, string>();
  const label = (id: string) => labels.get(id) ?? (labels.set(id, `contact-${labels.size + 1}`), labels.get(id)!);
  return entries.map(({ type, data }) => ('contactId' in data ? { type, data: { ...data, contactId: label(data.contactId) } } : { type, data }));
}

const savedPhase = (event: ModelEvent | undefined) => (event?.type === 'xstate.done.actor.config' ? (event.output as ConfigLoaded).saved?.phase : undefined);

/**
 * Drives one generated path in real Chromium against the emulator: each event becomes the real-world step
 * that makes the product take it (a click, an API call, a control-API call, a URL change, a reload, a second
 * tab, a fault). After each step it waits until the page's saEvents history and its visible UI match what the
 * contract says of the model's state. Returns what the page's own chat actor took (from its inspection).
 */
export async function drivePath(stack: Stack, path: ModelPath): Promise<{ transitions: string[]; states: string[] }> {
  const { control, server } = stack;
  const context: BrowserContext = await stack.browser.newContext();
  const inspection = await PageInspection.attach(context);
  const events = path.steps.map((step) => step.event);
  const model = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } }).start();
  const expected: SaEvent[] = [];
  const resumedPhase = savedPhase(events[0]);
  // A resumed contact that must follow another tab for a while: that tab holds the lead until TAB_LEADS.
  const nextAfterBoot = events.slice(1).find((event) => !event.type.startsWith('RULES_'));
  const withLeader = resumedPhase !== undefined && nextAfterBoot !== undefined && nextAfterBoot.type !== 'TAB_LEADS';
  let leader: ChatPage | undefined;
  let chat = new ChatPage(await context.newPage());
  let contactId = '';
  let releaseStart: (() => void) | undefined;
  let startBody: Record<string, unknown> | undefined;
  let expectTopic = false;
  let agents = 0;
  /** A failure or loss of the connection is arranged: the page is not expected to come online by itself. */
  let connectionTroubled = false;
  const reconnect = givesUpWhileOnline(path) ? GIVE_UP_AT_ONCE : RECONNECT;

  await context.route('**/api/instances/help_faq_bot', async (route) => {
    const response = await route.fetch();
    const config = { ...(await response.json()), reconnect, ...(events[0]?.output?.preChat ? { preChat: PRE_CHAT } : {}) };
    await route.fulfill({ response, json: config });
  });
  await context.route(`${server.url}/model-bad-config*`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><title>bad</title><script src="/webchat.js" data-instance="help_faq_bot" data-config='{"name":"help_faq_bot","region":"nowhere"}' async></script></html>`,
    }),
  );

  const api = (page: Page, call: (webchat: SaWebchat) => void) =>
    page.evaluate(`(${call.toString()})(window.saWebchat)`);
  const click = (name: string) => chat.page.getByRole('button', { name, exact: true }).last().click();
  /** Loads a site page with inspection on (its inspector window opens in front of it: see `lookAt`). */
  const visit = (page: Page, path: string) => page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}webchat-inspect`);
  const outage = (forMs: number) => control.faults({ participant: { status: 503, forMs } });
  const blockChunk = () => context.route('**/webchat-conversation.js*', (route) => route.abort('failed'));
  const unblockChunk = () => context.unroute('**/webchat-conversation.js*');

  /** A contact in `phase`, started in the current tab, as a reload or a second tab finds it. */
  async function contactIn(phase: 'inFlow' | 'queued' | 'agent'): Promise<void> {
    await visit(chat.page, '/');
    await chat.waitForEvent('CHAT_VISIBLE');
    await chat.start();
    contactId = await chat.contactId();
    await control.waitForCustomer(contactId);
    if (phase !== 'inFlow') {
      await control.queue(contactId);
      await chat.waitForEvent('TRANSFER_TO_QUEUE');
    }
    if (phase === 'agent') {
      await control.join(contactId, 'Ana');
      await chat.waitForEvent('CONNECT_TO_AGENT');
    }
  }

  /** Whether this document has loaded the conversation chunk (a failed load is not cached: it can be blocked). */
  const chunkLoaded = () =>
    chat.page.evaluate(() =>
      performance.getEntriesByType('resource').some((entry) => entry.name.endsWith('/webchat-conversation.js') && (entry as PerformanceResourceTiming).responseStatus === 200),
    );

  /**
   * Before a step that (re)opens the connection, arrange what its next connection event on the path needs (the
   * connection comes up by itself unless told otherwise): a give-up straight from connecting is a conversation
   * chunk that cannot load (or, once loaded, a long outage); a loss is a short outage.
   */
  async function prepareConnecting(from: number): Promise<void> {
    const next = events.slice(from).find((event) => LINK_EVENTS.has(event.type));
    connectionTroubled = next?.type === 'CONNECTION_FAILED' || next?.type === 'CONNECTION_LOST';
    if (next?.type === 'CONNECTION_FAILED') await ((await chunkLoaded()) ? outage(LONG_OUTAGE_MS) : blockChunk());
    if (next?.type === 'CONNECTION_LOST') await outage(SHORT_OUTAGE_MS);
  }

  async function boot(index: number, event: ModelEvent): Promise<void> {
    if (event.type === 'xstate.error.actor.config') return void (await visit(chat.page, '/model-bad-config'));
    const phase = savedPhase(event);
    const bootRules = events.slice(index + 1).find((next) => next.type.startsWith('RULES_') || !next.type.startsWith('TAB_'));
    const where = bootRules?.type === 'RULES_ALLOW' ? '/' : DENIED_PATH;
    if (phase) {
      await contactIn(phase);
      if (withLeader) {
        leader = chat;
        chat = await chat.duplicate();
      }
      await prepareConnecting(index + 1);
    }
    await visit(chat.page, where);
  }

  /** Holds the backend's answer to a start until the step that expects it, so `starting` can be looked at. */
  async function gateStart(): Promise<void> {
    const gate = new Promise<void>((resolve) => (releaseStart = resolve));
    await chat.page.route('**/api/chats', async (route: Route) => {
      startBody = route.request().postDataJSON() as Record<string, unknown>;
      await gate;
      await route.continue().catch(() => {}); // the page may have gone meanwhile
    });
  }

  async function answerStart(event: ModelEvent): Promise<void> {
    if (event.type === 'xstate.error.actor.startChat') {
      // Connect throttles every try of the backend's SDK: the backend answers 503 with a Retry-After.
      await control.faults({ startChat: event.error.retryAfterMs ? { status: 429, count: 3 } : { status: 500, count: 1 } });
    }
    releaseStart?.();
    releaseStart = undefined;
    await chat.page.unroute('**/api/chats');
    if (event.type === 'xstate.done.actor.startChat') {
      const started = (await waitForEntries(chat, 'CONTACT_STARTED', countOf(expected, 'CONTACT_STARTED') + 1)).at(-1)!;
      contactId = (started.data as { contactId: string }).contactId;
    }
  }

  /** A start the chart refuses: the button is not offered (or refuses clicks), so the site's own code asks, and is told why not. */
  async function refusedStart(call: (webchat: SaWebchat) => void): Promise<void> {
    const report = chat.page.waitForEvent('console', { predicate: (message) => message.text().includes('not starting') });
    await api(chat.page, call);
    await report;
  }

  async function start(before: ChatSnapshot, index: number): Promise<void> {
    const event = events[index]!;
    if (before.matches({ visible: 'waiting' }) || (before.matches('ended') && !before.context.rulesAllow)) {
      return refusedStart((webchat) => webchat.start({ topic: 'billing' }));
    }
    await gateStart();
    expectTopic = true;
    if (before.matches({ visible: 'preChat' })) {
      await chat.page.getByRole('textbox', { name: 'Your name' }).fill(event.displayName as string);
      await chat.page.getByRole('textbox', { name: 'Topic' }).fill((event.attributes as Record<string, string>).topic!);
      return void (await click(DEFAULT_UI_TEXT.startChat));
    }
    if (before.matches({ ended: 'open' })) {
      expectTopic = false; // "Start new chat" carries no attributes
      return void (await click(DEFAULT_UI_TEXT.startNewChat));
    }
    await api(chat.page, (webchat) => webchat.start({ topic: 'billing' }));
  }

  async function perform(index: number, before: ChatSnapshot): Promise<void> {
    const event = events[index]!;
    const next = events[index + 1];
    switch (describeEvent(event).replace(/\(.*\)$/, '')) {
      case 'CONFIG_OK':
      case 'CONFIG_INVALID':
        return boot(index, event);
      case 'RULES_ALLOW':
      case 'RULES_DENY': {
        if (index === 1 || (index === 2 && events[1]?.type === 'TAB_LEADS')) return; // evaluated at boot, by the URL chosen
        return void (await chat.page.evaluate((url) => history.pushState({}, '', url), event.type === 'RULES_ALLOW' ? ALLOWED_PATH : DENIED_PATH));
      }
      case 'OPEN':
        if (before.matches({ visible: 'waiting' })) return refusedStart((webchat) => webchat.open());
        if (before.matches({ visible: 'idle' }) && !before.context.preChat) await gateStart(); // this OPEN starts a chat
        return void (await chat.page.getByRole('button', { name: before.matches('visible') ? DEFAULT_UI_TEXT.startChat : OPEN_CHAT }).click());
      case 'CLOSE':
        // The visitor's own button where the page shows one (no panel while its code cannot load); else the site's code.
        if (before.matches({ visible: 'preChat' })) return void (await click(DEFAULT_UI_TEXT.cancel));
        if (await chat.panelShown()) return void (await click(DEFAULT_UI_TEXT.minimise));
        return void (await api(chat.page, (webchat) => webchat.close()));
      case 'START':
        return start(before, index);
      case 'CONTACT_CREATED':
        // Arranged before the answer: the session opens the moment the contact exists.
        await prepareConnecting(index + 1);
        return answerStart(event);
      case 'START_FAILED':
        return answerStart(event);
      case 'WAIT_OVER':
      case 'CONNECTED':
        return; // they happen by themselves
      case 'TAB_LEADS':
        if (!leader) return; // this tab took the lead by itself
        // The leading tab goes, and the inspector window it opened with it.
        for (const page of context.pages()) if ((await page.opener()) === leader.page) await page.close();
        await leader.page.close({ runBeforeUnload: true });
        leader = undefined;
        // The browser hands the lock over on its own time: the step is done once this tab's chart says it leads.
        await lookAt(chat.page);
        return waitFor(() => inspection.latestContext(chat.page)?.leads === true, chat.page, 'the second tab to take the lead', 45_000);
      case 'CONNECTION_FAILED':
        // From connecting, the chunk was blocked; otherwise every reconnect attempt meets an outage.
        if (!before.matches({ contact: { link: 'connecting' } })) await outageAndDrop(LONG_OUTAGE_MS);
        return;
      case 'CONNECTION_LOST':
        if (before.matches({ contact: { link: 'online' } })) await outageAndDrop(next?.type === 'CONNECTION_FAILED' ? LONG_OUTAGE_MS : SHORT_OUTAGE_MS);
        return;
      case 'RETRY_CONNECTION':
        await unblockChunk();
        await control.faults({ participant: null });
        await prepareConnecting(index + 1);
        return void (await click(DEFAULT_UI_TEXT.retry));
      case 'QUEUED':
        await untilOnline();
        return void (await control.queue(contactId));
      case 'TRANSFERRED':
        await untilOnline();
        return void (await control.transfer(contactId));
      case 'AGENT_JOINED':
        await untilOnline();
        return void (await control.join(contactId, `Agent ${++agents}`));
      case 'AGENT_LEFT':
        await untilOnline();
        return void (await control.leave(contactId));
      case 'END_REQUESTED':
        return void (await click(DEFAULT_UI_TEXT.endChat));
      case 'KEEP_CHATTING':
        return void (await click(DEFAULT_UI_TEXT.keepChatting));
      case 'CUSTOMER_ENDED':
        // The customer's way is "End chat", then confirming; with no question on screen, the site's code ends it.
        if (before.matches({ contact: { panel: 'confirmingEnd' } }) && (await chat.panelShown()) && !before.matches({ contact: { link: 'offline' } })) {
          return void (await click(DEFAULT_UI_TEXT.endChatConfirm));
        }
        return void (await api(chat.page, (webchat) => webchat.end()));
      case 'CHAT_ENDED':
        return void (await control.end(contactId));
    }
    throw new Error(`no product step for ${describeEvent(event)}`);
  }

  /**
   * News from Amazon Connect is sent once the page's connection is up (unless a failure is arranged): what it
   * hears live comes in the order Amazon Connect sent it, as the path has it.
   */
  async function untilOnline(): Promise<void> {
    if (connectionTroubled) return;
    const online = () => JSON.stringify(inspection.latestValue(chat.page) ?? '').includes('"link":"online"');
    await waitFor(online, chat.page, 'the page to be connected');
  }

  async function outageAndDrop(forMs: number): Promise<void> {
    await outage(forMs);
    await control.dropConnection(contactId);
  }

  try {
    for (let index = 0; index < events.length; index++) {
      const before = model.getSnapshot();
      await perform(index, before);
      const event = stamped(events[index]!, index);
      model.send(event as never);
      expected.push(...expectedEntries(before, model.getSnapshot(), timeOf(event)));
      // A page boots through the configuration and its first rules check at once: look after the rules.
      const bootGoesOn = index === 0 && events[1]?.type.startsWith('RULES_');
      if (!bootGoesOn) {
        await waitUntilMatches(chat, expected, model.getSnapshot(), `after step ${index + 1} (${describeEvent(events[index]!)}) of ${path.description}`);
      }
      if (expectTopic && startBody) {
        const attributes = startBody.attributes as Record<string, string> | undefined;
        if (attributes?.topic !== 'billing') throw new Error(`START sent ${JSON.stringify(startBody)}: its attributes were lost`);
        expectTopic = false;
        startBody = undefined;
      }
    }
    await waitForInspection(inspection, chat.page, model.getSnapshot());
    // A last event the page's actor reports after every earlier one (they arrive in order): its rules check.
    if (!model.getSnapshot().matches('failed')) {
      const reported = inspection.snapshotCount(chat.page);
      await api(chat.page, (webchat) => webchat.checkRules());
      await waitFor(() => inspection.snapshotCount(chat.page) > reported, chat.page, "the page's inspection to catch up");
    }
    if (process.env.MODEL_TRACE) console.log(`${path.description}\n    ${inspection.trace(chat.page)}`);
    return inspection.covered(chat.page);
  } catch (error) {
    if (process.env.MODEL_TRACE) {
      const locks = await chat.page.evaluate(async () => JSON.stringify(await navigator.locks.query())).catch(() => '?');
      const panel = await chat.panelMessages().catch(() => []);
      const storage = await chat.page.evaluate(() => JSON.stringify(Object.entries(sessionStorage))).catch(() => '?');
      console.log(`FAILED ${path.description}\n    ${inspection.trace(chat.page)}\n    locks ${locks}\n    panel ${JSON.stringify(panel)} ${await chat.statusText().catch(() => '?')}\n    storage ${storage}`);
    }
    // Where the page stood when a step failed, for whoever reads the report (MODEL_SCREENSHOTS=<folder>).
    const folder = process.env.MODEL_SCREENSHOTS;
    if (folder) await chat.page.screenshot({ path: `${folder}/${path.description.replace(/[^A-Za-z0-9]+/g, '-').slice(0, 120)}.png` }).catch(() => {});
    throw error;
  } finally {
    releaseStart?.();
    await control.faults({ startChat: null, participant: null }).catch(() => {});
    await context.close();
  }
}

/** The path gives up the connection while it is up: reconnecting must not be tried first. */
function givesUpWhileOnline(path: ModelPath): boolean {
  const actor = createActor(chatMachine, { input: { instanceName: 'help_faq_bot' } }).start();
  const found = path.steps.some((step, index) => {
    const online = actor.getSnapshot().matches({ contact: { link: 'online' } });
    actor.send(stamped(step.event, index) as never);
    return online && step.event.type === 'CONNECTION_FAILED';
  });
  actor.stop();
  return found;
}

function countOf(entries: readonly SaEvent[], type: SaEvent['type']): number {
  return entries.filter((entry) => entry.type === type).length;
}

async function waitForEntries(chat: ChatPage, type: SaEvent['type'], count: number): Promise<SaEvent[]> {
  await chat.waitForEvent(type, count, STEP_TIMEOUT_MS);
  return (await chat.history()).filter((entry) => entry.type === type);
}

/**
 * Brings the page in front before looking at it: an inspector window (or another tab) in front of it leaves it
 * drawing no frames and running its idle work (the inspection messages) late, if at all.
 */
async function lookAt(page: Page): Promise<void> {
  await page.bringToFront().catch(() => {});
}

async function waitFor(condition: () => boolean, page: Page, what: string, timeoutMs = STEP_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await page.waitForTimeout(50);
  }
}

/** A state value with its keys in order, and the connection left out while the model waits for it to settle. */
function comparable(value: unknown, transientLink: boolean): string {
  const sort = (node: unknown): unknown =>
    typeof node === 'object' && node !== null
      ? Object.fromEntries(
          Object.entries(node)
            .filter(([key]) => !(transientLink && key === 'link'))
            .sort(([a], [b]) => a.localeCompare(b))
            .map(([key, child]) => [key, sort(child)]),
        )
      : node;
  return JSON.stringify(sort(value));
}

/**
 * The page's inspection has caught up with the model's final state (its messages come when the browser is
 * idle). A connection the model still sees coming up may already be up on the page: that region is not compared.
 */
async function waitForInspection(inspection: PageInspection, page: Page, snapshot: ChatSnapshot): Promise<void> {
  await lookAt(page);
  const transientLink = snapshot.matches({ contact: { link: 'connecting' } }) || snapshot.matches({ contact: { link: 'reconnecting' } });
  const want = comparable(snapshot.value, transientLink);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  while (comparable(inspection.latestValue(page), transientLink) !== want) {
    if (Date.now() > deadline) throw new Error(`the page's inspection never reported ${want} (last ${JSON.stringify(inspection.latestValue(page))})`);
    await page.waitForTimeout(50);
  }
}

/** The minimised chat's launcher, with the count of messages that came meanwhile ("Open chat, 1 unread") or none. */
const OPEN_CHAT = new RegExp(`^${DEFAULT_UI_TEXT.openChat}(, \\d+ unread)?$`);

/** What the visitor must see in `snapshot`; `true` where the state is too brief to look at. */
async function uiMatches(chat: ChatPage, snapshot: ChatSnapshot): Promise<boolean> {
  const button = (name: string) => chat.page.getByRole('button', { name, exact: true });
  const startShown = await button(DEFAULT_UI_TEXT.startChat).first().isVisible();
  if (snapshot.matches({ visible: 'idle' })) return startShown && (await button(DEFAULT_UI_TEXT.startChat).first().getAttribute('aria-disabled')) === 'false';
  if (snapshot.matches({ visible: 'waiting' })) return (await button(DEFAULT_UI_TEXT.startChat).first().getAttribute('aria-disabled')) === 'true';
  if (snapshot.matches({ visible: 'preChat' })) return chat.page.getByRole('textbox', { name: 'Your name' }).isVisible();
  if (snapshot.matches('hidden') || snapshot.matches('failed') || snapshot.matches('loaded')) return !startShown;
  const openShown = await chat.page.getByRole('button', { name: OPEN_CHAT }).isVisible();
  if (snapshot.matches({ ended: 'minimised' }) || snapshot.matches({ contact: { panel: 'minimised' } })) return openShown && !(await chat.panelShown());
  if (snapshot.matches('ended')) return (await chat.statusText()).includes(DEFAULT_UI_TEXT.statusEnded);
  if (snapshot.matches({ contact: { link: 'offline' } })) return button(DEFAULT_UI_TEXT.retry).isVisible();
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
  await lookAt(chat.page);
  const want = JSON.stringify(normalise(expected));
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let got = '';
  let ui = false;
  while (Date.now() < deadline) {
    const history = await chat.history().catch(() => [] as SaEvent[]);
    got = JSON.stringify(normalise(history));
    const times = history.map((entry) => entry.timestamp);
    const ordered = times.every((time, index) => index === 0 || time >= times[index - 1]!);
    ui = await uiMatches(chat, snapshot).catch(() => false);
    if (got === want && ordered && ui) return;
    await chat.page.waitForTimeout(100);
  }
  throw new Error(`${where}: saEvents ${got}\n  expected ${want}\n  UI matches ${JSON.stringify(snapshot.value)}: ${ui}`);
}
