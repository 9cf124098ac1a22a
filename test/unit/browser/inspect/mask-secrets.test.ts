import { describe, expect, it } from 'vitest';
import { MASKED, maskSecrets } from '../../../../src/browser/inspect/mask-secrets';

describe('maskSecrets', () => {
  it('masks participant and connection tokens at any depth, keeping everything else', () => {
    const context = {
      instanceName: 'help_faq_bot',
      contact: { contactId: 'c-1', participantToken: 'pt-secret', participantEndpoint: 'https://example' },
      saved: [{ connectionToken: 'ct-secret', password: 'pw', clientSecret: 's', Authorization: 'Bearer x' }],
    };
    expect(maskSecrets(context)).toEqual({
      instanceName: 'help_faq_bot',
      contact: { contactId: 'c-1', participantToken: MASKED, participantEndpoint: 'https://example' },
      saved: [{ connectionToken: MASKED, password: MASKED, clientSecret: MASKED, Authorization: MASKED }],
    });
  });

  it('never mutates its input and leaves empty secrets as they are', () => {
    const input = Object.freeze({ participantToken: 'pt', nested: Object.freeze({ token: null, other: '' }), list: Object.freeze([1, 'two']) });
    const output = maskSecrets(input);
    expect(input.participantToken).toBe('pt');
    expect(output).toEqual({ participantToken: MASKED, nested: { token: null, other: '' }, list: [1, 'two'] });
    expect(maskSecrets({ participantToken: '' })).toEqual({ participantToken: '' });
  });

  it('passes primitives through and cuts cycles instead of recursing forever', () => {
    expect(maskSecrets('text')).toBe('text');
    expect(maskSecrets(42)).toBe(42);
    expect(maskSecrets(null)).toBe(null);
    const loop: Record<string, unknown> = { name: 'loop' };
    loop.self = loop;
    expect(maskSecrets(loop)).toEqual({ name: 'loop', self: '[Circular]' });
  });

  it('keeps a shared (non-circular) object in both places', () => {
    const shared = { participantToken: 'x' };
    expect(maskSecrets({ a: shared, b: shared })).toEqual({ a: { participantToken: MASKED }, b: { participantToken: MASKED } });
  });
});
