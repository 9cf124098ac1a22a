import { CONTENT_CSS } from './content/content.styles';
import { AVATAR_CSS } from './chat-panel.icons';

/** Small screens (a phone, portrait or landscape) get the whole viewport; see also `panel-host.styles.ts`. */
export const PHONE_MEDIA = '(max-width: 480px), (max-height: 480px)';

/**
 * The chat panel's stylesheet. Applied as a constructable stylesheet (no `<style>` element, no inline
 * `style=""`), so it works under `style-src 'self'` without `'unsafe-inline'`.
 *
 * Theming: set these custom properties on the host element or any ancestor (they inherit into the shadow
 * tree). Every default passes WCAG AA contrast against the defaults it is paired with.
 * - `--cw-accent` (`#0b57d0`) header, send button and customer bubbles; `--cw-accent-text` (`#ffffff`) text on it.
 * - `--cw-bg` (`#ffffff`, dark: `#1b1e23`) panel background; `--cw-text` (`#1f2328`, dark: `#e8eaed`) its text.
 *   Muted text, the agent bubble and borders are mixed from these two, so a theme only needs these two; set
 *   both or neither (the dark defaults follow `prefers-color-scheme`).
 * - `--cw-radius` (`12px`) corner radius; `--cw-font` (`system-ui, sans-serif`) font family.
 * - `--cw-height` (`min(40rem, 100dvh - 40px)`) the panel's height, e.g. `100%` when the host element is sized.
 *
 * Only logical properties (`inline`/`block`), so `dir="rtl"` on the host or the page mirrors the panel.
 * No `:host` rules: the host's box and position belong to whoever mounts the panel.
 */
