import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { TranscriptItem } from '../../src/browser/connect/transcript-item';
import { launchChromium } from './support/browser';
import { bundleInMemory } from '../../src/build/in-memory-bundle';
import { ContentPage } from './models/content-page';

const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Message content test page</title><link rel="stylesheet" href="/page.css">
<script type="module" src="/host.js"></script></head>
<body><main><h1>Example shop</h1></main><div id="chat"></div></body>
</html>`;

const HOST = `import { mountChatPanel, toPanelMessage, DEFAULT_UI_TEXT } from '/content.js';
const params = new URLSearchParams(location.search);
const host = document.getElementById('chat');
if (params.get('dir')) host.dir = params.get('dir');
if (params.get('theme') === 'dark') host.style.cssText = '--cw-bg: #1b1b1f; --cw-text: #e6e6ea;';
const root = host.attachShadow({ mode: 'open' });
window.calls = [];
window.toPanelMessage = toPanelMessage;
window.DEFAULT_UI_TEXT = DEFAULT_UI_TEXT;
const record = (name) => (...args) => { window.calls.push([name, ...args]); };
window.panel = mountChatPanel(root, {
  send: record('send'), end: record('end'), minimise: record('minimise'), startNew: record('startNew'), retry: record('retry'),
  typing: record('typing'), confirmEnd: record('confirmEnd'), keepChatting: record('keepChatting'), resend: record('resend'),
  attach: record('attach'), pick: record('pick'), openAttachment: (file) => window.calls.push(['openAttachment', file.id]),
});`;

let browser: Browser;
let server: Server;
let origin: string;

beforeAll(async () => {
  const bundle = (await bundleInMemory({ content: 'test/e2e/support/content-host-entry.ts' }))['/content.js']!;
  const files: Record<string, [string, string]> = {
    '/': ['text/html; charset=utf-8', PAGE],
    '/content.js': ['text/javascript', bundle],
    '/host.js': ['text/javascript', HOST],
    '/page.css': ['text/css', '#chat { inline-size: 360px; margin: 16px; } body { background: #fff; }'],
  };
  server = createServer((req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (file) res.writeHead(200, { 'content-type': file[0] }).end(file[1]);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

const opened: ContentPage[] = [];
async function openPage(query = ''): Promise<ContentPage> {
  const page = await ContentPage.open(browser, `${origin}/${query}`);
  opened.push(page);
  return page;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((page) => page.panel.close()));
});

let counter = 0;
function item(fields: Partial<TranscriptItem>): TranscriptItem {
  counter++;
  return {
    Id: `item-${counter}`, AbsoluteTime: new Date(Date.UTC(2026, 10, 25, 10, 0, counter)).toISOString(), Type: 'MESSAGE', ContentType: 'text/plain',
    ParticipantRole: 'AGENT', ParticipantId: 'agent-1', DisplayName: 'Alex', ...fields,
  };
}
const bot = (templateType: string, content: object, extra: Partial<TranscriptItem> = {}) =>
  item({ ParticipantRole: 'SYSTEM', DisplayName: 'BOT', ContentType: INTERACTIVE, Content: JSON.stringify({ templateType, version: '1.0', data: { content } }), ...extra });

const listPicker = () => bot('ListPicker', {
  title: 'Which department?', subtitle: 'Tap to select option', imageType: 'URL', imageData: 'https://cdn.invalid/company.jpg', imageDescription: 'Company logo',
  elements: [{ title: 'Billing', subtitle: 'Invoices' }, { title: 'Returns' }, { title: 'Help centre', type: 'hyperlink', url: 'https://help.example/' }],
});
const panelCard = () => bot('Panel', { title: 'How can we help?', elements: [{ title: 'Track my order' }, { title: 'Talk to an agent' }] });
const quickReply = () => bot('QuickReply', { title: 'How was your experience?', elements: [{ title: 'Good' }, { title: 'Bad' }] });
const timePicker = () => bot('TimePicker', { title: 'Schedule appointment', timeslots: [
  { date: '2026-12-01T10:00+00:00', duration: 60 }, { date: '2026-12-01T14:00+00:00', duration: 30 }, { date: '2026-12-02T09:00+00:00', duration: 60 },
] });
const carousel = () => bot('Carousel', { title: 'Popular destinations', elements: [
  { templateType: 'Panel', templateIdentifier: 'template0', version: '1.0', data: { content: { title: 'California', elements: [{ title: 'Book flights' }] } } },
  { templateType: 'ListPicker', templateIdentifier: 'template1', version: '1.0', data: { content: { title: 'Oregon', elements: [{ title: 'Book hotels' }] } } },
] });
const markdown = () => item({
  ContentType: 'text/markdown',
  Content: '**Bold** and *italic*\nand `code`\n- one\n- two\n\n1. first\n2. second\n\n```\n<b>raw</b>\n```\n[Help](https://help.example/a) [bad](javascript:alert(1)) [data](data:text/html,x) [rel](/relative) mail help@example.com <img src=x onerror=alert(1)>',
});
const file = (attachment: Record<string, string>) =>
  item({ Type: 'ATTACHMENT', ContentType: undefined, Attachments: [{ AttachmentId: `file-${counter}`, AttachmentName: 'report.pdf', ContentType: 'application/pdf', Status: 'APPROVED', ...attachment }] });

describe('text and markdown', () => {
  it('draws markdown as elements, and links only http(s) and mailto targets, in a new tab without an opener', async () => {
    const page = await openPage();
    await page.showItems([markdown(), item({ Content: 'Plain https://shop.example/orders?id=1, thanks. javascript:alert(1)' })]);
    const [md, plain] = await page.bubbles();
    expect(md!.tags).toEqual(expect.arrayContaining(['strong', 'em', 'code', 'ul', 'ol', 'li', 'pre', 'a', 'br']));
    expect(md!.tags).not.toContain('img');
    expect(md!.text).toContain('<b>raw</b>');
    expect(md!.text).toContain('[bad](javascript:alert(1))');
    expect(plain!.tags).toEqual(['span', 'a']);
    const links = await page.links();
    expect(links.map((l) => [l.text, l.href])).toEqual([
      ['Help', 'https://help.example/a'],
      ['help@example.com', 'mailto:help@example.com'],
      ['https://shop.example/orders?id=1', 'https://shop.example/orders?id=1'],
    ]);
    for (const link of links) expect([link.target, link.rel]).toEqual(['_blank', 'noopener noreferrer']);
    await page.panel.settle(100);
    expect(page.panel.dialogs).toEqual([]);
  });

  it('keeps the page responsive with a 1 MB item and a 12,000-character unbroken word, cut to 1,024 and said so', async () => {
    const page = await openPage();
    const messages = await page.showItems([
      item({ Content: 'a'.repeat(1024 * 1024) }),
      item({ ContentType: 'text/markdown', Content: `${'**'.repeat(6_000)}${'x'.repeat(12_000)}` }),
      bot('ListPicker', { title: 'y'.repeat(12_000), elements: [{ title: 'z'.repeat(12_000) }] }),
    ]);
    expect(messages.map((m) => m.truncated)).toEqual([true, true, true]);
    expect(await page.overflowsSideways()).toBe(false);
    // The tab still answers input: the customer can write and send.
    await page.panel.type('still here');
    await page.panel.pressEnter();
    expect((await page.panel.calls()).filter(([name]) => name === 'send')).toEqual([['send', 'still here']]);
    expect((await page.rowTexts())[0]).toContain('Message shortened');
  });
});

describe('interactive messages', () => {
  it('operates a ListPicker by keyboard: its title, picture and options, the option title sent back, the hyperlink a link', async () => {
    const page = await openPage();
    const [message] = await page.showItems([listPicker()]);
    expect(message!).toMatchObject({ role: 'BOT', displayName: 'Assistant', text: 'Which department?' });
    expect(await page.control('group', 'Which department?')).toEqual({ visible: true, enabled: true });
    expect(await page.images()).toEqual([{ src: 'https://cdn.invalid/company.jpg', alt: 'Company logo' }]);
    expect((await page.links()).map((l) => [l.text, l.href, l.target])).toEqual([['Help centre', 'https://help.example/', '_blank']]);
    await page.pressOn('button', 'Billing Invoices');
    expect(await page.picks()).toEqual([[message!.id, 'Billing']]);
  });

  it('operates a Panel with Enter and a QuickReply with Space', async () => {
    const page = await openPage();
    const [panel, quick] = await page.showItems([panelCard(), quickReply()]);
    await page.pressOn('button', 'Talk to an agent');
    await page.pressOn('button', 'Good', ' ');
    expect(await page.picks()).toEqual([[panel!.id, 'Talk to an agent'], [quick!.id, 'Good']]);
  });

  it('operates a TimePicker by keyboard: slots grouped by day, arrow keys between them, Confirm sends the slot\'s date', async () => {
    const page = await openPage();
    const [message] = await page.showItems([timePicker()]);
    expect(await page.dayGroups()).toHaveLength(2);
    // Nothing chosen yet: Confirm sends nothing.
    await page.pressOn('button', 'Confirm');
    expect(await page.picks()).toEqual([]);
    const first = new Date('2026-12-01T10:00+00:00').toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
    await page.pressOn('radio', `${first} (60 min)`, ' ');
    await page.press('ArrowDown');
    await page.press('Tab');
    expect(await page.focusedName()).toBe('Confirm');
    await page.press('Enter');
    expect(await page.picks()).toEqual([[message!.id, '2026-12-01T14:00+00:00']]);
  });

  it('operates a Carousel by keyboard: a labelled region, Next shows the next card, its option sends the JSON Amazon Connect expects', async () => {
    const page = await openPage();
    const [message] = await page.showItems([carousel()]);
    expect(await page.control('region', 'Popular destinations')).toEqual({ visible: true, enabled: true });
    expect(await page.control('button', 'Book hotels')).toBeUndefined();
    await page.pressOn('button', 'Next');
    expect(await page.control('button', 'Book flights')).toBeUndefined();
    await page.pressOn('button', 'Book hotels');
    await page.pressOn('button', 'Previous');
    await page.pressOn('button', 'Book flights', ' ');
    expect((await page.picks()).map(([id, reply]) => [id, JSON.parse(reply as string)])).toEqual([
      [message!.id, { templateIdentifier: 'template1', listTitle: 'Oregon', selectionText: 'Book hotels' }],
      [message!.id, { templateIdentifier: 'template0', listTitle: 'California', selectionText: 'Book flights' }],
    ]);
  });

  it('shows an answered card disabled, and an unknown or broken template as words rather than nothing', async () => {
    const page = await openPage();
    const answered = quickReply();
    await page.showItems([answered, bot('ViewResource', { title: 'Your step-by-step guide', viewToken: 'x' }), item({ ParticipantRole: 'SYSTEM', ContentType: INTERACTIVE, Content: '{"templateType":' })], {}, [answered.Id]);
    expect(await page.control('button', 'Good')).toEqual({ visible: true, enabled: false });
    const texts = (await page.bubbles()).map((b) => b.text);
    expect(texts[1]).toContain('Your step-by-step guide');
    expect(texts[2]).toBe('This message cannot be shown here.');
  });
});

describe('attachments', () => {
  /** The open button's name: our sentence, with the file's name isolated in it. */
  const open = (name: string) => `Open \u2068${name}\u2069`;
  const PIXEL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

  it('shows a file card that opens by keyboard, an image thumbnail named by the file, a rejected file that cannot open, and upload progress', async () => {
    const page = await openPage();
    const approved = file({});
    const image = file({ AttachmentName: 'shot.png', ContentType: 'image/png' });
    const rejected = file({ AttachmentName: 'virus.exe.pdf', Status: 'REJECTED' });
    const messages = await page.showItems([approved, image, rejected]);
    // What the runtime learns later (size, thumbnail, progress) arrives on the message.
    await page.panel.update(
      { status: 'agent', agentName: 'Alex', agentTyping: false, maxMessageLength: 1024, text: (await page.panel.page.evaluate(() => window.DEFAULT_UI_TEXT)),
        messages: messages.map((m, i) => {
          if (m.content.kind !== 'attachment') return m;
          const extra = i === 0 ? { size: 1_500_000 } : i === 1 ? { thumbnailUrl: PIXEL } : {};
          return { ...m, content: { ...m.content, attachment: { ...m.content.attachment, ...extra } } };
        }).concat([{ id: 'up', role: 'CUSTOMER', displayName: 'Sam', text: 'cv.pdf', at: 2e12, pending: true,
          content: { kind: 'attachment', attachment: { id: '', name: 'cv.pdf', contentType: 'application/pdf', status: 'IN_PROGRESS', progress: 0.5 } } }]) },
    );
    const bubbles = (await page.bubbles()).map((b) => b.text);
    expect(bubbles[0]).toMatch(/report\.pdf.*PDF · 1\.5 MB/);
    expect(await page.images()).toEqual([{ src: PIXEL, alt: 'shot.png' }]);
    expect(bubbles[2]).toContain('Blocked by a security check');
    expect(await page.control('button', open('virus.exe.pdf'))).toBeUndefined();
    expect(await page.control('button', open('cv.pdf'))).toBeUndefined();
    expect(await page.progressValues()).toEqual([0.5]);
    await page.pressOn('button', open('report.pdf'));
    await page.pressOn('button', open('shot.png'), ' ');
    expect(await page.opened()).toEqual([approved.Attachments![0]!.AttachmentId, image.Attachments![0]!.AttachmentId]);
  });
});

describe('accessibility', () => {
  const everything = () => [markdown(), listPicker(), panelCard(), quickReply(), timePicker(), carousel(), file({}), file({ Status: 'REJECTED', AttachmentName: 'x.pdf' }),
    item({ Type: 'EVENT', ContentType: 'application/vnd.amazonaws.connect.event.participant.joined', DisplayName: 'Alex' })];

  it.each(['', '?dir=rtl', '?theme=dark'])('has no axe violations with every kind of content (%s)', async (query) => {
    const page = await openPage(query);
    await page.showItems(everything());
    expect(await page.panel.axeViolations()).toEqual([]);
  });
});
