import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './support/browser';
import { bundleInMemory } from '../../src/build/in-memory-bundle';
import { message, panelView, PanelPage } from './models/panel-page';
import { LauncherPage } from './models/launcher-page';
import { DEFAULT_UI_TEXT } from '../../src/browser/config/ui-text';

const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'";
const NONCE = 'panel-test-nonce';
/** The lazy conversation chunk is 100 KB gzip, and chatjs takes ~76 KB of it. */
const PANEL_AND_LIT_BUDGET = 24 * 1024;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Chat panel test page</title>
<link rel="stylesheet" href="/page.css">
<script src="/csp-watch.js"></script>
<script type="module" src="/host.js"></script>
</head>
<body><main><h1>Example shop</h1><p>Something to buy.</p></main><div id="chat"></div></body>
</html>`;

/** Classic script, first in <head>: records violations from the very start. */
const CSP_WATCH = `window.cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || ''));
});`;

const HOST = `import { mountChatPanel } from '/chat-panel.js';
const params = new URLSearchParams(location.search);
if (params.has('nosheets')) delete ShadowRoot.prototype.adoptedStyleSheets;
const host = document.getElementById('chat');
if (params.get('dir')) host.dir = params.get('dir');
const root = host.attachShadow({ mode: 'open' });
window.calls = [];
// Every callback is recorded by name; files by their names.
const record = (name) => (...args) => { window.calls.push([name, ...args.map((a) => Array.isArray(a) ? a.map((f) => f.name) : a)]); };
const callbacks = new Proxy({}, { get: (_, name) => record(name) });
const now = params.get('now');
window.panel = mountChatPanel(root, callbacks, {
  nonce: params.get('nonce') ?? undefined,
  ...(now ? { now: () => Number(now) } : {}),
});`;

/** The launcher alone, as the first script mounts it. */
const LAUNCHER_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Launcher test page</title>
<script type="module" src="/launcher-host.js"></script></head><body><div id="launcher"></div></body></html>`;
const LAUNCHER_HOST = `import { mountLauncher } from '/launcher.js';
window.activations = 0;
const root = document.getElementById('launcher').attachShadow({ mode: 'open' });
window.launcher = mountLauncher(root, { text: ${JSON.stringify({ startChat: DEFAULT_UI_TEXT.startChat, unreadCount: DEFAULT_UI_TEXT.unreadCount })}, onActivate: () => window.activations++ });
window.launcher.update({ visible: true, busy: false });`;

const PAGE_CSS = '#chat { inline-size: 360px; margin: 16px; }';
/** 26 November 2026, 10:30 local time. */
const NOW = new Date(2026, 10, 26, 10, 30).getTime();
const HOUR = 3_600_000;

let browser: Browser;
let server: Server;
let origin: string;
let bundle: string;

beforeAll(async () => {
  bundle = await bundleOf('src/browser/ui/chat-panel.ts', 'chat-panel');
  const launcherBundle = await bundleOf('src/browser/ui/launcher.ts', 'launcher');

  const files: Record<string, [string, string]> = {
    '/chat-panel.js': ['text/javascript', bundle],
    '/launcher.js': ['text/javascript', launcherBundle],
    '/launcher-host.js': ['text/javascript', LAUNCHER_HOST],
    '/launcher': ['text/html; charset=utf-8', LAUNCHER_PAGE],
    '/host.js': ['text/javascript', HOST],
    '/csp-watch.js': ['text/javascript', CSP_WATCH],
    '/page.css': ['text/css', PAGE_CSS],
  };
  await serve(files);
  browser = await launchChromium();
});

/** One module, bundled alone in memory as it ships. */
const bundleOf = async (entry: string, name: string) => (await bundleInMemory({ [name]: entry }))[`/${name}.js`]!;

async function serve(files: Record<string, [string, string]>): Promise<void> {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = files[url.pathname];
    if (file) {
      res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    } else if (url.pathname === '/' || url.pathname === '/csp' || url.pathname === '/nonce') {
      const csp =
        url.pathname === '/csp' ? STRICT_CSP
        : url.pathname === '/nonce' ? `default-src 'self'; script-src 'self'; style-src 'self' 'nonce-${NONCE}'`
        : undefined;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(csp && { 'content-security-policy': csp }) });
      res.end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const opened: PanelPage[] = [];
