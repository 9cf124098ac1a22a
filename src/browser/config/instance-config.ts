import type { PublicInstanceConfig, UiText } from './instance-config.types';
import { validateDisplayRules } from '../rules/rules-validation';
import { InvalidConfigError } from './invalid-config-error';
import { isRightToLeft, languageProblems, localise, uiTextProblems } from './language';
import { checkFields } from '../platform/shape-check';
import { themeProblems, themeStyle } from './theme';
import { CONNECT_ATTACHMENT_TYPES, CONNECT_MAX_ATTACHMENT_BYTES } from './attachment-types';

const TOP_LEVEL_FIELDS = ['name', 'region', 'startChatUrl', 'rules', 'queueMarker', 'reconnect', 'text', 'preChat', 'lang', 'locales', 'theme', 'analytics', 'botName', 'agentAvatarUrl', 'attachments', 'unread', 'persistence', 'offHours'];
const RECONNECT_FIELDS = ['silenceMs', 'delaysMs'];
/** Reconnect timings stay within what a customer would wait for. */
const MAX_RECONNECT_MS = 60_000;
const ANALYTICS_FIELDS = ['dataLayer', 'gtag'];
const ATTACHMENT_FIELDS = ['enabled', 'types', 'maxBytes'];
const UNREAD_FIELDS = ['titlePrefix', 'sound'];
const MAX_BOT_NAME_LENGTH = 64;
const PERSISTENCE = ['tab', 'browser', 'identity'];
const PRE_CHAT_FIELD_KEYS = ['name', 'label', 'required', 'type', 'maxLength'];
const PRE_CHAT_TYPES = ['text', 'email', 'tel'];
/** Contact attribute names as Amazon Connect accepts them, and our own display name field. */
const FIELD_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

/**
 * Every problem of a public instance configuration, each `"<path>.<field>: <what is wrong>"`. The backend
 * checks `config/instances.json` with it at start-up; the browser checks what it received.
 */
export function publicConfigProblems(value: unknown, path = 'config', expectedName?: string): string[] {
  const problems: string[] = [];
  if (!checkFields(value, path, TOP_LEVEL_FIELDS, problems)) return problems;
  if (typeof value.name !== 'string' || !NAME_PATTERN.test(value.name)) {
    problems.push(`${path}.name: expected 1–64 letters, digits, "_" or "-"`);
  } else if (expectedName !== undefined && value.name !== expectedName) {
    problems.push(`${path}.name: "${value.name}" does not match data-instance "${expectedName}"`);
  }
  if (typeof value.region !== 'string' || !REGION_PATTERN.test(value.region)) {
    problems.push(`${path}.region: expected an AWS region such as "ap-southeast-2"`);
  }
  if (value.startChatUrl !== undefined && (typeof value.startChatUrl !== 'string' || value.startChatUrl === '')) {
    problems.push(`${path}.startChatUrl: expected a URL string`);
  }
  if (value.queueMarker !== undefined && (typeof value.queueMarker !== 'string' || value.queueMarker.trim() === '')) {
    problems.push(`${path}.queueMarker: expected non-empty text`);
  }
  if (value.reconnect !== undefined) problems.push(...reconnectProblems(value.reconnect, `${path}.reconnect`));
  if (value.rules !== undefined) problems.push(...validateDisplayRules(value.rules, `${path}.rules`));
  if (value.preChat !== undefined) problems.push(...preChatProblems(value.preChat, `${path}.preChat`));
  if (value.text !== undefined) problems.push(...uiTextProblems(value.text, `${path}.text`));
  problems.push(...languageProblems(value, path));
  if (value.theme !== undefined) problems.push(...themeProblems(value.theme, `${path}.theme`));
  if (value.analytics !== undefined) problems.push(...switchProblems(value.analytics, `${path}.analytics`, ANALYTICS_FIELDS));
  problems.push(...richContentProblems(value, path));
  // Chats that outlive the page (PERSIST).
  if (value.persistence !== undefined && !PERSISTENCE.includes(value.persistence as string)) {
    problems.push(`${path}.persistence: expected "tab", "browser" or "identity"`);
  }
  // Leave a message (TASK).
  if (value.offHours !== undefined) problems.push(...switchProblems(value.offHours, `${path}.offHours`, ['leaveMessage']));
  return problems;
}

