/**
 * `npm run screenshots`: pictures of the launcher and the chat panel in the states a customer meets, written to
 * `docs/screenshots/*.png` for the README and for reviewing the look.
 *
 * Writes nothing to `dist/`: like the chat-panel browser test, it bundles the panel and the launcher in memory
 * (vite, production build of lit), serves them from a throwaway local host, mounts each view in real Chromium
 * (`/usr/bin/chromium`, or `CHROMIUM_PATH`) and takes the picture. The clock is fixed, so pictures only change
 * when the look does.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { bundleInMemory } from '../src/build/in-memory-bundle';
import { DEFAULT_UI_TEXT } from '../src/browser/config/ui-text';
import { ES_UI_TEXT } from '../src/browser/config/locales/es';
import { parseTemplate } from '../src/browser/ui/content/interactive-template';
import type { PanelMessage, PanelView } from '../src/browser/ui/chat-panel.types';
import type { LauncherView } from '../src/browser/ui/launcher';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'docs/screenshots');
/** 26 November 2026, 10:30 local time: "Today" in every picture. */
const NOW = new Date(2026, 10, 26, 10, 30).getTime();

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<style>body{margin:0;font:16px/1.5 system-ui,sans-serif;background:#f3f4f6;color:#1f2328}main{padding:32px 48px}
.card{background:#fff;border-radius:12px;padding:24px;max-width:520px;box-shadow:0 1px 3px rgb(0 0 0/10%)}
@media (prefers-color-scheme:dark){body{background:#0e1013;color:#e8eaed}.card{background:#1b1e23}}</style>
<script type="module" src="/host.js"></script></head>
<body><main><h1>Example shop</h1><div class="card"><h2>Order #1042</h2><p>Shipped on Monday. Track it, change the address, or ask us anything.</p></div></main></body></html>`;

/** Mounts what the driver asks for; everything the picture shows comes from a view given to the real code. */
const HOST = `import { mountChatPanel } from '/chat-panel.js';
import { mountLauncher } from '/launcher.js';
import { PANEL_HOST_CSS } from '/panel-host.styles.js';
import { mountPreChatForm } from '/pre-chat-form.js';
const noop = () => {};
window.show = ({ kind, view, lang, dir, now }) => {
  document.querySelectorAll('[data-part]').forEach((e) => e.remove());
  const host = document.createElement('div');
  host.dataset.part = kind;
  host.lang = lang;
  if (dir) host.dir = dir;
  document.body.append(host);
  const root = host.attachShadow({ mode: 'open' });
  if (kind === 'launcher') {
    const launcher = mountLauncher(root, { text: view.text, onActivate: noop });
    launcher.update(view);
    return;
  }
  if (kind === 'prechat') {
    mountPreChatForm(root, { ...view, onSubmit: noop, onCancel: noop });
    return;
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(PANEL_HOST_CSS);
  root.adoptedStyleSheets = [sheet];
  const callbacks = new Proxy({}, { get: () => noop });
  mountChatPanel(root, callbacks, { now: () => now }).update(view);
};`;

const bundle = () =>
  bundleInMemory({
    'chat-panel': 'src/browser/ui/chat-panel.ts',
    launcher: 'src/browser/ui/launcher.ts',
    'panel-host.styles': 'src/browser/ui/panel-host.styles.ts',
    'pre-chat-form': 'src/browser/ui/pre-chat-form.ts',
  });

// ---- fixtures -------------------------------------------------------------------------------------------------

let next = 0;
const minutes = (m: number) => NOW - m * 60_000;
function message(role: PanelMessage['role'], text: string, at: number, extra: Partial<PanelMessage> = {}): PanelMessage {
  const displayName = role === 'AGENT' ? 'Maria Lopez' : role === 'BOT' ? 'Assistant' : role === 'CUSTOMER' ? 'Sam' : '';
  return { id: `s${++next}`, role, displayName, text, content: { kind: 'text', text }, at, ...extra };
}
/** A card as the panel gets it: the template JSON Amazon Connect sends, read by the panel's own parser. */
function interactive(templateType: string, content: Record<string, unknown>, at: number): PanelMessage {
  const parsed = parseTemplate(JSON.stringify({ templateType, version: '1.0', data: { content } }));
  if (!parsed) throw new Error(`the ${templateType} fixture is not a template the panel reads`);
  return message('BOT', parsed.text, at, { content: { kind: 'interactive', template: parsed.template } });
}

const conversation = (t = DEFAULT_UI_TEXT): PanelMessage[] => [
  message('BOT', 'Hi! I can help with orders, returns and delivery.', minutes(60 * 24 + 5)),
  message('CUSTOMER', 'Where is my order #1042?', minutes(60 * 24 + 4)),
  message('SYSTEM', t.participantJoined.replace('{name}', 'Maria Lopez'), minutes(12)),
  message('AGENT', 'Hi Sam, I’m Maria. Let me look that up for you.', minutes(11)),
  message('AGENT', 'It left our warehouse on Monday and should arrive tomorrow.', minutes(10)),
  message('CUSTOMER', 'Great, thank you!', minutes(9)),
  message('CUSTOMER', 'Can I change the delivery address?', minutes(8), { receipt: 'read' }),
];

/** The same conversation in Spanish, for the Spanish picture. */
const conversationEs = (): PanelMessage[] => [
  message('BOT', '¡Hola! Puedo ayudarte con pedidos, devoluciones y envíos.', minutes(60 * 24 + 5), { displayName: 'Asistente' }),
  message('CUSTOMER', '¿Dónde está mi pedido #1042?', minutes(60 * 24 + 4)),
  message('SYSTEM', ES_UI_TEXT.participantJoined.replace('{name}', 'María López'), minutes(12)),
  message('AGENT', 'Hola, Sam. Soy María; lo reviso enseguida.', minutes(11), { displayName: 'María López' }),
  message('AGENT', 'Salió del almacén el lunes y llegará mañana.', minutes(10), { displayName: 'María López' }),
  message('CUSTOMER', '¿Puedo cambiar la dirección de entrega?', minutes(8), { receipt: 'delivered' }),
];

/** A small picture for the image thumbnail: a parcel on a doorstep, drawn in SVG. */
const PARCEL = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="200"><rect width="320" height="200" fill="#dfe7ef"/>' +
    '<rect y="150" width="320" height="50" fill="#b9a58a"/><rect x="110" y="80" width="100" height="80" fill="#c8924f"/>' +
    '<rect x="152" y="80" width="16" height="80" fill="#e8d3a8"/></svg>',
)}`;

const markdownMessages = (): PanelMessage[] => {
  const tip = '**Returns** are free for _30 days_:\n1. Print the label from [your orders](https://example.com/orders)\n2. Drop it at any post office\n\nQuestions? Mail `returns@example.com` or see https://example.com/help';
  return [
    message('CUSTOMER', 'How do returns work?', minutes(31)),
    message('AGENT', tip, minutes(30), { content: { kind: 'markdown', text: tip } }),
    message('AGENT', 'Anything else? Our FAQ is at https://example.com/faq', minutes(29)),
  ];
};

const attachmentMessages = (): PanelMessage[] => [
  message('AGENT', 'invoice-1042.pdf', minutes(28), {
    content: { kind: 'attachment', attachment: { id: 'a1', name: 'invoice-1042.pdf', contentType: 'application/pdf', size: 48_213, status: 'APPROVED' } },
  }),
  message('AGENT', 'parcel.jpg', minutes(27), {
    content: { kind: 'attachment', attachment: { id: 'a2', name: 'parcel.jpg', contentType: 'image/jpeg', size: 1_204_113, status: 'APPROVED', thumbnailUrl: PARCEL } },
  }),
  message('CUSTOMER', 'receipt-scan.png', minutes(2), {
    content: { kind: 'attachment', attachment: { id: '', name: 'receipt-scan.png', contentType: 'image/png', size: 2_310_400, status: 'IN_PROGRESS', progress: 0.6 } },
    pending: true,
  }),
];

/** One card of each kind Amazon Connect sends, each after the customer's question, as a bot would. */
const CARDS: Record<string, () => PanelMessage[]> = {
  listpicker: () => [
    message('CUSTOMER', 'I need help', minutes(6)),
    interactive('ListPicker', {
      title: 'Which department?', subtitle: 'Tap to select option',
      elements: [{ title: 'Billing', subtitle: 'Invoices and payments' }, { title: 'Delivery', subtitle: 'Where is my parcel?' }, { title: 'Returns', subtitle: 'Send something back' }, { title: 'Help centre', type: 'hyperlink', url: 'https://example.com/help' }],
    }, minutes(5)),
  ],
  timepicker: () => [
    message('CUSTOMER', 'Can someone call me?', minutes(6)),
    interactive('TimePicker', {
      title: 'Schedule a call', subtitle: 'Times are in your time zone',
      timeslots: ['2026-11-27T09:00', '2026-11-27T11:30', '2026-11-27T15:00', '2026-11-28T10:00'].map((date) => ({ date: `${date}+00:00`, duration: 30 })),
    }, minutes(5)),
  ],
  panel: () => [
    message('CUSTOMER', 'Hi', minutes(6)),
    interactive('Panel', { title: 'How can we help?', subtitle: 'Choose one', elements: [{ title: 'Track my order' }, { title: 'Change the address' }, { title: 'Talk to an agent' }] }, minutes(5)),
  ],
  quickreply: () => [
    message('AGENT', 'Your address is updated.', minutes(6)),
    interactive('QuickReply', { title: 'Was this helpful?', elements: [{ title: 'Yes' }, { title: 'No' }, { title: 'Not sure' }] }, minutes(5)),
  ],
  carousel: () => [
    message('CUSTOMER', 'Any deals on flights?', minutes(6)),
    interactive('Carousel', {
      title: 'Popular destinations',
      elements: ['California', 'Lisbon', 'Kyoto'].map((city, index) => ({
        templateType: 'Panel', templateIdentifier: `template${index}`, version: '1.0',
        data: { content: { title: city, subtitle: 'Flights from $199', elements: [{ title: 'Book flights' }, { title: 'See hotels' }] } },
      })),
    }, minutes(5)),
  ],
  answered: () => {
    const [question, card] = CARDS.quickreply!();
    return [question!, { ...card!, answered: true }, message('CUSTOMER', 'Yes', minutes(4), { receipt: 'read' })];
  },
};

const view = (extra: Partial<PanelView> = {}): PanelView => ({
  status: 'agent', agentName: 'Maria Lopez', agentTyping: false, messages: conversation(), maxMessageLength: 1024,
  attachments: { accept: '.pdf,.png,.jpg,.jpeg,.txt', maxBytes: 20_971_520 }, text: DEFAULT_UI_TEXT, ...extra,
});
const launcher = (extra: Partial<LauncherView> = {}, text = DEFAULT_UI_TEXT) => ({ visible: true, busy: false, text, ...extra });

interface Shot {
  name: string;
  kind: 'panel' | 'launcher' | 'prechat';
  view: object;
  lang?: string;
  dir?: string;
  dark?: boolean;
  viewport?: { width: number; height: number };
  /** What to do before the picture: hover the launcher, type a long draft, ask to end. */
  before?: (page: Page) => Promise<void>;
}

const PHONE = { width: 390, height: 844 };
const PHONE_LANDSCAPE = { width: 844, height: 390 };

const SHOTS: Shot[] = [
  { name: 'launcher-idle', kind: 'launcher', view: launcher() },
  { name: 'launcher-hover', kind: 'launcher', view: launcher(), before: (page) => page.hover('[data-part] >> button') },
  { name: 'launcher-unread', kind: 'launcher', view: launcher({ label: DEFAULT_UI_TEXT.openChat, unread: 2 }) },
  {
    name: 'pre-chat-form', kind: 'prechat',
    view: { text: DEFAULT_UI_TEXT, fields: [{ name: 'displayName', label: 'Your name', required: true }, { name: 'email', label: 'Email', type: 'email' }] },
  },
  { name: 'panel-conversation', kind: 'panel', view: view() },
  { name: 'panel-bot-before-agent', kind: 'panel', view: view({ status: 'inFlow', messages: conversation().slice(0, 2) }) },
  { name: 'panel-markdown', kind: 'panel', view: view({ messages: markdownMessages() }) },
  { name: 'panel-attachments', kind: 'panel', view: view({ messages: attachmentMessages() }) },
  ...Object.entries(CARDS).map(([card, messages]) => ({ name: `panel-card-${card}`, kind: 'panel' as const, view: view({ status: 'inFlow', messages: messages() }) })),
  { name: 'panel-typing', kind: 'panel', view: view({ agentTyping: true }) },
  { name: 'panel-end-confirmation', kind: 'panel', view: view({ confirmingEnd: true }) },
  { name: 'panel-ended', kind: 'panel', view: view({ status: 'ended' }) },
  {
    name: 'panel-failed-send', kind: 'panel',
    view: view({ messages: [...conversation().slice(0, -1), message('CUSTOMER', 'Can I change the delivery address?', minutes(1), { failed: true })] }),
  },
  {
    name: 'panel-unread', kind: 'panel',
    view: (() => {
      const messages = [...conversation(), message('AGENT', 'Yes: reply with the new address and I’ll update it.', minutes(2))];
      return view({ messages, firstUnreadId: messages.at(-1)!.id });
    })(),
  },
  {
    name: 'panel-too-long', kind: 'panel', view: view(),
    before: async (page) => {
      await page.locator('[data-part]').getByRole('textbox').fill('x'.repeat(1030));
      await page.locator('[data-part]').getByRole('textbox').dispatchEvent('input');
    },
  },
  { name: 'panel-phone-portrait', kind: 'panel', view: view(), viewport: PHONE },
  { name: 'panel-phone-landscape', kind: 'panel', view: view(), viewport: PHONE_LANDSCAPE },
  { name: 'panel-dark', kind: 'panel', view: view({ agentTyping: true }), dark: true },
  { name: 'launcher-dark', kind: 'launcher', view: launcher({ label: DEFAULT_UI_TEXT.openChat, unread: 12 }), dark: true },
  {
    name: 'panel-rtl', kind: 'panel', lang: 'ar', dir: 'rtl',
    view: view({ agentName: 'مريم', messages: [message('AGENT', 'مرحبا! كيف يمكنني مساعدتك؟', minutes(3), { displayName: 'مريم' }), message('CUSTOMER', 'أين طلبي رقم 1042؟', minutes(2))] }),
  },
  { name: 'panel-spanish', kind: 'panel', lang: 'es', view: view({ text: ES_UI_TEXT, agentName: 'María López', messages: conversationEs(), agentTyping: true }) },
  { name: 'launcher-spanish', kind: 'launcher', lang: 'es', view: launcher({}, ES_UI_TEXT) },
];

/** The widget's box with `margin` of the page around it (its shadow and a little context), inside the viewport. */
async function around(page: Page, margin: number): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await page.evaluate(() => {
    const host = document.querySelector('[data-part]')!;
    const { x, y, width, height } = (host.shadowRoot!.querySelector('.panel, .launcher') ?? host).getBoundingClientRect();
    return { x, y, width, height, innerWidth, innerHeight };
  });
  const x = Math.max(0, box.x - margin);
  const y = Math.max(0, box.y - margin);
  return { x, y, width: Math.min(box.innerWidth, box.x + box.width + margin) - x, height: Math.min(box.innerHeight, box.y + box.height + margin) - y };
}

async function main(): Promise<void> {
  const files: Record<string, string> = { ...(await bundle()), '/host.js': HOST };
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/') res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    else if (files[path]) res.writeHead(200, { 'content-type': 'text/javascript' }).end(files[path]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  await mkdir(OUT, { recursive: true });
  try {
    for (const shot of SHOTS) {
      const page = await browser.newPage({ viewport: shot.viewport ?? { width: 900, height: 760 }, deviceScaleFactor: 1 });
      await page.emulateMedia({ colorScheme: shot.dark ? 'dark' : 'light', reducedMotion: 'reduce' });
      await page.goto(origin);
      await page.waitForFunction(() => 'show' in window);
      await page.evaluate((args) => (window as unknown as { show(a: unknown): void }).show(args), {
        kind: shot.kind, view: shot.view, lang: shot.lang ?? 'en', dir: shot.dir, now: NOW,
      });
      await shot.before?.(page);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const file = join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file, ...(shot.viewport ? {} : { clip: await around(page, shot.kind === 'launcher' ? 120 : 24) }) });
      console.log(`wrote docs/screenshots/${shot.name}.png`);
      await page.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