async function openPanel(path = '/'): Promise<PanelPage> {
  const panel = await PanelPage.open(browser, origin + path);
  opened.push(panel);
  return panel;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((panel) => panel.close()));
});

const conversation = () => [
  message('SYSTEM', 'Thanks for contacting us.'),
  message('AGENT', 'Hi, how can I help?'),
  message('CUSTOMER', 'Where is my order?'),
];

describe('composing', () => {
  it('sends the trimmed message on Enter and clears the textbox', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    await panel.type('  Hello there ');
    await panel.pressEnter();
    expect((await panel.calls()).filter(([name]) => name === 'send')).toEqual([['send', 'Hello there']]);
    expect(await panel.textboxValue()).toBe('');
  });

  it('inserts a newline on Shift+Enter without sending', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    await panel.type('line one');
    await panel.pressShiftEnter();
    await panel.type('line two');
    expect(await panel.textboxValue()).toBe('line one\nline two');
    expect((await panel.calls()).some(([name]) => name === 'send')).toBe(false);
  });

  it('does not send an empty or whitespace-only message', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    await panel.type('   ');
    await panel.pressEnter();
    await panel.click('Send');
    expect((await panel.calls()).some(([name]) => name === 'send')).toBe(false);
  });

  it('sends with the Send button, returns focus to the textbox and reports typing', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    await panel.type('Hi');
    await panel.click('Send');
    const calls = await panel.calls();
    expect(calls).toContainEqual(['send', 'Hi']);
    expect(calls).toContainEqual(['typing']);
    expect(await panel.focusedName()).toBe('Message');
  });
});

describe('messages', () => {
  it('shows each message with its sender and role', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation() }));
    expect(await panel.messages()).toEqual([
      { role: 'SYSTEM', name: 'System', text: 'Thanks for contacting us.' },
      { role: 'AGENT', name: 'Alex', text: 'Hi, how can I help?' },
      { role: 'CUSTOMER', name: 'Sam', text: 'Where is my order?' },
    ]);
  });

  it('shows a hostile agent message literally: no element, no script', async () => {
    const panel = await openPanel();
    const hostile = '<img src=x onerror=alert(1)>';
    await panel.update(panelView({ messages: [message('AGENT', hostile, { displayName: '<b>Eve</b>' })] }));
    await panel.settle();
    expect(await panel.messages()).toEqual([{ role: 'AGENT', name: '<b>Eve</b>', text: hostile }]);
    expect(await panel.imageCount()).toBe(0);
    expect(panel.dialogs).toEqual([]);
  });

  it('puts customer messages on the right and agent messages on the left, mirrored in RTL', async () => {
    const ltr = await openPanel();
    await ltr.update(panelView({ messages: conversation() }));
    expect(await ltr.messageSide('Where is my order?')).toBe('right');
    expect(await ltr.messageSide('Hi, how can I help?')).toBe('left');
    expect(await ltr.messageSide('Thanks for contacting us.')).toBe('centre');

    const rtl = await openPanel('/?dir=rtl');
    await rtl.update(panelView({ messages: conversation() }));
    expect(await rtl.messageSide('Where is my order?')).toBe('left');
    expect(await rtl.messageSide('Hi, how can I help?')).toBe('right');
  });

  it('renders 3,000 messages', async () => {
    const panel = await openPanel();
    const many = Array.from({ length: 3000 }, (_, i) => message(i % 2 ? 'AGENT' : 'CUSTOMER', `Message number ${i}`));
    await panel.update(panelView({ messages: many }));
    expect(await panel.messageCount()).toBe(3000);
    await panel.update(panelView({ messages: [...many, message('AGENT', 'one more')] }));
    expect(await panel.messageCount()).toBe(3001);
    expect(await panel.distanceFromBottom()).toBeLessThanOrEqual(1);
  });

  it('draws again only the rows a new message changes, not the whole conversation', async () => {
    const panel = await openPanel();
    const history = Array.from({ length: 200 }, (_, i) => message('AGENT', `Earlier ${i}`));
    const reply = message('AGENT', 'A new reply');
    const drawn = await panel.rowsDrawn(panelView({ messages: history }), panelView({ messages: [...history, reply] }));
    // The new message, and at most the one whose run it extends and one that becomes old: never the 200.
    expect(drawn).toContain(reply.id);
    expect(new Set(drawn).size).toBeLessThanOrEqual(3);
    expect(await panel.messageCount()).toBe(201);
  });

  it('renders a burst of updates once a frame, ending on the last, at the bottom', async () => {
    const panel = await openPanel();
    const all = Array.from({ length: 300 }, (_, i) => message('AGENT', `Burst ${i}`));
    const views = all.map((_, i) => panelView({ messages: all.slice(0, i + 1) }));
    expect(await panel.burst(views)).toEqual({ atOnce: 1, nextFrame: 300 });
    expect(await panel.distanceFromBottom()).toBeLessThanOrEqual(1);
  });

  it('follows new messages at the bottom but keeps the place of a reader who scrolled up', async () => {
    const panel = await openPanel();
    const history = Array.from({ length: 40 }, (_, i) => message('AGENT', `Earlier ${i}`));
    await panel.update(panelView({ messages: history }));
    expect(await panel.distanceFromBottom()).toBeLessThanOrEqual(1);

    const more = [...history, message('AGENT', 'Newer')];
    await panel.update(panelView({ messages: more }));
    expect(await panel.distanceFromBottom()).toBeLessThanOrEqual(1);

    await panel.scrollListToTop();
    await panel.update(panelView({ messages: [...more, message('AGENT', 'Newest')] }));
    expect(await panel.distanceFromBottom()).toBeGreaterThan(100);
  });
});

