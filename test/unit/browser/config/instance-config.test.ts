import { describe, expect, it } from 'vitest';
import { parsePublicConfig } from '../../../../src/browser/config/instance-config';
import { InvalidConfigError } from '../../../../src/browser/config/invalid-config-error';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';

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
        'config.colour: unknown field (expected name, region, startChatUrl, rules, queueMarker, reconnect, text, preChat, lang, locales, theme, analytics, botName, agentAvatarUrl, attachments, unread, persistence, offHours)',
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

  it('takes reconnect timings within bounds and names what is wrong with others', () => {
    expect(problemsOf({ ...valid, reconnect: { silenceMs: 300, delaysMs: [200, 400] } })).toEqual([]);
    expect(problemsOf({ ...valid, reconnect: { delaysMs: [] } })).toEqual([]);
    expect(problemsOf({ ...valid, reconnect: { silenceMs: -1, delaysMs: [1.5] } })).toEqual([
      'config.reconnect.silenceMs: expected whole milliseconds from 0 to 60000',
      'config.reconnect.delaysMs: expected at most 100 whole milliseconds, each from 0 to 60000',
    ]);
    expect(problemsOf({ ...valid, reconnect: { delaysMs: Array(101).fill(1) } })).toHaveLength(1);
    expect(problemsOf({ ...valid, reconnect: { retries: 3 } })[0]).toMatch(/^config\.reconnect\.retries: unknown field/);
  });

  it('shows English on the host elements by default, with no theme style and the page’s direction', () => {
    const config = parsePublicConfig(valid, 'help_faq_bot');
    expect(config.text).toEqual(DEFAULT_UI_TEXT);
    expect(config.host).toEqual({ lang: 'en', style: {} });
  });

  it('picks the page’s language and puts it, the direction and the theme on the host elements', () => {
    const spanish = parsePublicConfig({ ...valid, theme: { accent: '#7a1fa2', position: 'bottom-left' } }, 'help_faq_bot', 'es-ES');
    expect(spanish.text.startChat).toBe('Iniciar chat');
    expect(spanish.host).toEqual({ lang: 'es', style: { '--cw-accent': '#7a1fa2', left: '20px', right: 'auto' } });
    const hebrew = parsePublicConfig({ ...valid, locales: { he: { startChat: 'התחלת צ׳אט' } } }, 'help_faq_bot', 'he');
    expect(hebrew.text.startChat).toBe('התחלת צ׳אט');
    expect(hebrew.host).toEqual({ lang: 'he', dir: 'rtl', style: {} });
  });

  it('lets the instance’s text override the chosen language', () => {
    const config = parsePublicConfig({ ...valid, text: { title: 'Ayuda' } }, 'help_faq_bot', 'es');
    expect(config.text.title).toBe('Ayuda');
    expect(config.text.send).toBe('Enviar');
  });

  it('names bad theme, language and analytics fields', () => {
    expect(
      problemsOf({ ...valid, theme: { accent: 'red;}' }, lang: 'xx_YY', analytics: { dataLayer: 'yes', segment: true } }),
    ).toEqual([
      'config.lang: expected a language tag such as "en" or "es-MX"',
      'config.theme.accent: expected a CSS colour such as "#0b57d0", "rgb(11 87 208)" or "navy"',
      'config.analytics.segment: unknown field (expected dataLayer, gtag)',
      'config.analytics.dataLayer: expected true or false',
    ]);
    expect(problemsOf({ ...valid, analytics: { dataLayer: true, gtag: false } })).toEqual([]);
  });

  it('passes the display rules to their validator with the config path', () => {
    const problems = problemsOf({ ...valid, rules: { schedule: { timeZone: 'Mars/Olympus', weekly: {} } } });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(/^config\.rules\.schedule\.timeZone/);
  });

  describe('rich content options', () => {
    it('takes a bot name, an https or same-origin avatar, narrowed attachments and unread switches', () => {
      const config = {
        ...valid,
        botName: 'Aria',
        agentAvatarUrl: 'https://cdn.example.com/agent.png',
        attachments: { enabled: true, types: ['.pdf', '.png'], maxBytes: 5_000_000 },
        unread: { titlePrefix: true, sound: false },
      };
      expect(problemsOf(config)).toEqual([]);
      expect(problemsOf({ ...valid, agentAvatarUrl: '/images/agent.png' })).toEqual([]);
      expect(parsePublicConfig(config).attachments).toEqual(config.attachments);
    });

    it('refuses an empty or over-long bot name', () => {
      expect(problemsOf({ ...valid, botName: ' ' })).toEqual(['config.botName: expected a name of 1–64 characters']);
      expect(problemsOf({ ...valid, botName: 'x'.repeat(65) })).toHaveLength(1);
      expect(problemsOf({ ...valid, botName: 7 })).toHaveLength(1);
    });

    it('refuses an avatar over http, from data: or javascript:, or protocol-relative', () => {
      for (const url of ['http://cdn.example.com/a.png', 'data:image/png;base64,AA', 'javascript:alert(1)', '//evil.example/a.png', 'agent.png']) {
        expect(problemsOf({ ...valid, agentAvatarUrl: url }), url).toEqual([
          'config.agentAvatarUrl: expected an https:// URL or a path on the site\'s own origin ("/images/agent.png")',
        ]);
      }
    });

    it('refuses attachment types Amazon Connect does not allow, without their dot, or twice', () => {
      expect(problemsOf({ ...valid, attachments: { types: ['.exe', 'pdf'] } })).toEqual([
        expect.stringMatching(/^config\.attachments\.types: "\.exe", "pdf" not allowed by Amazon Connect \(expected some of \.csv .* each with its dot\)$/),
      ]);
      expect(problemsOf({ ...valid, attachments: { types: [] } })).toEqual([
        'config.attachments.types: expected a non-empty list of extensions such as [".pdf", ".png"]',
      ]);
      expect(problemsOf({ ...valid, attachments: { types: ['.pdf', '.pdf'] } })).toEqual(['config.attachments.types: each extension once']);
    });

    it('refuses an attachment size outside 1 byte to 20 MB, a non-boolean switch, and unknown fields', () => {
      const tooBig = problemsOf({ ...valid, attachments: { maxBytes: 20 * 1024 * 1024 + 1 } });
      expect(tooBig).toEqual(["config.attachments.maxBytes: expected whole bytes from 1 to 20971520 (Amazon Connect's 20 MB)"]);
      expect(problemsOf({ ...valid, attachments: { maxBytes: 0 } })).toHaveLength(1);
      expect(problemsOf({ ...valid, attachments: { enabled: 'yes' } })).toEqual(['config.attachments.enabled: expected true or false']);
      expect(problemsOf({ ...valid, unread: { sound: 1 } })).toEqual(['config.unread.sound: expected true or false']);
      expect(problemsOf({ ...valid, unread: { flash: true } })[0]).toMatch(/^config\.unread\.flash: unknown field/);
    });

    it('names the first bad rich-content field as the error code', () => {
      try {
        parsePublicConfig({ ...valid, attachments: { maxBytes: -1 } });
        expect.unreachable();
      } catch (error) {
        expect((error as InvalidConfigError).code).toBe('config.attachments.maxBytes');
      }
    });
  });
});