/** An object of true/false switches (`analytics`, `unread`). */
function switchProblems(value: unknown, at: string, fields: readonly string[]): string[] {
  const problems: string[] = [];
  if (!checkFields(value, at, fields, problems)) return problems;
  for (const field of fields) {
    if (value[field] !== undefined && typeof value[field] !== 'boolean') problems.push(`${at}.${field}: expected true or false`);
  }
  return problems;
}

/** The bot's name, the agent's picture, attachments and unread signals. */
function richContentProblems(value: Record<string, unknown>, path: string): string[] {
  const problems: string[] = [];
  const { botName, agentAvatarUrl } = value;
  if (botName !== undefined && (typeof botName !== 'string' || !botName.trim() || botName.length > MAX_BOT_NAME_LENGTH)) {
    problems.push(`${path}.botName: expected a name of 1–${MAX_BOT_NAME_LENGTH} characters`);
  }
  if (agentAvatarUrl !== undefined && !isAvatarUrl(agentAvatarUrl)) {
    problems.push(`${path}.agentAvatarUrl: expected an https:// URL or a path on the site's own origin ("/images/agent.png")`);
  }
  if (value.attachments !== undefined) problems.push(...attachmentProblems(value.attachments, `${path}.attachments`));
  if (value.unread !== undefined) problems.push(...switchProblems(value.unread, `${path}.unread`, UNREAD_FIELDS));
  return problems;
}

/** https anywhere, or a same-origin path: never http (mixed content), data: or javascript:. */
function isAvatarUrl(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 2048) return false;
  if (value.startsWith('/')) return !value.startsWith('//') && !value.startsWith('/\\');
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}

function attachmentProblems(value: unknown, at: string): string[] {
  const problems: string[] = [];
  if (!checkFields(value, at, ATTACHMENT_FIELDS, problems)) return problems;
  if (value.enabled !== undefined && typeof value.enabled !== 'boolean') problems.push(`${at}.enabled: expected true or false`);
  const known = Object.keys(CONNECT_ATTACHMENT_TYPES);
  const { types, maxBytes } = value;
  if (types !== undefined) {
    if (!Array.isArray(types) || types.length === 0) problems.push(`${at}.types: expected a non-empty list of extensions such as [".pdf", ".png"]`);
    else {
      const unknown = types.filter((type) => typeof type !== 'string' || !known.includes(type));
      if (unknown.length) {
        problems.push(`${at}.types: ${unknown.map((type) => JSON.stringify(type)).join(', ')} not allowed by Amazon Connect (expected some of ${known.join(' ')}, each with its dot)`);
      }
      if (new Set(types).size !== types.length) problems.push(`${at}.types: each extension once`);
    }
  }
  if (maxBytes !== undefined && !(Number.isInteger(maxBytes) && (maxBytes as number) >= 1 && (maxBytes as number) <= CONNECT_MAX_ATTACHMENT_BYTES)) {
    problems.push(`${at}.maxBytes: expected whole bytes from 1 to ${CONNECT_MAX_ATTACHMENT_BYTES} (Amazon Connect's 20 MB)`);
  }
  return problems;
}