describe('status', () => {
  it('shows the status line for every state, with the agent name filled in', async () => {
    const panel = await openPanel();
    const expected = {
      connecting: 'Connecting…',
      inFlow: "Please wait, we're finding someone to help you…",
      queued: 'Waiting in queue for the next agent…',
      agent: 'Connected to Alex',
      reconnecting: 'Reconnecting…',
      ended: 'Chat ended',
    } as const;
    for (const [status, text] of Object.entries(expected)) {
      await panel.update(panelView({ status: status as keyof typeof expected }));
      expect(await panel.statusText()).toBe(text);
    }
  });

  it('animates the typing dots, unless the visitor asked for reduced motion', async () => {
    const panel = await openPanel();
    await panel.reduceMotion(false);
    await panel.update(panelView({ agentTyping: true }));
    expect(await panel.typingAnimation()).toBe('cw-dot');
    await panel.reduceMotion(true);
    expect(await panel.typingAnimation()).toBe('none');
  });

  it('keeps $ patterns in an agent name literal and shows the typing indicator', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ agentName: "Jo $& $'", agentTyping: true }));
    expect(await panel.statusText()).toBe("Connected to Jo $& $'");
    expect(await panel.typingText()).toBe("Jo $& $' is typing…");
    await panel.update(panelView({ agentTyping: false }));
    expect(await panel.typingText()).toBeNull();
  });

  it('shows a failure with its error and a focused retry that calls back', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ status: 'connecting' }));
    await panel.focusPanel();
    await panel.update(panelView({ status: 'failed', error: 'The chat service is unavailable.', canRetry: true }));
    expect(await panel.statusText()).toBe('The chat service is unavailable.');
    expect(await panel.textboxShown()).toBe(false);
    expect(await panel.focusedName()).toBe('Try again');
    await panel.pressEnter();
    expect(await panel.calls()).toContainEqual(['retry']);

    await panel.update(panelView({ status: 'failed', canRetry: false }));
    expect(await panel.statusText()).toBe("We couldn't start the chat. Please try again.");
    expect(await panel.buttonShown('Try again')).toBe(false);
  });

  it('after the end, hides the textbox and focuses Start new chat, which calls back', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation() }));
    await panel.focusPanel();
    expect(await panel.focusedName()).toBe('Message');

    await panel.update(panelView({ status: 'ended', messages: conversation() }));
    expect(await panel.textboxShown()).toBe(false);
    expect(await panel.buttonShown('End chat')).toBe(false);
    expect(await panel.focusedName()).toBe('Start new chat');
    await panel.pressEnter();
    expect(await panel.calls()).toContainEqual(['startNew']);
  });
});

