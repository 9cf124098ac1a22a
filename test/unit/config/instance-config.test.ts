import { describe, expect, it } from 'vitest';
import { parsePublicConfig } from '../../../src/config/instance-config';
import { InvalidConfigError } from '../../../src/config/invalid-config-error';
import { DEFAULT_UI_TEXT } from '../../../src/config/ui-text';

const valid = { name: 'help_faq_bot', region: 'ap-southeast-2' };

function problemsOf(value: unknown, name?: string): readonly string[] {
  try {
    parsePublicConfig(value, name);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidConfigError);
    return (error as InvalidConfigError).problems;
  }
}

describe('instance config', () => {
  it('fills defaults for text and the queue marker', () => {
    const config = parsePublicConfig({ ...valid, text: { startChat: 'Chat now' } }, 'help_faq_bot');
    expect(config.queueMarker).toBe('[queued]');
    expect(config.text).toEqual({ ...DEFAULT_UI_TEXT, startChat: 'Chat now' });
  });

  it('names each bad field, and the first one as the error code', () => {
    try {
      parsePublicConfig({ name: 'help faq!', region: 42, colour: 'red' });
      expect.unreachable();
    } catch (error) {
      const failure = error as InvalidConfigError;
      expect(failure.name).toBe('InvalidConfigError');
      expect(failure.code).toBe('config.colour');
      expect(failure.problems).toEqual([
        'config.colour: unknown field (expected name, region, startChatUrl, rules, queueMarker, text, preChat)',
        'config.name: expected 1–64 letters, digits, "_" or "-"',
        'config.region: expected an AWS region such as "ap-southeast-2"',
      ]);
      expect(failure.message).toContain('config.region');
    }
  });

  it('refuses a config for another instance than data-instance', () => {
    expect(problemsOf(valid, 'other_bot')).toEqual(['config.name: "help_faq_bot" does not match data-instance "other_bot"']);
  });

  it('refuses non-objects, wrong text types and unknown text keys', () => {
    expect(problemsOf(null)).toEqual(['config: expected an object']);
    expect(problemsOf([1, 2])).toEqual(['config: expected an object']);
    const textProblems = problemsOf({ ...valid, text: { startChat: 1, shout: 'x' } });
    expect(textProblems).toHaveLength(2);
    expect(textProblems[0]).toMatch(/^config\.text\.shout: unknown field \(expected startChat, title, /);
    expect(textProblems[1]).toBe('config.text.startChat: expected a string');
    expect(problemsOf({ ...valid, queueMarker: ' ' })).toEqual(['config.queueMarker: expected non-empty text']);
    expect(problemsOf({ ...valid, startChatUrl: 5 })).toEqual(['config.startChatUrl: expected a URL string']);
  });

  it('passes the display rules to their validator with the config path', () => {
    const problems = problemsOf({ ...valid, rules: { schedule: { timeZone: 'Mars/Olympus', weekly: {} } } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^config\.rules\.schedule\.timeZone/);
  });
});
