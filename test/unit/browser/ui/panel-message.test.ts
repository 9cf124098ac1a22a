import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';
import { toPanelMessage, type PanelMessageOptions } from '../../../../src/browser/ui/panel-message';

const E = 'application/vnd.amazonaws.connect.event.';
const INTERACTIVE = 'application/vnd.amazonaws.connect.message.interactive';
const options: PanelMessageOptions = { customerParticipantId: 'me', queueMarker: '[queued]', text: DEFAULT_UI_TEXT };

function item(fields: Partial<TranscriptItem>): TranscriptItem {
  return { Id: 'i1', AbsoluteTime: '2026-11-25T10:00:00.000Z', Type: 'MESSAGE', ContentType: 'text/plain', Content: 'Hello', ParticipantRole: 'AGENT', ParticipantId: 'agent-1', DisplayName: 'Ana', ...fields };
}
const flow = (fields: Partial<TranscriptItem>) => item({ ParticipantRole: 'SYSTEM', DisplayName: 'SYSTEM_MESSAGE', ParticipantId: 'system', ...fields });

describe('toPanelMessage', () => {
  it('maps text/plain to a text message from its sender', () => {
    expect(toPanelMessage(item({}), options)).toEqual({
      id: 'i1', role: 'AGENT', displayName: 'Ana', text: 'Hello', content: { kind: 'text', text: 'Hello' }, at: Date.parse('2026-11-25T10:00:00.000Z'),
    });
  });

  it('maps text/markdown to a markdown message whose text is its words without the markup, links with their address', () => {
    const Content = '**Hi** there, see [our help](https://help.example/) or https://x.example/\n- one\n- two\n\n1. first';
    const message = toPanelMessage(item({ ContentType: 'text/markdown', Content }), options);
    expect(message).toMatchObject({
      text: 'Hi there, see our help (https://help.example/) or https://x.example/\n• one\n• two\n1. first',
      content: { kind: 'markdown', text: Content },
    });
  });

  it('shows the customer\'s own items as theirs whatever role they claim', () => {
    expect(toPanelMessage(item({ ParticipantId: 'me', ParticipantRole: 'AGENT' }), options)?.role).toBe('CUSTOMER');
  });

  it('names the flow\'s and the bot\'s messages after the bot (the instance\'s botName, else "Assistant"), apart from agents', () => {
    expect(toPanelMessage(flow({ Content: ' Welcome! ' }), options)).toMatchObject({ role: 'BOT', displayName: 'Assistant', text: 'Welcome!' });
    expect(toPanelMessage(flow({ DisplayName: 'BOT', Content: 'Hi' }), { ...options, botName: 'Shopbot' })).toMatchObject({ role: 'BOT', displayName: 'Shopbot' });
    expect(toPanelMessage(item({ ParticipantRole: 'CUSTOM_BOT', DisplayName: 'Helper' }), options)).toMatchObject({ role: 'BOT', displayName: 'Helper' });
  });

  it('keeps joined and left as system lines, with the name isolated from our words', () => {
    const joined = toPanelMessage(item({ Type: 'EVENT', ContentType: `${E}participant.joined`, Content: undefined, DisplayName: '\u202Eevil' }), options);
    expect(joined).toMatchObject({ role: 'SYSTEM', displayName: '', text: '\u2068\u202Eevil\u2069 joined the chat' });
    const left = toPanelMessage(item({ Type: 'EVENT', ContentType: `${E}participant.left`, Content: undefined, DisplayName: '' }), options);
    expect(left?.text).toBe('\u2068An agent\u2069 left the chat');
  });

  it('tells the customer in words that they went idle and that the chat was ended for inactivity; not an agent\'s timers, nor "returned"', () => {
    const customer = (contentType: string, role: TranscriptItem['ParticipantRole'] = 'CUSTOMER') =>
      toPanelMessage(item({ Type: 'EVENT', ContentType: `${E}${contentType}`, Content: undefined, ParticipantRole: role, ParticipantId: 'me', DisplayName: 'Zoe' }), options);
    expect(customer('participant.idle')).toMatchObject({ role: 'SYSTEM', text: 'Are you still there? The chat will end soon if there is no reply.' });
    expect(customer('participant.autodisconnection')).toMatchObject({ role: 'SYSTEM', text: 'The chat was ended because there was no activity.' });
    expect(customer('participant.returned')).toBeUndefined();
    expect(customer('participant.idle', 'AGENT')).toBeUndefined();
    expect(customer('participant.autodisconnection', 'AGENT')).toBeUndefined();
  });

  it('never shows the queue marker; what the flow said with it is the bot\'s', () => {
    expect(toPanelMessage(flow({ Content: '[queued]' }), options)).toBeUndefined();
    expect(toPanelMessage(flow({ Content: 'You are next. [queued]' }), options)).toMatchObject({ role: 'BOT', text: 'You are next.' });
  });

  it('shows the customer\'s Carousel pick in words, not as the JSON sent', () => {
    const Content = JSON.stringify({ templateIdentifier: 't0', listTitle: 'California', selectionText: 'Book flights' });
    expect(toPanelMessage(item({ ParticipantId: 'me', ParticipantRole: 'CUSTOMER', Content }), options)).toMatchObject({
      role: 'CUSTOMER', text: 'California – Book flights', content: { kind: 'text', text: 'California – Book flights' },
    });
    expect(toPanelMessage(item({ ParticipantId: 'me', ParticipantRole: 'CUSTOMER', Content: '{"templateIdentifier": broken' }), options)?.text).toBe('{"templateIdentifier": broken');
  });

  it('cuts text and markdown to Amazon Connect\'s 1,024 characters and says so', () => {
    const huge = 'x'.repeat(1024 * 1024);
    for (const ContentType of ['text/plain', 'text/markdown']) {
      const message = toPanelMessage(item({ ContentType, Content: huge }), options)!;
      expect(message.text).toHaveLength(1024);
      expect(message.truncated).toBe(true);
    }
    expect(toPanelMessage(item({ Content: 'x'.repeat(1024) }), options)!.truncated).toBeUndefined();
  });

  it('maps an interactive message to its checked template, its title as the plain text', () => {
    const Content = JSON.stringify({ templateType: 'QuickReply', version: '1.0', data: { content: { title: 'How was it?', elements: [{ title: 'Good' }, { title: 'Bad' }] } } });
    expect(toPanelMessage(flow({ ContentType: INTERACTIVE, DisplayName: 'BOT', Content }), options)).toMatchObject({
      role: 'BOT', displayName: 'Assistant', text: 'How was it?',
      content: { kind: 'interactive', template: { templateType: 'QuickReply', data: { content: { title: 'How was it?', elements: [{ title: 'Good' }, { title: 'Bad' }] } } } },
    });
  });

  it('says an unreadable interactive message cannot be shown rather than showing nothing', () => {
    expect(toPanelMessage(flow({ ContentType: INTERACTIVE, Content: '{"templateType":' }), options)).toMatchObject({
      role: 'BOT', text: DEFAULT_UI_TEXT.contentUnreadable, content: { kind: 'text', text: DEFAULT_UI_TEXT.contentUnreadable },
    });
    expect(toPanelMessage(flow({ ContentType: INTERACTIVE, Content: '{"templateType":"ViewResource","version":"1.0","data":{"content":{"viewToken":"t"}}}' }), options)).toMatchObject({
      text: DEFAULT_UI_TEXT.contentUnreadable, content: { kind: 'interactive' },
    });
    expect(toPanelMessage(flow({ ContentType: INTERACTIVE, Content: `{"templateType":"Panel","x":"${'a'.repeat(30_000)}"}` }), options)).toMatchObject({
      text: DEFAULT_UI_TEXT.contentUnreadable, truncated: true,
    });
  });

  it('maps an ATTACHMENT item (no content type) to a file from its first attachment, named by the file', () => {
    const attachment = item({
      Type: 'ATTACHMENT', ContentType: undefined, Content: undefined,
      Attachments: [{ AttachmentId: 'a1', AttachmentName: 'shot.png', ContentType: 'image/png', Status: 'APPROVED' }],
    });
    expect(toPanelMessage(attachment, options)).toMatchObject({
      role: 'AGENT', text: 'shot.png', content: { kind: 'attachment', attachment: { id: 'a1', name: 'shot.png', contentType: 'image/png', status: 'APPROVED' } },
    });
    const unscanned = { ...attachment, Attachments: [{ AttachmentId: 'a2', AttachmentName: 'x.pdf', Status: 'WHATEVER' }] };
    expect(toPanelMessage(unscanned, options)?.content).toEqual({ kind: 'attachment', attachment: { id: 'a2', name: 'x.pdf', contentType: '', status: 'IN_PROGRESS' } });
  });

  it('hides events, empty messages and items it does not know', () => {
    for (const hidden of [
      item({ Type: 'EVENT', ContentType: `${E}typing`, Content: undefined }),
      item({ Type: 'EVENT', ContentType: `${E}chat.ended`, Content: undefined }),
      item({ ContentType: 'application/json', Content: '{}' }),
      flow({ Content: '   ' }),
      item({ Type: 'ATTACHMENT', ContentType: undefined, Attachments: [] }),
    ]) {
      expect(toPanelMessage(hidden, options)).toBeUndefined();
    }
  });
});