describe('announcements', () => {
  it('announces a new message once and never the history of the first update', async () => {
    const panel = await openPanel();
    const history = Array.from({ length: 30 }, (_, i) => message(i % 2 ? 'AGENT' : 'SYSTEM', `History line ${i}`));
    await panel.update(panelView({ messages: history }));
    expect(await panel.liveRegionText()).not.toContain('History line');

    const withReply = [...history, message('AGENT', 'A fresh reply')];
    await panel.update(panelView({ messages: withReply }));
    await panel.update(panelView({ messages: withReply, agentTyping: true }));
    await panel.update(panelView({ messages: withReply }));
    const spoken = await panel.liveRegionText();
    expect(spoken.split('Alex: A fresh reply').length - 1).toBe(1);
    expect(spoken).not.toContain('History line');
  });

  it("announces status changes but not the customer's own messages", async () => {
    const panel = await openPanel();
    await panel.update(panelView({ status: 'queued' }));
    await panel.update(panelView({ status: 'agent', messages: [message('CUSTOMER', 'my own words')] }));
    const spoken = await panel.liveRegionText();
    expect(spoken).toContain('Connected to Alex');
    expect(spoken).not.toContain('my own words');
  });
});

describe('keyboard', () => {
  it('reaches Message, Send, End chat and Minimise with Tab alone', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation() }));
    const names = await panel.tabThrough(6);
    for (const name of ['Message', 'Send', 'End chat', 'Minimise']) expect(names).toContain(name);
  });

  it('ends and minimises from the keyboard', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    const [first] = await panel.tabThrough(1);
    expect(first).toBe('End chat');
    await panel.pressEnter();
    await panel.press('Escape');
    expect(await panel.calls()).toEqual([['end'], ['minimise']]);
  });
});

describe('accessibility', () => {
  it('has no axe-core violations with agent, customer and system messages', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation(), agentTyping: true }));
    expect(await panel.axeViolations()).toEqual([]);
  });

  it('has no axe-core violations once ended', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation() }));
    await panel.update(panelView({ status: 'ended', messages: conversation() }));
    expect(await panel.axeViolations()).toEqual([]);
  });

  it('has no axe-core violations in the failed state', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ status: 'failed', error: 'Network error.', canRetry: true }));
    expect(await panel.axeViolations()).toEqual([]);
  });
});

describe('strict Content-Security-Policy', () => {
  it('is styled under a CSP without unsafe-inline and reports no violation', async () => {
    const panel = await openPanel('/csp');
    await panel.update(panelView({ messages: conversation() }));
    await panel.type('hello');
    await panel.pressEnter();
    expect(await panel.sendButtonBackground()).toBe('rgb(11, 87, 208)');
    expect(await panel.cspViolations()).toEqual([]);
  });

  it("falls back to a <style> carrying the site's nonce where constructable stylesheets are missing", async () => {
    const panel = await openPanel(`/nonce?nosheets=1&nonce=${NONCE}`);
    await panel.update(panelView());
    expect(await panel.styleElementCount()).toBe(1);
    expect(await panel.sendButtonBackground()).toBe('rgb(11, 87, 208)');
    expect(await panel.cspViolations()).toEqual([]);
  });
});

describe('lifecycle', () => {
  it('focuses the textbox after the first update when focus() came first', async () => {
    const panel = await openPanel();
    await panel.focusPanel();
    await panel.update(panelView());
    expect(await panel.focusedName()).toBe('Message');
  });

  it('destroy() leaves the root empty, takes its stylesheet and ignores later updates', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ messages: conversation() }));
    await panel.destroy();
    expect(await panel.rootContents()).toEqual({ nodes: 0, sheets: 0 });
    await panel.update(panelView({ messages: conversation() }));
    expect(await panel.rootContents()).toEqual({ nodes: 0, sheets: 0 });
  });

  it('fits the lazy chunk beside chatjs: panel and lit within 24 KB gzip', () => {
    expect(gzipSync(bundle).length).toBeLessThan(PANEL_AND_LIT_BUDGET);
  });
});

