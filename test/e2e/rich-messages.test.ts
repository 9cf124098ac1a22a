import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { startChatWithAgent } from './models/agent-chat';
import { useStack } from './support/stack';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const template = (templateType: string, content: object) => ({ templateType, version: '1.0', data: { content } });

describe('rich messages: every kind Amazon Connect sends, through the emulator to the built bundle in Chromium', () => {
  const stack = useStack();

  it('shows cards, markdown and files as they come, sends each pick as Amazon Connect expects, with no axe violation', async () => {
    const chat = await stack.openChat('/');
    await chat.waitForEvent('CHAT_VISIBLE');
    const contactId = await startChatWithAgent(chat, stack.control);
    const { control } = stack;

    await control.sendTemplate(contactId, template('ListPicker', { title: 'Which department?', elements: [{ title: 'Billing' }, { title: 'Returns' }, { title: 'Help centre', type: 'hyperlink', url: 'https://example.com/help' }] }));
    await control.sendTemplate(contactId, template('Panel', { title: 'How can we help?', elements: [{ title: 'Track my order' }] }));
    await control.sendTemplate(contactId, template('TimePicker', { title: 'Schedule a call', timeslots: [{ date: '2030-01-07T09:00+00:00', duration: 30 }, { date: '2030-01-07T15:00+00:00', duration: 30 }] }));
    await control.sendTemplate(contactId, template('Carousel', {
      title: 'Popular destinations',
      elements: ['California', 'Lisbon'].map((title, index) => ({ ...template('Panel', { title, elements: [{ title: 'Book flights' }] }), templateIdentifier: `t${index}` })),
    }));
    await control.sayMarkdown(contactId, 'Our **returns** policy: [read it](https://example.com/returns) or mail help@example.com');
    await control.sendFile(contactId, { name: 'invoice.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1.4\n').toString('base64') });
    for (const shown of ['Which department?', 'How can we help?', 'Schedule a call', 'Popular destinations', 'returns policy', 'invoice.pdf']) await chat.waitForPanelMessage(shown);

    expect(await chat.axeViolations(AXE_PATH)).toEqual([]);
    expect(await chat.panelLinks()).toEqual([
      { text: 'Help centre', href: 'https://example.com/help', target: '_blank', rel: 'noopener noreferrer' },
      { text: 'read it', href: 'https://example.com/returns', target: '_blank', rel: 'noopener noreferrer' },
      { text: 'help@example.com', href: 'mailto:help@example.com', target: '_blank', rel: 'noopener noreferrer' },
    ]);

    // What the customer picks reaches Amazon Connect as text/plain, as a Lex bot expects its utterance. Once the
    // customer has answered, the cards before stay shown but cannot be used: each pick is from a fresh card.
    const said = async (text: string) => (await control.waitForItem(contactId, (item) => item.ParticipantRole === 'CUSTOMER' && item.Content === text)).ContentType;
    await chat.nextSlide('Popular destinations');
    await chat.pick('Book flights');
    expect(await said(JSON.stringify({ templateIdentifier: 't1', listTitle: 'Lisbon', selectionText: 'Book flights' }))).toBe('text/plain');
    await control.sendTemplate(contactId, template('TimePicker', { title: 'Another time?', timeslots: [{ date: '2030-01-08T11:30+00:00', duration: 30 }] }));
    await chat.waitForPanelMessage('Another time?');
    await chat.pickTimeSlot(/11:30/);
    expect(await said('2030-01-08T11:30+00:00')).toBe('text/plain');
    await control.sendTemplate(contactId, template('ListPicker', { title: 'Anything else?', elements: [{ title: 'Invoices' }, { title: 'No, thanks' }] }));
    await chat.waitForPanelMessage('Anything else?');
    await chat.pick('Invoices');
    expect(await said('Invoices')).toBe('text/plain');
  });
});
