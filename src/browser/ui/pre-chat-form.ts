import { html, render } from 'lit/html.js';
import type { PreChatField, UiText } from '../config/instance-config.types';
import { adoptStyles } from './adopt-styles';
import { PANEL_CSS } from './chat-panel.styles';
import { PANEL_HOST_CSS } from './panel-host.styles';

export interface PreChatFormOptions {
  fields: readonly PreChatField[];
  text: Pick<UiText, 'title' | 'startChat' | 'cancel'>;
  /** Trimmed values by field name; empty optional fields are left out. */
  onSubmit(values: Record<string, string>): void;
  onCancel(): void;
  nonce?: string;
}

const FORM_CSS = `
form { display: grid; gap: 14px; padding: 16px; align-content: start; }
label { display: grid; gap: 4px; font-weight: 600; }
input { font: inherit; color: inherit; padding: 9px 12px; background: var(--_bg); border: 1px solid var(--_line);
  border-radius: calc(var(--_radius) / 1.5); }
input:focus-visible { outline: 2px solid var(--_link); outline-offset: 0; border-color: var(--_link); }
form { overflow-y: auto; flex: 1; }
.actions { display: flex; gap: 8px; justify-content: flex-end; }
header { min-block-size: 64px; }
/* A short form needs no full-height panel, except on a phone, where it has the screen to itself. */
@media (min-width: 481px) and (min-height: 481px) { .panel { block-size: auto; } }
`;

/**
 * The optional pre-chat form (name and the fields a site defines), in the panel's look and place. The browser's
 * own constraint validation (`required`, `type=email`, `maxlength`) names a missing or malformed field.
 */
export function mountPreChatForm(host: ShadowRoot, options: PreChatFormOptions) {
  const removeStyles = adoptStyles(host, PANEL_HOST_CSS + PANEL_CSS + FORM_CSS, options.nonce);
  const container = host.ownerDocument.createElement('div');
  host.append(container);
  const { text } = options;

  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const values: Record<string, string> = {};
    for (const field of options.fields) {
      const value = String(data.get(field.name) ?? '').trim();
      if (value) values[field.name] = value;
    }
    options.onSubmit(values);
  };
  const keydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') options.onCancel();
  };

  render(
    html`<section class="panel" aria-labelledby="cw-form-title" @keydown=${keydown}>
      <header><h2 id="cw-form-title">${text.title}</h2></header>
      <form @submit=${submit}>
        ${options.fields.map(
          (field) => html`<label>${field.label}
            <input name=${field.name} type=${field.type ?? 'text'} maxlength=${field.maxLength ?? 200} ?required=${field.required ?? false}
              autocomplete=${field.name === 'displayName' ? 'name' : field.type === 'email' ? 'email' : 'off'}>
          </label>`,
        )}
        <div class="actions">
          <button type="button" class="secondary" @click=${() => options.onCancel()}>${text.cancel}</button>
          <button type="submit" class="primary">${text.startChat}</button>
        </div>
      </form>
    </section>`,
    container,
  );
  container.querySelector('input')?.focus();

  return {
    destroy(): void {
      render(null, container);
      container.remove();
      removeStyles();
    },
  };
}