describe('look and feel', () => {
  it('names the header icon buttons and gives them tooltips', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    expect(await panel.headerButtons()).toEqual([
      { name: 'End chat', tooltip: 'End chat', iconOnly: true },
      { name: 'Minimise', tooltip: 'Minimise', iconOnly: true },
    ]);
  });

  it('shows the instance title before an agent joins, and the agent after', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ status: 'queued' }));
    expect((await panel.headerTitle()).text).toBe('Chat with us');
    await panel.update(panelView({ status: 'agent', agentName: 'Maria Lopez' }));
    expect((await panel.headerTitle()).text).toBe('Maria Lopez');
  });

  it('groups messages by sender with one name and one time, under date separators', async () => {
    const panel = await openPanel(`/?now=${NOW}`);
    const at = (hoursAgo: number) => NOW - hoursAgo * HOUR;
    await panel.update(panelView({
      messages: [
        message('AGENT', 'Yesterday hello', { at: at(25) }),
        message('AGENT', 'Today one', { at: at(1) }),
        message('AGENT', 'Today two', { at: at(1) + 60_000 }),
        message('CUSTOMER', 'Thanks', { at: at(1) + 120_000 }),
      ],
    }));
    const rows = await panel.rows();
    expect(rows.map((row) => ('separator' in row ? row.separator : row.text))).toEqual(['Yesterday', 'Yesterday hello', 'Today', 'Today one', 'Today two', 'Thanks']);
    const [, first, , one, two, thanks] = rows as { shownName: string | null; shownTime: string | null; time: string; hoverTime: string }[];
    expect(first!.shownName).toBe('Alex');
    expect(one!.shownName).toBe('Alex');
    expect(two!.shownName).toBeNull(); // same sender, a minute later: one name for the run
    expect(one!.shownTime).toBeNull();
    expect(two!.shownTime).toBe(two!.time); // the run's time under its last message
    expect(thanks!.shownName).toBeNull(); // the customer's own carry no name
    for (const row of [first, one, two, thanks]) {
      expect(row!.time).toMatch(/^\d{1,2}:\d{2}/); // in a <time>, read out even where not shown
      expect(row!.hoverTime).toBe(row!.time); // and shown on hover
    }
  });

  it('shows a failed message as Not sent with a Retry that resends it, and receipts and shortening', async () => {
    const panel = await openPanel();
    const failed = message('CUSTOMER', 'Lost words', { failed: true });
    const read = message('CUSTOMER', 'Seen words', { receipt: 'read' });
    const cut = message('AGENT', 'Cut words', { truncated: true });
    await panel.update(panelView({ messages: [cut, read, failed] }));
    expect(await panel.messageFoot('Lost words')).toBe('Not sent Retry');
    expect(await panel.messageFoot('Seen words')).toMatch(/· Read$/);
    expect(await panel.messageFoot('Cut words')).toMatch(/^Message shortened/);
    await panel.retryMessage('Lost words');
    expect(await panel.calls()).toContainEqual(['resend', failed.id]);
  });

  it('asks before ending as a keyboard dialog: focus on Keep chatting, Tab goes round its answers and Minimise, Escape keeps chatting, the draft survives', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    await panel.type('half a thought');
    await panel.update(panelView({ confirmingEnd: true }));
    expect(await panel.endQuestionShown()).toBe(true);
    expect(await panel.focusedName()).toBe('Keep chatting');
    expect(await panel.tabThrough(3)).toEqual(['End chat', 'Minimise', 'Keep chatting']);
    await panel.press('Escape');
    const calls = await panel.calls();
    expect(calls).toContainEqual(['keepChatting']);
    expect(calls).not.toContainEqual(['minimise']);
    await panel.update(panelView({ confirmingEnd: false }));
    expect(await panel.endQuestionShown()).toBe(false);
    expect(await panel.textboxValue()).toBe('half a thought');
    expect(await panel.focusedName()).toBe('Message');
  });

  it('confirms the end with Enter on End chat', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ confirmingEnd: true }));
    await panel.press('Tab');
    await panel.pressEnter();
    expect(await panel.calls()).toContainEqual(['confirmEnd']);
  });

  it('offers the transcript as a text file once ended', async () => {
    const panel = await openPanel();
    const messages = [message('AGENT', 'Hi, how can I help?'), message('CUSTOMER', 'Where is my order?'), message('SYSTEM', 'Alex left the chat')];
    await panel.update(panelView({ status: 'ended', messages }));
    expect(await panel.rows()).toContainEqual({ separator: 'Chat ended' });
    const file = await panel.downloadTranscript();
    expect(file.name).toMatch(/^chat-\d{4}-\d{2}-\d{2}\.txt$/);
    const lines = file.text.trim().split('\n');
    expect(lines[0]).toBe('Chat with us');
    expect(lines.slice(2).map((line) => line.replace(/^\[[^\]]+\] /, ''))).toEqual(['Alex: Hi, how can I help?', 'Sam: Where is my order?', 'Alex left the chat']);
    expect(lines[2]).toMatch(/^\[.*\d{1,2}:\d{2}.*\] /);
  });

  it('sends files chosen with the paperclip, dropped on the panel or pasted', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ attachments: { accept: '.txt,.png', maxBytes: 1000 } }));
    await panel.attachThroughButton(['a.txt']);
    expect(await panel.dropFiles(['b.txt', 'c.txt'])).toBe(true);
    await panel.pasteFiles(['d.png']);
    expect((await panel.calls()).filter(([name]) => name === 'attach')).toEqual([['attach', ['a.txt']], ['attach', ['b.txt', 'c.txt']], ['attach', ['d.png']]]);
  });

  it('offers no attach button when attachments are off', async () => {
    const panel = await openPanel();
    await panel.update(panelView());
    expect(await panel.buttonShown('Attach a file')).toBe(false);
  });

  it('counts characters near the limit and refuses an over-long message before sending', async () => {
    const panel = await openPanel();
    await panel.update(panelView({ maxMessageLength: 100 }));
    await panel.fill('x'.repeat(50));
    expect(await panel.characterCount()).toBeNull();
    await panel.fill('x'.repeat(90));
    expect(await panel.characterCount()).toBe('90 of 100 characters');
    await panel.fill('x'.repeat(105));
    expect(await panel.characterCount()).toBe('105 of 100 characters · Messages can be at most 100 characters.');
    expect(await panel.sendEnabled()).toBe(false);
    expect(await panel.alerts()).toEqual(['Messages can be at most 100 characters.']);
    await panel.pressEnter();
    expect((await panel.calls()).some(([name]) => name === 'send')).toBe(false);
    await panel.fill('x'.repeat(100));
    expect(await panel.sendEnabled()).toBe(true);
  });

  it('isolates a long, right-to-left-overriding agent name: our words keep their order and the header holds', async () => {
    const panel = await openPanel();
    const name = `\u202E${'Evil name '.repeat(7)}`.slice(0, 64);
    await panel.update(panelView({ agentName: name, agentTyping: true }));
    expect(await panel.isolatedName('status')).toEqual({ before: 'Connected to ', name, after: '' });
    expect(await panel.isolatedName('typing')).toEqual({ before: '', name, after: ' is typing…' });
    expect(await panel.headerTitle()).toMatchObject({ ellipsised: true, fits: true });
  });
});

