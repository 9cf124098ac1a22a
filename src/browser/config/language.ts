import type { PublicInstanceConfig, UiText } from './instance-config.types';
import { checkFields, isRecord } from '../platform/shape-check';
import { BUNDLED_UI_TEXT, DEFAULT_UI_TEXT } from './ui-text';

/** A BCP 47 language tag as pages write `<html lang>`: `es`, `es-MX`, `zh-Hant-TW`. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i;

/** Languages written right to left; the runtime sets `dir="rtl"` on its host elements for them. */
export const RIGHT_TO_LEFT = ['ar', 'he', 'fa', 'ur'];

/** The primary language subtag, lower case: `"es-MX"` → `"es"`. */
const primary = (tag: string) => tag.toLowerCase().split('-')[0]!;

export function isRightToLeft(tag: string): boolean {
  return RIGHT_TO_LEFT.includes(primary(tag));
}

/** The text and language a page shows. */
export interface Localised {
  /** The most specific tag whose text is shown (`"es"`, `"es-mx"`), lower case; `"en"` when nothing matched. */
  lang: string;
  text: UiText;
}

/**
 * Picks the UI language: the instance's `lang`, else the page's `<html lang>`, matched by full tag then by
 * primary subtag against the bundled languages and the instance's `locales`; English when none matches. The
 * text is layered English ← bundled language ← `locales[primary]` ← `locales[full tag]` ← `text`, so a partial
 * translation still shows every string.
 */
export function localise(config: Pick<PublicInstanceConfig, 'lang' | 'locales' | 'text'>, pageLang?: string): Localised {
  const requested = (config.lang || pageLang || '').trim().toLowerCase();
  const locales = new Map(Object.entries(config.locales ?? {}).map(([tag, text]) => [tag.toLowerCase(), text]));
  let lang = 'en';
  let text: UiText = { ...DEFAULT_UI_TEXT };
  if (LANGUAGE_TAG.test(requested)) {
    for (const tag of new Set([primary(requested), requested])) {
      const bundled = Object.hasOwn(BUNDLED_UI_TEXT, tag) ? BUNDLED_UI_TEXT[tag] : undefined;
      const own = locales.get(tag);
      if (!bundled && !own) continue;
      text = { ...text, ...bundled, ...own };
      lang = tag;
    }
  }
  return { lang, text: { ...text, ...config.text } };
}

/** Problems of `lang` and `locales`, each `"<path>: <what is wrong>"`. */
export function languageProblems(config: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  if (config.lang !== undefined && (typeof config.lang !== 'string' || !LANGUAGE_TAG.test(config.lang))) {
    problems.push(`${path}.lang: expected a language tag such as "en" or "es-MX"`);
  }
  if (config.locales === undefined) return problems;
  if (!isRecord(config.locales)) {
    problems.push(`${path}.locales: expected an object of UI text by language tag, such as { "fr": { "startChat": "Démarrer le chat" } }`);
  } else {
    for (const [tag, text] of Object.entries(config.locales)) {
      const at = `${path}.locales.${tag}`;
      if (!LANGUAGE_TAG.test(tag)) problems.push(`${at}: "${tag}" is not a language tag such as "fr" or "pt-BR"`);
      problems.push(...uiTextProblems(text, at));
    }
  }
  return problems;
}

/** Problems of a partial {@link UiText}: unknown keys and values that are not strings. */
export function uiTextProblems(value: unknown, path: string): string[] {
  const problems: string[] = [];
  if (checkFields(value, path, Object.keys(DEFAULT_UI_TEXT), problems)) {
    for (const [key, text] of Object.entries(value)) {
      if (key in DEFAULT_UI_TEXT && typeof text !== 'string') problems.push(`${path}.${key}: expected a string`);
    }
  }
  return problems;
}
