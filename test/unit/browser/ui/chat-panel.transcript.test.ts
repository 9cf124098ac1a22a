import { describe, expect, it } from 'vitest';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';
import type { PanelMessage } from '../../../../src/browser/ui/chat-panel.types';
import { transcriptFileName, transcriptText } from '../../../../src/browser/ui/chat-panel.transcript';
import { initials } from '../../../../src/browser/ui/chat-panel.icons';

const at = new Date(2026, 10, 26, 9, 5).getTime();
const message = (role: PanelMessage['role'], displayName: string, text: string, extra: Partial<PanelMessage> = {}): PanelMessage => ({
  id: text, role, displayName, text, content: { kind: 'text', text }, at, ...extra,
});

describe('transcriptText', () => {
  it('writes each sent message with its time and sender, system lines without a name, and "You" for a nameless customer', () => {
    const text = transcriptText([
      message('BOT', 'Assistant', 'Hello'),
      message('CUSTOMER', '', 'Hi'),
      message('SYSTEM', '', 'Alex joined the chat'),
      message('CUSTOMER', 'Sam', 'never sent', { failed: true }),
      message('CUSTOMER', 'Sam', 'still going', { pending: true }),
      message('AGENT', 'Alex', 'line one\nline two'),
    ], DEFAULT_UI_TEXT, 'en-GB');
    expect(text).toBe(
      'Chat with us\n\n[26 Nov 2026, 09:05] Assistant: Hello\n[26 Nov 2026, 09:05] You: Hi\n[26 Nov 2026, 09:05] Alex joined the chat\n[26 Nov 2026, 09:05] Alex: line one\nline two\n',
    );
  });

  it('names the file after the first day of the conversation', () => {
    expect(transcriptFileName([message('AGENT', 'Alex', 'x')], 0)).toBe('chat-2026-11-26.txt');
    expect(transcriptFileName([], new Date(2027, 0, 2).getTime())).toBe('chat-2027-01-02.txt');
  });
});

describe('initials', () => {
  it('takes the first letters of the first and last words, whole code points, no bidi controls', () => {
    expect(initials('Maria Lopez')).toBe('ML');
    expect(initials('alex')).toBe('A');
    expect(initials('Ana María de la Cruz')).toBe('AC');
    expect(initials('\u202Eevil name')).toBe('EN');
    expect(initials('𝒜nne Smith')).toBe('𝒜S');
    expect(initials('   ')).toBe('');
  });
});
