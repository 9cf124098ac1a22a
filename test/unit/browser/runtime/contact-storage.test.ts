import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../fixtures/memory-storage';
import type { SavedContact } from '../../../../machines/chat.types';
import { createContactStorage, SAVED_CONTACT_MAX_AGE_MS } from '../../../../src/browser/runtime/contact-storage';


const saved: SavedContact = {
  contact: { contactId: 'c', participantId: 'p', participantToken: 't', participantEndpoint: 'http://127.0.0.1:1', region: 'ap-southeast-2' },
  phase: 'queued',
  agentName: null,
};

describe('contact storage', () => {
  it('gives back what the previous page saved', () => {
    const storage = memoryStorage();
    let now = 1000;
    createContactStorage(storage, 'x', () => now).save(saved);
    now += 5000;
    expect(createContactStorage(storage, 'x', () => now).load()).toEqual(saved);
  });

  it('discards a tampered, corrupted or expired record and starts clean', () => {
    const storage = memoryStorage();
    const store = createContactStorage(storage, 'x', () => 1000);
    for (const raw of ['{broken', JSON.stringify({ ...saved, savedAt: 1000, phase: 'hacked' }), JSON.stringify({ ...saved, savedAt: 1000, contact: { ...saved.contact, participantEndpoint: 'javascript:alert(1)' } })]) {
      storage.setItem('connect-webchat:x:contact', raw);
      expect(store.load()).toBeUndefined();
      expect(storage.map.size).toBe(0);
    }
    createContactStorage(storage, 'x', () => 0).save(saved);
    expect(createContactStorage(storage, 'x', () => SAVED_CONTACT_MAX_AGE_MS + 1).load()).toBeUndefined();
  });

  it('keeps working when storage throws', () => {
    const throwing = { getItem: () => { throw new Error('blocked'); }, setItem: () => { throw new Error('blocked'); }, removeItem: () => { throw new Error('blocked'); } } as unknown as Storage;
    const store = createContactStorage(throwing, 'x', () => 0);
    expect(() => store.save(saved)).not.toThrow();
    expect(store.load()).toBeUndefined();
  });
});
