import { PHONE_MEDIA } from './chat-panel.styles';

/**
 * Where the panel's host element sits on the page, for everything shown in it (the chat panel, the pre-chat
 * form); the panel itself only styles its content. Logical insets, so a right-to-left page or `dir="rtl"` on
 * the host puts it bottom left; an instance `theme.position` overrides them with inline `left`/`right`.
 * On a phone (portrait or landscape) it takes the whole dynamic viewport, above the theme's inline position
 * (`!important` from the shadow tree wins over the page's inline style), so the header is never clipped.
 */
export const PANEL_HOST_CSS = `:host { all: initial; position: fixed; inset-block-end: 20px; inset-inline-end: 20px; z-index: 2147483000;
  inline-size: min(380px, calc(100vw - 40px)); }
:host([hidden]) { display: none; }
@media ${PHONE_MEDIA} {
  :host { inset: 0 !important; inline-size: auto; --cw-height: 100dvh; }
}`;