describe('instance config: persistence (chats that outlive the page)', () => {
  it('takes "tab", "browser" or "identity", and leaves it unset by default', () => {
    expect(parsePublicConfig({ ...valid, persistence: 'browser' }).persistence).toBe('browser');
    expect(parsePublicConfig({ ...valid, persistence: 'identity' }).persistence).toBe('identity');
    expect(parsePublicConfig({ ...valid, persistence: 'tab' }).persistence).toBe('tab');
    expect(parsePublicConfig(valid).persistence).toBeUndefined();
  });

  it('refuses any other mode with a named error', () => {
    for (const persistence of ['local', '', true, null]) {
      try {
        parsePublicConfig({ ...valid, persistence });
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(InvalidConfigError);
        expect((error as InvalidConfigError).code).toBe('config.persistence');
        expect((error as InvalidConfigError).problems).toEqual(['config.persistence: expected "tab", "browser" or "identity"']);
      }
    }
  });
});

describe('instance config: offHours (leave a message)', () => {
  it('takes leaveMessage as true or false', () => {
    expect(parsePublicConfig({ ...valid, offHours: { leaveMessage: true } }).offHours).toEqual({ leaveMessage: true });
    expect(parsePublicConfig(valid).offHours).toBeUndefined();
  });

  it('names a leaveMessage that is not a boolean, and an unknown field', () => {
    const codeOf = (offHours: unknown) => {
      try {
        parsePublicConfig({ ...valid, offHours });
      } catch (error) {
        return (error as InvalidConfigError).code;
      }
      return undefined;
    };
    expect(codeOf({ leaveMessage: 'yes' })).toBe('config.offHours.leaveMessage');
    expect(codeOf({ leave: true })).toBe('config.offHours.leave');
    expect(codeOf('on')).toBe('config.offHours');
  });
});