export const PANEL_CSS = `
.cw-root { display: contents; }
.panel {
  --_accent: var(--cw-accent, #0b57d0);
  --_accent-text: var(--cw-accent-text, #ffffff);
  --_bg: var(--cw-bg, #ffffff);
  --_text: var(--cw-text, #1f2328);
  --_link: var(--_accent);
  --_muted: color-mix(in srgb, var(--_text) 72%, var(--_bg));
  --_line: color-mix(in srgb, var(--_text) 38%, var(--_bg));
  --_hair: color-mix(in srgb, var(--_text) 12%, var(--_bg));
  --_soft: color-mix(in srgb, var(--_text) 7%, var(--_bg));
  --_hover: color-mix(in srgb, var(--_text) 10%, transparent);
  --_error: #b3261e;
  --_radius: var(--cw-radius, 12px);
  position: relative; box-sizing: border-box; display: flex; flex-direction: column;
  block-size: var(--cw-height, min(40rem, calc(100dvh - 40px))); inline-size: 100%;
  background: var(--_bg); color: var(--_text);
  font: 400 max(15px, 0.9375rem)/1.45 var(--cw-font, system-ui, sans-serif);
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none;
  border: 1px solid var(--_hair); border-radius: var(--_radius); overflow: hidden;
  box-shadow: 0 16px 48px rgb(0 0 0 / 18%), 0 2px 8px rgb(0 0 0 / 8%);
}
@media (prefers-color-scheme: dark) {
  .panel {
    --_bg: var(--cw-bg, #1b1e23); --_text: var(--cw-text, #e8eaed);
    --_link: color-mix(in srgb, var(--_accent) 55%, #ffffff); --_error: #f2b8b5;
  }
}
@media ${PHONE_MEDIA} {
  .panel {
    border: 0; border-radius: 0; box-shadow: none;
    padding: env(safe-area-inset-top) env(safe-area-inset-right) env(safe-area-inset-bottom) env(safe-area-inset-left);
  }
}
.panel *, .panel *::before, .panel *::after { box-sizing: inherit; }
.panel:focus { outline: none; }
.vh {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
button, textarea { font: inherit; color: inherit; }
button {
  display: inline-flex; align-items: center; justify-content: center; gap: 6px;
  cursor: pointer; border-radius: 999px; padding: 8px 16px; min-block-size: 40px;
  background: transparent; border: 1px solid transparent; font-weight: 600;
}
button:active:not(:disabled) { transform: scale(0.96); }
button.primary { background: var(--_accent); color: var(--_accent-text); }
button.primary:hover:not(:disabled) { filter: brightness(1.1); }
button.secondary { background: var(--_soft); border-color: var(--_hair); }
button.secondary:hover, button.icon:hover:not(:disabled) { background: var(--_hover); }
button.danger { background: #b3261e; color: #ffffff; }
button.danger:hover { filter: brightness(1.1); }
button:disabled { cursor: not-allowed; opacity: 0.45; }
button.icon { inline-size: 40px; block-size: 40px; padding: 0; flex: none; color: var(--_muted); }
button.link { min-block-size: 0; padding: 0 4px; color: var(--_link); text-decoration: underline; font-size: inherit; }
.ico { fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none; }
:focus-visible { outline: 3px solid var(--_link); outline-offset: 2px; }

header {
  display: flex; align-items: center; gap: 12px; padding: 12px 8px 12px 16px; padding-inline: 16px 8px;
  background: var(--_accent); color: var(--_accent-text); flex: none;
  position: relative; z-index: 2; /* above the end question's scrim: Minimise stays usable */
}
header :focus-visible { outline-color: var(--_accent-text); }
header button.icon { color: inherit; }
header button.icon:hover { background: color-mix(in srgb, var(--_accent-text) 18%, transparent); }
.who { flex: 1; min-inline-size: 0; }
h2 { margin: 0; font-size: 1.05em; font-weight: 650; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.status {
  margin: 0; font-size: 0.85em; opacity: 0.9; overflow: hidden;
  display: -webkit-box; -webkit-box-orient: vertical; -webkit-line-clamp: 2; overflow-wrap: anywhere;
}
.avatar {
  display: inline-grid; place-items: center; flex: none; border-radius: 50%; overflow: hidden;
  inline-size: 28px; block-size: 28px; font-size: 0.75em; font-weight: 700; color: #ffffff; user-select: none;
}
.avatar.large { inline-size: 40px; block-size: 40px; font-size: 0.95em; }
.avatar img { inline-size: 100%; block-size: 100%; object-fit: cover; }
.avatar.mark { background: var(--_soft); color: var(--_link); }
header .avatar { box-shadow: 0 0 0 2px color-mix(in srgb, var(--_accent-text) 70%, transparent); }
header .avatar.mark { background: color-mix(in srgb, var(--_accent-text) 20%, transparent); color: var(--_accent-text); }
${AVATAR_CSS}
.error { margin: 0; padding: 10px 16px; color: var(--_error); background: color-mix(in srgb, var(--_error) 10%, var(--_bg)); }

.list {
  flex: 1; min-block-size: 0; overflow-y: auto; overscroll-behavior: contain;
  margin: 0; padding: 12px 14px 8px; list-style: none; display: flex; flex-direction: column; gap: 2px;
}
.list:focus-visible { outline-offset: -3px; }
/* A short conversation sits at the bottom, next to the composer, as in any messenger. */
.list > :first-child { margin-block-start: auto; }
/* Off screen, a message is skipped (no layout, no paint) at the size it was last drawn at, never shrunk to it; what
   reaches past it (a focus ring, a failed message's outline) is not clipped by the containment that comes with it. */
.msg { display: flex; gap: 8px; align-items: start; max-inline-size: 85%; flex: none; content-visibility: auto; contain-intrinsic-size: auto 40px; overflow-clip-margin: 6px; }
.msg.start { margin-block-start: 10px; }
.body { display: flex; flex-direction: column; align-items: start; min-inline-size: 0; max-inline-size: 100%; }
.name { font-size: 0.8em; color: var(--_muted); margin-block-end: 2px; max-inline-size: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bubble {
  margin: 0; padding: 8px 12px; border-radius: 18px; background: var(--_soft);
  white-space: pre-wrap; overflow-wrap: anywhere; max-inline-size: 100%;
}
.agent:not(.start), .bot:not(.start) { padding-inline-start: 36px; }
.agent .bubble, .bot .bubble { border-start-start-radius: 6px; border-end-start-radius: 6px; }
.agent.start .bubble, .bot.start .bubble { border-start-start-radius: 18px; }
.customer { align-self: flex-end; }
.customer .body { align-items: flex-end; }
.customer .bubble { background: var(--_accent); color: var(--_accent-text); border-start-end-radius: 6px; border-end-end-radius: 6px; }
.customer.start .bubble { border-start-end-radius: 18px; }
.system { align-self: center; max-inline-size: 92%; margin-block: 8px; }
.system .body { align-items: center; text-align: center; }
.system .bubble { background: transparent; color: var(--_muted); padding: 0; font-size: 0.85em; }
.pending .bubble { opacity: 0.7; }
.failed .bubble { outline: 2px solid var(--_error); outline-offset: 1px; }
.foot { margin: 2px 4px 0; font-size: 0.75em; color: var(--_muted); display: flex; align-items: center; gap: 4px; }
.foot.failure { color: var(--_error); font-weight: 600; }
.foot.failure .ico { inline-size: 14px; block-size: 14px; }
.sep { display: flex; align-items: center; gap: 10px; margin-block: 12px 4px; font-size: 0.75em; font-weight: 600; color: var(--_muted); }
.sep::before, .sep::after { content: ''; flex: 1; border-block-start: 1px solid var(--_hair); }
.sep.unread { color: var(--_link); }
.sep.unread::before, .sep.unread::after { border-color: currentColor; }
.sep.ended { margin-block: 16px 8px; }

.typing { display: flex; align-items: center; gap: 8px; margin: 0; padding: 0 14px 8px; color: var(--_muted); font-size: 0.85em; }
.dots { display: inline-flex; gap: 4px; padding: 10px 12px; border-radius: 18px; background: var(--_soft); }
.dots i { inline-size: 6px; block-size: 6px; border-radius: 50%; background: var(--_muted); opacity: 0.5; }
@media (prefers-reduced-motion: no-preference) {
  button { transition: background-color 0.15s, filter 0.15s, transform 0.1s; }
  .dots i { animation: cw-dot 1.2s infinite ease-in-out; }
  .dots i:nth-child(2) { animation-delay: 0.15s; }
  .dots i:nth-child(3) { animation-delay: 0.3s; }
  .confirm { animation: cw-rise 0.18s ease-out; }
}
@keyframes cw-dot { 0%, 60%, 100% { transform: none; opacity: 0.5; } 30% { transform: translateY(-4px); opacity: 1; } }
@keyframes cw-rise { from { transform: translateY(12px); opacity: 0; } }
.notice { margin: 0; padding: 6px 16px; color: var(--_error); background: var(--_bg); font-size: 0.9em; }

footer { flex: none; padding: 8px 12px 12px; border-block-start: 1px solid var(--_hair); }
.field {
  display: flex; align-items: flex-end; gap: 2px; padding: 3px; padding-inline-start: 14px;
  border: 1px solid var(--_line); border-radius: 22px; background: var(--_bg);
}
.field:has(textarea:focus) { border-color: var(--_link); box-shadow: 0 0 0 1px var(--_link); }
textarea {
  flex: 1; align-self: center; resize: none; field-sizing: content; min-block-size: 1.45em; max-block-size: 8em;
  margin: 0; padding: 6px 0; background: transparent; border: 0; overflow-y: auto;
}
textarea:focus-visible { outline: none; }
.count { margin: 0 8px 6px; font-size: 0.75em; color: var(--_muted); text-align: end; }
.count.over { color: var(--_error); font-weight: 600; }
button.send { color: var(--_accent-text); }
button.send:hover:not(:disabled) { background: var(--_accent); }
footer.end { display: flex; flex-direction: column; gap: 8px; }

.scrim { position: absolute; inset: 0; background: rgb(0 0 0 / 35%); z-index: 1; }
.confirm {
  position: absolute; inset-inline: 12px; inset-block-end: 12px; z-index: 2; padding: 20px 16px 16px;
  background: var(--_bg); border-radius: var(--_radius); box-shadow: 0 8px 32px rgb(0 0 0 / 30%);
}
.confirm p { margin: 0 0 16px; font-weight: 650; font-size: 1.05em; text-align: center; }
.confirm .actions { display: flex; gap: 8px; }
.confirm .actions button { flex: 1; }
.drop {
  position: absolute; inset: 8px; z-index: 3; display: grid; place-items: center; pointer-events: none;
  border: 2px dashed var(--_link); border-radius: var(--_radius);
  background: color-mix(in srgb, var(--_accent) 12%, var(--_bg)); color: var(--_link); font-weight: 650;
}
.drop p { display: flex; align-items: center; gap: 8px; margin: 0; }
` + CONTENT_CSS;