function reconnectProblems(value: unknown, at: string): string[] {
  const problems: string[] = [];
  if (!checkFields(value, at, RECONNECT_FIELDS, problems)) return problems;
  const isDelay = (delay: unknown) => Number.isInteger(delay) && (delay as number) >= 0 && (delay as number) <= MAX_RECONNECT_MS;
  if (value.silenceMs !== undefined && !isDelay(value.silenceMs)) problems.push(`${at}.silenceMs: expected whole milliseconds from 0 to ${MAX_RECONNECT_MS}`);
  if (value.delaysMs !== undefined && !(Array.isArray(value.delaysMs) && value.delaysMs.length <= 100 && value.delaysMs.every(isDelay))) {
    problems.push(`${at}.delaysMs: expected at most 100 whole milliseconds, each from 0 to ${MAX_RECONNECT_MS}`);
  }
  return problems;
}

function preChatProblems(value: unknown, at: string): string[] {
  const problems: string[] = [];
  if (!checkFields(value, at, ['fields'], problems)) return problems;
  if (!Array.isArray(value.fields) || value.fields.length === 0) return [`${at}.fields: expected a non-empty array`];
  value.fields.forEach((field: unknown, index) => {
    const path = `${at}.fields[${index}]`;
    if (!checkFields(field, path, PRE_CHAT_FIELD_KEYS, problems)) return;
    if (typeof field.name !== 'string' || !FIELD_NAME.test(field.name)) problems.push(`${path}.name: expected 1–64 letters, digits, "_", "." or "-"`);
    if (typeof field.label !== 'string' || !field.label.trim()) problems.push(`${path}.label: expected non-empty text`);
    if (field.required !== undefined && typeof field.required !== 'boolean') problems.push(`${path}.required: expected true or false`);
    if (field.type !== undefined && !PRE_CHAT_TYPES.includes(field.type as string)) problems.push(`${path}.type: expected ${PRE_CHAT_TYPES.join(', ')}`);
    if (field.maxLength !== undefined && !(Number.isInteger(field.maxLength) && (field.maxLength as number) > 0 && (field.maxLength as number) <= 1024)) {
      problems.push(`${path}.maxLength: expected a whole number from 1 to 1024`);
    }
  });
  return problems;
}

/** The field path a problem starts with, as a stable error code: `config.rules.schedule.timeZone`. */
function codeOf(problem: string): string {
  return problem.slice(0, problem.indexOf(': ')).replace(/\[\d+\]/g, '');
}

/**
 * Checks an instance's public configuration and returns it with defaults filled in, its text in the language
 * the instance's `lang` or else `pageLang` (the page's `<html lang>`) asks for.
 * @throws InvalidConfigError naming every bad field (the first one as `code`).
 */
export function parsePublicConfig(value: unknown, expectedName?: string, pageLang?: string): ResolvedConfig {
  const problems = publicConfigProblems(value, 'config', expectedName);
  const first = problems[0];
  if (first !== undefined) {
    throw new InvalidConfigError(codeOf(first), `Invalid chat configuration: ${problems.join('; ')}`, problems);
  }
  const config = value as PublicInstanceConfig;
  const { lang, text } = localise(config, pageLang);
  return {
    ...config,
    queueMarker: config.queueMarker ?? '[queued]',
    text,
    host: { lang, ...(isRightToLeft(lang) ? { dir: 'rtl' } : {}), style: themeStyle(config.theme) },
  };
}

/**
 * What the runtime puts on each of its host elements (`src/browser/ui/host-element.ts`): the text's language, `dir`
 * for a right-to-left language (otherwise the page's direction applies), and the theme as inline style.
 */
export interface HostAppearance {
  /** The language the UI text is in, e.g. `"es"`. */
  lang: string;
  dir?: 'rtl';
  /** CSS properties (`--cw-accent`, `left`, …) and their values, set with `style.setProperty` (CSP-safe). */
  style: Record<string, string>;
}

/** A validated configuration with every default applied. */
export interface ResolvedConfig extends Omit<PublicInstanceConfig, 'text' | 'queueMarker'> {
  queueMarker: string;
  /** Every UI string, in the chosen language. */
  text: UiText;
  host: HostAppearance;
}
