import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../../../fixtures/memory-storage';
import type { SavedContact } from '../../../../machines/chat.types';
import { createContactStorage, openContactStorage, SAVED_CONTACT_MAX_AGE_MS } from '../../../../src/browser/runtime/contact-storage';


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

  it('counts a contact\'s lifetime from its first save, however often it is saved again', () => {
    const storage = memoryStorage();
    let now = 0;
    const store = createContactStorage(storage, 'x', () => now);
    store.save(saved);
    now = SAVED_CONTACT_MAX_AGE_MS - 1;
    store.save({ ...saved, phase: 'agent', agentName: 'Ana' });
    expect(store.load()).toEqual({ ...saved, phase: 'agent', agentName: 'Ana' });
    now = SAVED_CONTACT_MAX_AGE_MS + 1;
    expect(store.load()).toBeUndefined();
    expect(storage.map.size).toBe(0);
  });

  it('starts the lifetime afresh for another contact', () => {
    const storage = memoryStorage();
    let now = 0;
    const store = createContactStorage(storage, 'x', () => now);
    store.save(saved);
    now = SAVED_CONTACT_MAX_AGE_MS;
    const next: SavedContact = { ...saved, contact: { ...saved.contact, contactId: 'd' } };
    store.save(next);
    now = SAVED_CONTACT_MAX_AGE_MS * 2 - 1;
    expect(store.load()).toEqual(next);
  });

  it('forgets an ended contact only while it is still the one saved', () => {
    const storage = memoryStorage();
    const store = createContactStorage(storage, 'x', () => 0);
    const next: SavedContact = { ...saved, contact: { ...saved.contact, contactId: 'd' } };
    store.save(next); // another tab already saved the next chat
    store.clear('c');
    expect(store.load()).toEqual(next);
    store.clear('d');
    expect(store.load()).toBeUndefined();
  });

  it('keeps a "browser" or "identity" contact in localStorage and a "tab" one (the default) in sessionStorage', () => {
    const local = memoryStorage();
    const session = memoryStorage();
    const win = { localStorage: local, sessionStorage: session } as unknown as Window;
    openContactStorage(win, { name: 'x', persistence: 'browser' }, () => 0).save(saved);
    openContactStorage(win, { name: 'w', persistence: 'identity' }, () => 0).save(saved);
    expect([...local.map.keys()]).toEqual(['connect-webchat:x:contact', 'connect-webchat:w:contact']);
    expect(session.map.size).toBe(0);
    openContactStorage(win, { name: 'y' }, () => 0).save(saved);
    openContactStorage(win, { name: 'z', persistence: 'tab' }, () => 0).save(saved);
    expect([...session.map.keys()]).toEqual(['connect-webchat:y:contact', 'connect-webchat:z:contact']);
  });
});
