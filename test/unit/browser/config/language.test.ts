import { describe, expect, it } from 'vitest';
import { isRightToLeft, languageProblems, localise } from '../../../../src/browser/config/language';
import { ES_UI_TEXT } from '../../../../src/browser/config/locales/es';
import { DEFAULT_UI_TEXT } from '../../../../src/browser/config/ui-text';

describe('choosing the UI language', () => {
  it('is English when neither the instance nor the page names a language', () => {
    expect(localise({})).toEqual({ lang: 'en', text: DEFAULT_UI_TEXT });
    expect(localise({}, '')).toEqual({ lang: 'en', text: DEFAULT_UI_TEXT });
  });

  it('follows the page’s <html lang>, matching a regional tag by its primary language', () => {
    expect(localise({}, 'es')).toEqual({ lang: 'es', text: ES_UI_TEXT });
    expect(localise({}, 'es-MX')).toEqual({ lang: 'es', text: ES_UI_TEXT });
    expect(localise({}, 'ES')).toMatchObject({ lang: 'es', text: { startChat: 'Iniciar chat' } });
  });

  it('lets the instance’s lang win over the page', () => {
    expect(localise({ lang: 'es' }, 'en-GB')).toMatchObject({ lang: 'es', text: { startChat: 'Iniciar chat' } });
    expect(localise({ lang: 'en' }, 'es')).toMatchObject({ lang: 'en', text: { startChat: 'Start chat' } });
  });

  it('falls back to English for a language it has no text for, and for a malformed tag', () => {
    expect(localise({}, 'fr-FR')).toEqual({ lang: 'en', text: DEFAULT_UI_TEXT });
    expect(localise({}, 'not a tag')).toEqual({ lang: 'en', text: DEFAULT_UI_TEXT });
  });

  it('adds a language from the instance’s locales, English filling the strings it leaves out', () => {
    const { lang, text } = localise({ locales: { fr: { startChat: 'Démarrer le chat' } } }, 'fr-CA');
    expect(lang).toBe('fr');
    expect(text.startChat).toBe('Démarrer le chat');
    expect(text.send).toBe(DEFAULT_UI_TEXT.send);
  });

  it('layers a regional locale over its bundled language, and the instance’s text over everything', () => {
    const config = { locales: { 'es-MX': { startChat: 'Platicar' } }, text: { title: 'Soporte' } };
    const { lang, text } = localise(config, 'es-mx');
    expect(lang).toBe('es-mx');
    expect(text).toEqual({ ...ES_UI_TEXT, startChat: 'Platicar', title: 'Soporte' });
  });

  it('knows which languages are written right to left', () => {
    for (const tag of ['ar', 'he', 'fa', 'ur', 'ar-EG', 'HE']) expect(isRightToLeft(tag)).toBe(true);
    for (const tag of ['en', 'es', 'arn', 'fr-CA']) expect(isRightToLeft(tag)).toBe(false);
  });
});

describe('checking lang and locales', () => {
  it('accepts language tags and partial UI text', () => {
    expect(languageProblems({ lang: 'pt-BR', locales: { fr: { startChat: 'Démarrer' }, 'zh-Hant': {} } }, 'config')).toEqual([]);
  });

  it('names a bad tag, a bad locale and a bad string', () => {
    expect(languageProblems({ lang: 'english!' }, 'config')).toEqual(['config.lang: expected a language tag such as "en" or "es-MX"']);
    expect(languageProblems({ locales: ['fr'] }, 'config')[0]).toMatch(/^config\.locales: expected an object of UI text by language tag/);
    expect(languageProblems({ locales: { 'french!': { startChat: 1, shout: 'x' } } }, 'config')).toEqual([
      'config.locales.french!: "french!" is not a language tag such as "fr" or "pt-BR"',
      expect.stringMatching(/^config\.locales\.french!\.shout: unknown field/),
      'config.locales.french!.startChat: expected a string',
    ]);
  });
});