describe('following the conversation', () => {
  const history = () => Array.from({ length: 40 }, (_, i) => message('AGENT', `Earlier ${i}`));

  it('after minimise and reopen, shows the newest message and keeps following', async () => {
    const panel = await openPanel();
    const before = history();
    await panel.update(panelView({ messages: before }));
    await panel.setShown(false);
    const later = [...before, message('AGENT', 'While away 1'), message('AGENT', 'While away 2')];
    await panel.update(panelView({ messages: later }));
    await panel.setShown(true);
    expect(await panel.rowInView('While away 2')).toBe(true);
    await panel.update(panelView({ messages: [...later, message('AGENT', 'After reopening')] }));
    expect(await panel.rowInView('After reopening')).toBe(true);
  });

  it('on reopen, scrolls to a New messages divider above the first unread and follows what comes next', async () => {
    const panel = await openPanel();
    const before = history();
    await panel.update(panelView({ messages: before }));
    await panel.setShown(false);
    const unread = message('AGENT', 'First unread');
    const later = [...before, unread, message('AGENT', 'Second unread')];
    await panel.update(panelView({ messages: later, firstUnreadId: unread.id }));
    await panel.setShown(true);
    expect(await panel.rowInView('New messages')).toBe(true);
    expect(await panel.rowInView('Second unread')).toBe(true);
    await panel.update(panelView({ messages: [...later, message('AGENT', 'Third')], firstUnreadId: unread.id }));
    expect(await panel.rowInView('Third')).toBe(true);
  });

  it('on reopen with more unread than fits, puts the divider at the top', async () => {
    const panel = await openPanel();
    const before = history();
    await panel.update(panelView({ messages: before }));
    await panel.setShown(false);
    const unread = Array.from({ length: 30 }, (_, i) => message('AGENT', `Unread ${i}`));
    await panel.update(panelView({ messages: [...before, ...unread], firstUnreadId: unread[0]!.id }));
    await panel.setShown(true);
    expect(await panel.rowInView('New messages')).toBe(true);
    expect(await panel.rowInView('Unread 0')).toBe(true);
    expect(await panel.rowInView('Unread 29')).toBe(false);
  });
});

