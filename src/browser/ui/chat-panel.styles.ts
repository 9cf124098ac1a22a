import { CONTENT_CSS } from './content/content.styles';

/**
 * The chat panel's stylesheet. Applied as a constructable stylesheet (no `<style>` element, no inline
 * `style=""`), so it works under `style-src 'self'` without `'unsafe-inline'`.
 *
 * Theming: set these custom properties on the host element or any ancestor (they inherit into the shadow
 * tree). Every default passes WCAG AA contrast against the defaults it is paired with.
 * - `--cw-accent` (`#0b57d0`) send button and customer bubbles; `--cw-accent-text` (`#ffffff`) text on it.
 * - `--cw-bg` (`#ffffff`) panel background; `--cw-text` (`#1f2328`) its text. Muted text, the agent bubble
 *   and borders are mixed from these two, so a dark theme only needs these two.
 * - `--cw-radius` (`12px`) corner radius; `--cw-font` (`system-ui, sans-serif`) font family.
 * - `--cw-height` (`min(36rem, 100dvh)`) the panel's height, e.g. `100%` when the host element is sized.
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
  --_muted: color-mix(in srgb, var(--_text) 76%, var(--_bg));
  --_line: color-mix(in srgb, var(--_text) 62%, var(--_bg));
  --_soft: color-mix(in srgb, var(--_text) 7%, var(--_bg));
  --_error: #b3261e;
  --_radius: var(--cw-radius, 12px);
  box-sizing: border-box; display: flex; flex-direction: column;
  block-size: var(--cw-height, min(36rem, 100dvh)); inline-size: 100%;
  background: var(--_bg); color: var(--_text);
  font: 400 max(15px, 0.9375rem)/1.45 var(--cw-font, system-ui, sans-serif);
  text-align: start; letter-spacing: normal; word-spacing: normal; text-transform: none;
  border: 1px solid var(--_line); border-radius: var(--_radius); overflow: hidden;
}
.panel *, .panel *::before, .panel *::after { box-sizing: inherit; }
.panel:focus { outline: none; }
.vh {
  position: absolute; inline-size: 1px; block-size: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip-path: inset(50%); white-space: nowrap;
}
header { display: flex; align-items: center; gap: 8px; padding: 10px 12px; border-block-end: 1px solid var(--_line); }
h2 { flex: 1; margin: 0; font-size: 1.05em; font-weight: 650; }
button, textarea { font: inherit; color: inherit; }
button {
  cursor: pointer; border-radius: calc(var(--_radius) / 2); padding: 6px 12px;
  background: transparent; border: 1px solid var(--_line); font-weight: 600;
}
button.primary { background: var(--_accent); color: var(--_accent-text); border-color: var(--_accent); }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
.status { margin: 0; padding: 6px 12px; color: var(--_muted); font-size: 0.9em; }
.list {
  flex: 1; min-block-size: 0; overflow-y: auto; overscroll-behavior: contain;
  margin: 0; padding: 8px 12px; list-style: none; display: flex; flex-direction: column; gap: 10px;
}
.list:focus-visible { outline-offset: -3px; }
.msg { display: flex; flex-direction: column; align-items: flex-start; max-inline-size: 85%; }
.name { font-size: 0.8em; color: var(--_muted); margin-block-end: 2px; }
.bubble {
  margin: 0; padding: 8px 12px; border-radius: var(--_radius); background: var(--_soft);
  white-space: pre-wrap; overflow-wrap: anywhere; max-inline-size: 100%;
}
.customer { align-self: flex-end; align-items: flex-end; }
.customer .bubble { background: var(--_accent); color: var(--_accent-text); border-end-end-radius: 4px; }
.agent .bubble { border-end-start-radius: 4px; }
.system { align-self: center; align-items: center; text-align: center; }
.system .bubble { background: transparent; color: var(--_muted); padding-block: 0; font-size: 0.9em; }
.pending .bubble { border: 1px dashed var(--_accent-text); }
.failed .bubble { outline: 2px solid var(--_error); outline-offset: 1px; }
.typing { margin: 0; padding: 0 12px 4px; color: var(--_muted); font-size: 0.9em; font-style: italic; }
.error { margin: 0; padding: 8px 12px; color: var(--_error); }
footer { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-block-start: 1px solid var(--_line); }
footer.end { justify-content: center; }
.confirm { display: flex; flex-wrap: wrap; align-items: center; justify-content: flex-end; gap: 8px; padding: 10px 12px; border-block-start: 1px solid var(--_line); }
.confirm p { flex: 1 0 100%; margin: 0; font-weight: 600; }
textarea {
  flex: 1; resize: none; field-sizing: content; min-block-size: 2.5em; max-block-size: 8em;
  padding: 7px 10px; background: var(--_bg); border: 1px solid var(--_line); border-radius: calc(var(--_radius) / 2);
}
.notice { margin: 0; padding: 6px 12px; color: #a50e0e; background: var(--_bg); }
` + CONTENT_CSS;
