import type { PublicInstanceConfig, UiText } from './instance-config.types';
import { DEFAULT_UI_TEXT } from './ui-text';
import { validateDisplayRules } from '../rules/rules-validation';
import { InvalidConfigError } from './invalid-config-error';
import { checkFields } from './shape-check';

const TOP_LEVEL_FIELDS = ['name', 'region', 'startChatUrl', 'rules', 'queueMarker', 'text'];
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d$/;

function problemsOf(value: unknown, expectedName: string | undefined): string[] {
  const problems: string[] = [];
  if (!checkFields(value, 'config', TOP_LEVEL_FIELDS, problems)) return problems;
  if (typeof value.name !== 'string' || !NAME_PATTERN.test(value.name)) {
    problems.push('config.name: expected 1–64 letters, digits, "_" or "-"');
  } else if (expectedName !== undefined && value.name !== expectedName) {
    problems.push(`config.name: "${value.name}" does not match data-instance "${expectedName}"`);
  }
  if (typeof value.region !== 'string' || !REGION_PATTERN.test(value.region)) {
    problems.push('config.region: expected an AWS region such as "ap-southeast-2"');
  }
  if (value.startChatUrl !== undefined && (typeof value.startChatUrl !== 'string' || value.startChatUrl === '')) {
    problems.push('config.startChatUrl: expected a URL string');
  }
  if (value.queueMarker !== undefined && (typeof value.queueMarker !== 'string' || value.queueMarker.trim() === '')) {
    problems.push('config.queueMarker: expected non-empty text');
  }
  if (value.rules !== undefined) problems.push(...validateDisplayRules(value.rules, 'config.rules'));
  if (value.text !== undefined) {
    if (checkFields(value.text, 'config.text', Object.keys(DEFAULT_UI_TEXT), problems)) {
      for (const [key, text] of Object.entries(value.text)) {
        if (key in DEFAULT_UI_TEXT && typeof text !== 'string') problems.push(`config.text.${key}: expected a string`);
      }
    }
  }
  return problems;
}

/** The field path a problem starts with, as a stable error code: `config.rules.schedule.timeZone`. */
function codeOf(problem: string): string {
  return problem.slice(0, problem.indexOf(':')).replace(/\[\d+\]/g, '');
}

/**
 * Checks an instance's public configuration and returns it with defaults filled in.
 * @throws InvalidConfigError naming every bad field (the first one as `code`).
 */
export function parsePublicConfig(value: unknown, expectedName?: string): ResolvedConfig {
  const problems = problemsOf(value, expectedName);
  const first = problems[0];
  if (first !== undefined) {
    throw new InvalidConfigError(codeOf(first), `Invalid chat configuration: ${problems.join('; ')}`, problems);
  }
  const config = value as PublicInstanceConfig;
  return { ...config, queueMarker: config.queueMarker ?? '[queued]', text: { ...DEFAULT_UI_TEXT, ...config.text } };
}

/** A validated configuration with every default applied. */
export interface ResolvedConfig extends Omit<PublicInstanceConfig, 'text' | 'queueMarker'> {
  queueMarker: string;
  text: UiText;
}