describe('accessibility in every look', () => {
  const busy = () => [
    ...[message('SYSTEM', 'Thanks for contacting us.'), message('AGENT', 'Hi, how can I help?'), message('CUSTOMER', 'Where is my order?', { receipt: 'read' })],
    message('CUSTOMER', 'Hello?', { failed: true }),
  ];

  it('has no axe-core violations in the dark theme, with the end question open', async () => {
    const panel = await openPanel();
    await panel.colourScheme('dark');
    await panel.update(panelView({ messages: busy(), agentTyping: true, attachments: { accept: '.txt', maxBytes: 10 } }));
    expect(await panel.axeViolations()).toEqual([]);
    await panel.update(panelView({ messages: busy(), confirmingEnd: true }));
    expect(await panel.axeViolations()).toEqual([]);
  });

  it('has no axe-core violations right to left, ended with the transcript offered', async () => {
    const panel = await openPanel('/?dir=rtl');
    await panel.update(panelView({ messages: busy(), agentTyping: true, attachments: { accept: '.txt', maxBytes: 10 } }));
    expect(await panel.axeViolations()).toEqual([]);
    await panel.update(panelView({ status: 'ended', messages: busy() }));
    expect(await panel.axeViolations()).toEqual([]);
  });
});

describe('launcher', () => {
  const launchers: LauncherPage[] = [];
  async function openLauncher(options: { reducedMotion?: boolean } = {}): Promise<LauncherPage> {
    const launcher = await LauncherPage.open(browser, `${origin}/launcher`, options);
    launchers.push(launcher);
    return launcher;
  }
  afterEach(async () => {
    await Promise.all(launchers.splice(0).map((launcher) => launcher.close()));
  });

  it('shows a badge for unread messages, capped at 9+, and says the count in its name', async () => {
    const launcher = await openLauncher();
    expect(await launcher.accessibleName()).toBe('Start chat');
    expect(await launcher.badge()).toBeNull();
    await launcher.update({ visible: true, busy: false, label: 'Open chat', unread: 2 });
    expect(await launcher.accessibleName()).toBe('Open chat, 2 unread');
    expect(await launcher.badge()).toBe('2');
    expect(await launcher.label()).toBe('Open chat');
    await launcher.update({ visible: true, busy: false, label: 'Open chat', unread: 12 });
    expect(await launcher.badge()).toBe('9+');
    expect(await launcher.accessibleName()).toBe('Open chat, 12 unread');
    await launcher.update({ visible: true, busy: false, label: 'Open chat', unread: 0 });
    expect(await launcher.badge()).toBeNull();
    expect(await launcher.accessibleName()).toBe('Open chat');
  });

  it('changes on hover and press, animating only without a reduced-motion preference', async () => {
    const moving = await openLauncher();
    const states = await moving.states();
    expect(states.rest).toBe('none');
    expect(states.hover).not.toBe('none');
    expect(states.pressed).not.toBe(states.hover);
    expect(states.transition).toMatch(/^filter 0\.2s/);
    const still = await openLauncher({ reducedMotion: true });
    expect((await still.states()).transition).toMatch(/^all 0s/);
  });

  it('ignores presses while busy or waiting', async () => {
    const launcher = await openLauncher();
    await launcher.update({ visible: true, busy: true });
    await launcher.press();
    await launcher.update({ visible: true, busy: false, waiting: true });
    await launcher.press();
    expect(await launcher.activations()).toBe(0);
    await launcher.update({ visible: true, busy: false });
    await launcher.press();
    expect(await launcher.activations()).toBe(1);
  });
});
