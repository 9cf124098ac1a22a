import type { LeaveMessageRequest, UiText } from '../config/instance-config.types';

/** The form's fields, as the backend takes them (`POST /api/messages`). */
export type LeftMessage = Omit<LeaveMessageRequest, 'instance'>;

export interface LeaveMessageFormOptions {
  document: Document;
  /** Where the button and the form go (the out-of-hours notice's shadow root). */
  root: ShadowRoot;
  text: UiText;
  /** Files the message; rejects when it was not filed (the form then offers to try again, keeping what was typed). */
  send(message: LeftMessage): Promise<void>;
}

/** The backend's limits (`leave-message-request.ts`), so the form never sends what it would refuse. */
const LIMITS = { name: 128, email: 254, phone: 32, message: 1000 } as const;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s().-]+$/;

export const LEAVE_MESSAGE_CSS = `.lm{display:block;margin-block-start:8px;font:inherit;padding:8px 14px;border:0;border-radius:var(--cw-radius,24px);background:var(--cw-accent,#0b57d0);color:var(--cw-accent-text,#fff);cursor:pointer}
form,.ok{width:280px;max-width:calc(100vw - 40px);box-sizing:border-box;margin:8px 0 0;padding:12px 16px;border:2px solid var(--cw-accent,#0b57d0);border-radius:12px;background:var(--cw-bg,#fff);color:var(--cw-text,#1f2328)}
form{max-height:calc(100vh - 160px);overflow:auto}
label{display:block;margin-block-start:8px;font-weight:600}
input,textarea{display:block;width:100%;box-sizing:border-box;margin-block-start:2px;font:inherit;padding:4px 6px;border:1px solid currentColor;border-radius:4px;background:transparent;color:inherit}
textarea{min-height:5em;resize:vertical}
small,.err{display:block;font-size:13px}
.err{color:#b3261e;font-weight:600}
form button{margin-block-start:10px;margin-inline-end:8px;font:inherit;padding:6px 12px;border-radius:6px;border:1px solid var(--cw-accent,#0b57d0);background:transparent;color:inherit;cursor:pointer}
form button[type=submit]{background:var(--cw-accent,#0b57d0);color:var(--cw-accent-text,#fff)}
@media (prefers-color-scheme:dark){form,.ok{background:var(--cw-bg,#1b1e23);color:var(--cw-text,#e8eaed)}.err{color:#ffb4ab}}`;

type FieldName = keyof typeof LIMITS;

/**
 * "Leave a message" under the out-of-hours notice: a button that opens a short form (name, email or phone,
 * message), checked as the backend checks it, each error tied to its field (`aria-describedby`,
 * `aria-invalid`) and the first bad field focused. Sent, it is replaced by the confirmation; refused, an alert
 * says so and everything typed stays for another try.
 */
export function mountLeaveMessageForm(options: LeaveMessageFormOptions): void {
  const { document: doc, text } = options;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: object = {}): HTMLElementTagNameMap[K] => Object.assign(doc.createElement(tag), props);
  const opener = make('button', { type: 'button', className: 'lm', textContent: text.leaveMessage });
  opener.setAttribute('aria-expanded', 'false');
  const form = make('form', { hidden: true, noValidate: true });
  form.setAttribute('aria-label', text.leaveMessage);
  const hint = make('small', { id: 'lm-hint', textContent: text.leaveMessageContactHint });
  const fields = {} as Record<FieldName, { input: HTMLInputElement | HTMLTextAreaElement; error: HTMLElement }>;
  const field = (name: FieldName, label: string, input: HTMLInputElement | HTMLTextAreaElement, describedBy = '') => {
    const error = make('span', { id: `lm-${name}-error`, className: 'err' });
    Object.assign(input, { name, id: `lm-${name}`, maxLength: LIMITS[name] });
    input.setAttribute('aria-describedby', `${describedBy} ${error.id}`.trim());
    form.append(make('label', { htmlFor: input.id, textContent: label }), input, error);
    fields[name] = { input, error };
  };
  field('name', text.leaveMessageName, make('input', { type: 'text', autocomplete: 'name', required: true }));
  form.append(hint);
  field('email', text.leaveMessageEmail, make('input', { type: 'email', autocomplete: 'email' }), hint.id);
  field('phone', text.leaveMessagePhone, make('input', { type: 'tel', autocomplete: 'tel' }), hint.id);
  field('message', text.leaveMessageBody, make('textarea', { required: true }));
  const failure = make('p', { className: 'err' });
  failure.setAttribute('role', 'alert');
  const submit = make('button', { type: 'submit', textContent: text.leaveMessageSend });
  const cancel = make('button', { type: 'button', textContent: text.leaveMessageCancel });
  form.append(failure, submit, cancel);
  const confirmation = make('p', { className: 'ok', hidden: true, textContent: text.leaveMessageSent });
  confirmation.setAttribute('role', 'status');
  confirmation.tabIndex = -1;
  // After the notice, in reading order: the button, then the form it opens (or the confirmation).
  options.root.append(opener, form, confirmation);

  const openForm = (open: boolean) => {
    form.hidden = !open;
    opener.setAttribute('aria-expanded', String(open));
    (open ? fields.name.input : opener).focus();
  };
  opener.addEventListener('click', () => openForm(form.hidden !== false));
  cancel.addEventListener('click', () => openForm(false));
  // Escape closes the form as Cancel does (what was typed stays for the next opening).
  form.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.isComposing) return;
    event.stopPropagation();
    openForm(false);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void sendForm();
  });

  async function sendForm(): Promise<void> {
    const values = Object.fromEntries(Object.entries(fields).map(([name, { input }]) => [name, input.value.trim()])) as Record<FieldName, string>;
    const problems = problemsOf(values, text);
    for (const [name, { input, error }] of Object.entries(fields) as Array<[FieldName, (typeof fields)[FieldName]]>) {
      error.textContent = problems[name] ?? '';
      if (problems[name]) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const firstBad = (Object.keys(fields) as FieldName[]).find((name) => problems[name]);
    failure.textContent = '';
    if (firstBad) return fields[firstBad].input.focus();
    submit.disabled = true;
    try {
      await options.send({ name: values.name, message: values.message, ...(values.email ? { email: values.email } : {}), ...(values.phone ? { phone: values.phone } : {}) });
      form.hidden = true;
      opener.hidden = true;
      confirmation.hidden = false;
      confirmation.focus();
    } catch {
      failure.textContent = text.leaveMessageFailed;
    } finally {
      submit.disabled = false;
    }
  }
}

/** What is wrong with each field, in the customer's words; the contact error goes on the email field. */
function problemsOf(values: Record<FieldName, string>, text: UiText): Partial<Record<FieldName, string>> {
  const problems: Partial<Record<FieldName, string>> = {};
  if (!values.name) problems.name = text.leaveMessageNameMissing;
  if (values.email && !EMAIL.test(values.email)) problems.email = text.leaveMessageEmailInvalid;
  if (values.phone && !(PHONE.test(values.phone) && values.phone.replace(/\D/g, '').length >= 6)) problems.phone = text.leaveMessagePhoneInvalid;
  if (!values.email && !values.phone) problems.email = text.leaveMessageContactMissing;
  if (!values.message) problems.message = text.leaveMessageBodyMissing;
  return problems;
}
