/**
 * Styles for what is inside a bubble (Markdown, links, cards, files), appended to the panel's stylesheet. They use
 * the panel's private properties (`--_text`, `--_bg`, `--_muted`, `--_line`, `--_accent`, `--_radius`), so the
 * dark theme follows; only logical properties, so `dir="rtl"` mirrors them.
 */
export const CONTENT_CSS = `
.cw-md, .cw-card, .cw-carousel, .cw-file { white-space: normal; }
.cw-md > * { margin: 0; }
.cw-md > * + * { margin-block-start: 0.5em; }
.cw-md ul, .cw-md ol { padding-inline-start: 1.4em; }
.bubble a { color: inherit; text-decoration: underline; }
.bubble code { font-family: ui-monospace, Consolas, monospace; font-size: 0.9em; padding: 0 0.25em; border-radius: 4px; background: color-mix(in srgb, currentColor 12%, transparent); }
.bubble pre { padding: 8px; overflow-x: auto; white-space: pre; border-radius: 6px; background: color-mix(in srgb, currentColor 8%, transparent); }
.bubble pre code { padding: 0; background: none; }
.cw-card, .cw-carousel { display: flex; flex-direction: column; gap: 6px; min-inline-size: min(16em, 100%); }
.cw-card-title { margin: 0; font-weight: 650; }
.cw-card-sub { margin: 0; color: var(--_muted); font-size: 0.9em; }
.cw-card-img, .cw-thumb { display: block; max-inline-size: 100%; max-block-size: 10em; object-fit: cover; border-radius: calc(var(--_radius) / 2); }
.cw-options { display: flex; flex-direction: column; gap: 6px; margin: 0; padding: 0; list-style: none; }
.cw-quickreply .cw-options { flex-flow: row wrap; }
.cw-option, .cw-file-open, .cw-slot { color: var(--_text); background: var(--_bg); }
.cw-option { display: flex; flex-wrap: wrap; align-items: center; justify-content: start; gap: 2px 8px; inline-size: 100%; text-align: start;
  border: 1px solid var(--_line); border-radius: calc(var(--_radius) * 0.75); }
.cw-option:hover:not(:disabled) { border-color: var(--_accent); }
.cw-quickreply .cw-option { justify-content: center; inline-size: auto; border-radius: 999px; }
.cw-slide-count { margin: 0; font-size: 0.8em; color: var(--_muted); }
.cw-option small { flex-basis: 100%; font-weight: 400; color: var(--_muted); }
.cw-option-img { inline-size: 2.5em; block-size: 2.5em; object-fit: cover; border-radius: 4px; }
.bubble button:disabled, .bubble input:disabled + span { cursor: default; opacity: 0.6; }
.cw-timepicker fieldset { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; border: 0; }
.cw-timepicker legend { padding: 0; margin-block-end: 4px; font-weight: 600; font-size: 0.9em; }
.cw-slot { display: inline-flex; align-items: center; gap: 4px; padding: 4px 10px; border: 1px solid var(--_line); border-radius: 999px; cursor: pointer; }
.cw-slot:has(:checked) { border-color: var(--_accent); box-shadow: inset 0 0 0 1px var(--_accent); }
.cw-slot:has(:focus-visible) { outline: 3px solid var(--_accent); outline-offset: 2px; }
.cw-slot input { margin: 0; accent-color: var(--_accent); }
.cw-confirm { align-self: start; background: var(--_accent); color: var(--_accent-text); border-color: var(--_accent); }
.cw-slide[hidden] { display: none; }
.cw-nav { display: flex; justify-content: space-between; gap: 8px; }
.cw-file { display: flex; flex-direction: column; gap: 4px; min-inline-size: min(12em, 100%); }
.cw-file-open, .cw-file-box { display: flex; flex-direction: column; align-items: start; gap: 6px; inline-size: 100%; text-align: start; font-weight: inherit; }
.cw-file-open { padding: 8px 12px; border: 1px solid var(--_line); border-radius: calc(var(--_radius) * 0.75); }
.cw-file-open:has(.cw-thumb) { padding: 4px 4px 8px; }
.cw-file-open:has(.cw-thumb) .cw-file-name { padding-inline: 8px; }
.cw-file-name { font-weight: 600; overflow-wrap: anywhere; }
/* A document glyph in CSS: no icon font, no bytes of SVG in the chunk. */
.cw-file-name::before { content: ""; display: inline-block; inline-size: 0.7em; block-size: 0.9em; margin-inline-end: 0.45em; vertical-align: -0.05em;
  border: 2px solid currentColor; border-radius: 2px; border-start-end-radius: 5px; opacity: 0.7; }
.cw-thumb { inline-size: 100%; }
.cw-file-meta, .cw-file-status { font-size: 0.85em; color: var(--_muted); }
.customer .cw-file-meta, .customer .cw-file-status { color: inherit; }
.cw-rejected .cw-file-name { text-decoration: line-through; }
.cw-rejected .cw-file-status { font-weight: 600; }
.cw-file progress { inline-size: 100%; accent-color: var(--_accent); }
`;
