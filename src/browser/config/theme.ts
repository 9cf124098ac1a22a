import type { Theme } from './instance-config.types';
import { checkFields } from '../platform/shape-check';

/** Each colour field of {@link Theme} and the custom property the launcher and the panel read it from. */
const COLOUR_PROPERTIES = {
  accent: '--cw-accent',
  accentText: '--cw-accent-text',
  background: '--cw-bg',
  text: '--cw-text',
} as const;

const THEME_FIELDS = [...Object.keys(COLOUR_PROPERTIES), 'radius', 'font', 'position'];
const POSITIONS = ['bottom-right', 'bottom-left'];
/** Where the launcher and the panel sit by default (`src/browser/ui/launcher.ts`, `src/browser/runtime/conversation.ts`). */
const EDGE_OFFSET = '20px';

/**
 * CSS functions a colour may use. Nothing that fetches (`url()`, `image()`) and nothing that is not a colour.
 * `var()` lets a site point at its own brand custom property.
 */
const COLOUR_FUNCTIONS = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'light-dark', 'var',
]);
/** The characters a colour needs: no `;`, braces, quotes, backslashes, `<`, `>`, `@`, `!` or `*` to break out of a declaration with. */
const COLOUR_CHARACTERS = /^[a-z0-9#%.,()\s/+-]+$/i;
const HEX_COLOUR = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;
/** A single length: `12px`, `0.5rem`, `0`. */
const LENGTH = /^(0|\d{1,3}(\.\d{1,3})?(px|rem|em|%))$/;
/** A font-family list: names, optionally quoted (quotes closed, nothing else inside). */
const FONT_FAMILY = `(?:[a-z][a-z0-9 _-]*|"[a-z0-9 _-]+"|'[a-z0-9 _-]+')`;
const FONT_LIST = new RegExp(`^\\s*${FONT_FAMILY}(\\s*,\\s*${FONT_FAMILY})*\\s*$`, 'i');

/** True for a CSS colour that cannot break out of the declaration it is put in (`#0b57d0`, `rgb(11 87 208)`, `navy`). */
export function isSafeColour(value: string): boolean {
  if (value.length > 120 || !COLOUR_CHARACTERS.test(value)) return false;
  if (/\/\*|\*\//.test(value)) return false;
  let depth = 0;
  for (const character of value) {
    depth += character === '(' ? 1 : character === ')' ? -1 : 0;
    if (depth < 0) return false;
  }
  if (depth !== 0) return false;
  for (const [, name] of value.matchAll(/([a-z-]*)\(/gi)) if (!COLOUR_FUNCTIONS.has(name!.toLowerCase())) return false;
  for (const [hex] of value.matchAll(/#[0-9a-z]*/gi)) if (!HEX_COLOUR.test(hex)) return false;
  return true;
}

/** Problems of an instance's `theme`, each `"<path>.<field>: <what is wrong>"`. */
export function themeProblems(value: unknown, path: string): string[] {
  const problems: string[] = [];
  if (!checkFields(value, path, THEME_FIELDS, problems)) return problems;
  for (const field of Object.keys(COLOUR_PROPERTIES)) {
    const colour = value[field];
    if (colour !== undefined && (typeof colour !== 'string' || !isSafeColour(colour.trim()))) {
      problems.push(`${path}.${field}: expected a CSS colour such as "#0b57d0", "rgb(11 87 208)" or "navy"`);
    }
  }
  if (value.radius !== undefined && (typeof value.radius !== 'string' || !LENGTH.test(value.radius.trim()))) {
    problems.push(`${path}.radius: expected one length such as "8px", "0.5rem" or "0"`);
  }
  if (value.font !== undefined && (typeof value.font !== 'string' || value.font.length > 200 || !FONT_LIST.test(value.font))) {
    problems.push(`${path}.font: expected a font-family list such as "Inter, system-ui, sans-serif"`);
  }
  if (value.position !== undefined && !POSITIONS.includes(value.position as string)) {
    problems.push(`${path}.position: expected ${POSITIONS.map((position) => `"${position}"`).join(' or ')}`);
  }
  return problems;
}

/**
 * The inline style a validated theme puts on the host elements: its custom properties, and for `position` the
 * physical corner (the host's own CSS uses the logical inline end, which a right-to-left page mirrors).
 */
export function themeStyle(theme: Theme = {}): Record<string, string> {
  const style: Record<string, string> = {};
  for (const [field, property] of Object.entries(COLOUR_PROPERTIES)) {
    const colour = theme[field as keyof typeof COLOUR_PROPERTIES];
    if (colour) style[property] = colour.trim();
  }
  if (theme.radius) style['--cw-radius'] = theme.radius.trim();
  if (theme.font) style['--cw-font'] = theme.font.trim();
  if (theme.position) {
    const [near, far] = theme.position === 'bottom-left' ? ['left', 'right'] : ['right', 'left'];
    style[near] = EDGE_OFFSET;
    style[far] = 'auto';
  }
  return style;
}
