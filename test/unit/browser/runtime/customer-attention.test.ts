import { describe, expect, it, vi } from 'vitest';
import { createCustomerAttention } from '../../../../src/browser/runtime/customer-attention';
import { createUnreadSignals } from '../../../../src/browser/runtime/unread-signals';
import type { TranscriptItem } from '../../../../src/browser/connect/transcript-item';
import type { PanelMessage } from '../../../../src/browser/ui/chat-panel.types';

function setup() {
  const listeners: Array<() => void> = [];
  const doc = {
    title: 'Shop',
    visibilityState: 'visible' as DocumentVisibilityState,
    addEventListener: (_: string, listener: () => void) => listeners.push(listener),
    removeEventListener: vi.fn(),
  };
  const win = { document: doc } as unknown as Window;
  const counts: number[] = [];
  const receipts: string[] = [];
  const unread = createUnreadSignals({ window: win, titlePrefix: false, sound: false, onChange: (count) => counts.push(count), report: vi.fn() });
  const attention = createCustomerAttention({
    window: win,
    customerParticipantId: 'me',
    unread,
    sendReceipt: (id, kind) => receipts.push(`${kind}:${id}`),
    onChange: () => {},
  });
  const setVisibility = (state: DocumentVisibilityState) => {
    doc.visibilityState = state;
    for (const listener of listeners) listener();
  };
  return { attention, unread, counts, receipts, setVisibility };
}

const agentItem = (id: string): TranscriptItem => ({ Id: id, AbsoluteTime: '2026-11-25T10:00:00Z', Type: 'MESSAGE', ContentType: 'text/plain', ParticipantRole: 'AGENT', ParticipantId: 'agent' });
const botItem = (id: string): TranscriptItem => ({ ...agentItem(id), ParticipantRole: 'SYSTEM', ParticipantId: 'flow' });
const shown = (id: string, role: PanelMessage['role']): PanelMessage => ({ id, role, displayName: '', text: 'x', content: { kind: 'text', text: 'x' }, at: 0 });

describe('customer attention', () => {
  it('receipts an agent message as delivered and read while the panel is seen; nothing for bot messages', () => {
    const { attention, receipts, counts } = setup();
    attention.panelShown(true);
    attention.arrived(agentItem('a1'), shown('a1', 'AGENT'), true);
    attention.arrived(botItem('b1'), shown('b1', 'BOT'), true);
    expect(receipts).toEqual(['delivered:a1', 'read:a1']);
    expect(counts).toEqual([]);
  });

  it('counts agent and bot messages while minimised, reads them only when reopened, and resets the count', () => {
    const { attention, unread, receipts, counts } = setup();
    attention.panelShown(true);
    attention.panelShown(false);
    attention.arrived(agentItem('a1'), shown('a1', 'AGENT'), true);
    attention.arrived(botItem('b1'), shown('b1', 'BOT'), true);
    expect(receipts).toEqual(['delivered:a1']);
    expect(counts).toEqual([1, 2]);
    expect(unread.firstUnreadId).toBe('a1');
    attention.panelShown(true);
    expect(receipts).toEqual(['delivered:a1', 'read:a1']);
    expect(counts).toEqual([1, 2, 0]);
  });

  it('counts while the tab is hidden even with the panel open, and reads on return', () => {
    const { attention, receipts, counts, setVisibility } = setup();
    attention.panelShown(true);
    setVisibility('hidden');
    attention.arrived(agentItem('a1'), shown('a1', 'AGENT'), true);
    expect(counts).toEqual([1]);
    expect(receipts).toEqual(['delivered:a1']);
    setVisibility('visible');
    expect(receipts).toEqual(['delivered:a1', 'read:a1']);
    expect(counts).toEqual([1, 0]);
  });

  it('neither counts nor receipts history read after a reload', () => {
    const { attention, receipts, counts } = setup();
    attention.panelShown(false);
    attention.arrived(agentItem('old'), shown('old', 'AGENT'), false);
    expect(receipts).toEqual([]);
    expect(counts).toEqual([]);
  });
});
