import { html, svg, nothing } from 'lit/html.js';

/** A 24×24 stroke icon; decorative: the button around it carries the name. */
const icon = (paths: ReturnType<typeof svg>) =>
  html`<svg class="ico" viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">${paths}</svg>`;

export const icons = {
  minimise: () => icon(svg`<path d="M6 9l6 6 6-6"/>`),
  end: () => icon(svg`<path d="M6 6l12 12M18 6L6 18"/>`),
  send: () => icon(svg`<path d="M4 12l16-8-6 16-3-7z"/>`),
  attach: () => icon(svg`<path d="M20 11.5l-7.8 7.8a5 5 0 01-7.1-7.1l8.5-8.5a3.3 3.3 0 014.7 4.7l-8.5 8.5a1.7 1.7 0 01-2.4-2.4l7.8-7.8"/>`),
  download: () => icon(svg`<path d="M12 4v11M7 10l5 5 5-5M5 20h14"/>`),
  /** The flow or a bot: a chat bubble. */
  bot: () => icon(svg`<path d="M5 5h14v10H10l-4 4v-4H5z"/>`),
  retry: () => icon(svg`<path d="M20 12a8 8 0 11-2.3-5.7M20 4v5h-5"/>`),
};

/** Strips bidi controls and keeps whole code points: an RTL override must not spill into the avatar. */
const BIDI_CONTROLS = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** "Alex Morgan" → "AM"; "alex" → "A"; nothing usable → "". */
export function initials(name: string): string {
  const words = name.replace(BIDI_CONTROLS, '').trim().split(/\s+/).filter(Boolean);
  const letters = [words[0], words.length > 1 ? words[words.length - 1] : undefined]
    .map((word) => (word ? Array.from(word)[0]! : ''))
    .join('');
  return letters.toLocaleUpperCase();
}

/** Background hues that all keep white initials at WCAG AA contrast. */
const AVATAR_COLOURS = ['#0b57d0', '#146c2e', '#8e24aa', '#b3261e', '#00677d', '#6d4c41'];

function colourOf(name: string): number {
  let hash = 0;
  for (const character of name) hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  return hash % AVATAR_COLOURS.length;
}

/**
 * A person's or the bot's round picture: `url` when given, else their initials on a colour of their own, else
 * the chat-bubble mark. Decorative (`aria-hidden`): the name is always written beside it.
 */
export function avatar(name: string, url: string | undefined, kind: 'person' | 'bot', size: 'small' | 'large' = 'small') {
  const letters = kind === 'person' ? initials(name) : '';
  const colour = letters ? `c${colourOf(name)}` : 'mark';
  return html`<span class="avatar ${size} ${url ? 'photo' : colour}" aria-hidden="true">${
    url ? html`<img src=${url} alt="" referrerpolicy="no-referrer">` : letters || (kind === 'bot' || !letters ? icons.bot() : nothing)
  }</span>`;
}

/** The CSS classes `c0`…`c5` of {@link avatar}. */
export const AVATAR_CSS = AVATAR_COLOURS.map((colour, i) => `.avatar.c${i} { background: ${colour}; }`).join('\n');
