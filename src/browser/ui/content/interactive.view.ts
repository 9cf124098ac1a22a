import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { PanelMessage } from '../chat-panel.types';
import type { CardElement, CardImage, CarouselContent, InteractiveTemplate, PickerContent, TimePickerContent } from './interactive.types';
import { carouselReply, clip, TEMPLATE_LIMITS } from './interactive-template';
import type { ContentContext } from './content.types';
import { link, plainText } from './rich-text.view';

const { titleChars, quickReplyChars } = TEMPLATE_LIMITS;

const picture = (image: CardImage | undefined, className: string) =>
  image ? html`<img class=${className} src=${image.url} alt=${image.alt} loading="lazy" referrerpolicy="no-referrer">` : nothing;

/** A card's title and subtitle (URLs in them are links) and its picture. */
const cardHeader = (content: { title: string; subtitle?: string; image?: CardImage }) => html`${picture(content.image, 'cw-card-img')}${
  content.title ? html`<p class="cw-card-title">${plainText(clip(content.title, titleChars))}</p>` : nothing}${
  content.subtitle ? html`<p class="cw-card-sub">${plainText(clip(content.subtitle, titleChars))}</p>` : nothing}`;

/** One option: a real button that sends its title, or a link for a hyperlink element. */
function option(element: CardElement, reply: (title: string) => void, disabled: boolean, titleMax: number): TemplateResult {
  const title = clip(element.title, titleMax);
  if (element.url) return html`<li>${link(element.url, title)}</li>`;
  return html`<li><button type="button" class="cw-option" ?disabled=${disabled} @click=${() => reply(element.title)}>${picture(element.image, 'cw-option-img')}<span>${title}</span>${
    element.subtitle ? html`<small>${clip(element.subtitle, titleChars)}</small>` : nothing}</button></li>`;
}

/** ListPicker, Panel and QuickReply: a labelled group of buttons. */
function picker(content: PickerContent, kind: string, reply: (title: string) => void, disabled: boolean): TemplateResult {
  const titleMax = kind === 'QuickReply' ? quickReplyChars : titleChars;
  return html`<div class="cw-card cw-${kind.toLowerCase()}" dir="auto" role="group" aria-label=${content.title ? clip(content.title, titleChars) : nothing}>${cardHeader(content)}${
    content.elements.length ? html`<ul class="cw-options">${content.elements.map((element) => option(element, reply, disabled, titleMax))}</ul>` : nothing}</div>`;
}

/** TimePicker: the slots as radio buttons grouped by day (in the visitor's locale and time zone), then Confirm. */
function timePicker(content: TimePickerContent, message: PanelMessage, context: ContentContext): TemplateResult {
  const disabled = Boolean(message.answered);
  const name = `cw-slot-${message.id}`;
  const days = new Map<string, TemplateResult[]>();
  const minutes = new Intl.NumberFormat(undefined, { style: 'unit', unit: 'minute', unitDisplay: 'short' });
  for (const slot of content.timeslots) {
    const date = new Date(slot.date);
    const day = date.toLocaleDateString(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
    const time = date.toLocaleTimeString(undefined, { hour: 'numeric', minute: '2-digit' });
    const slots = days.get(day) ?? days.set(day, []).get(day)!;
    slots.push(html`<label class="cw-slot"><input type="radio" name=${name} .value=${slot.date} ?disabled=${disabled}><span>${time}${
      slot.duration ? html` <small>(${minutes.format(slot.duration)})</small>` : nothing}</span></label>`);
  }
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const chosen = (form.elements.namedItem(name) as RadioNodeList | HTMLInputElement | null)?.value;
    if (chosen && !message.answered) context.callbacks.pick(message.id, chosen);
  };
  return html`<form class="cw-card cw-timepicker" dir="auto" aria-label=${content.title ? clip(content.title, titleChars) : nothing} @submit=${submit}>${cardHeader(content)}${
    [...days].map(([day, slots]) => html`<fieldset><legend>${day}</legend>${slots}</fieldset>`)}<button type="submit" class="cw-confirm" ?disabled=${disabled}>${context.text.contentConfirm}</button></form>`;
}

/** Shows the card `step` away from the one shown (wrapping round); the slides' live region reads it out. */
function turn(event: Event, step: number): void {
  const slides = [...((event.currentTarget as Element).closest('.cw-carousel')?.querySelectorAll<HTMLElement>('.cw-slide') ?? [])];
  const shown = Math.max(0, slides.findIndex((slide) => !slide.hidden));
  const next = (shown + step + slides.length) % slides.length;
  slides.forEach((slide, index) => (slide.hidden = index !== next));
}

/** Carousel: a labelled region showing one card at a time, with Previous and Next. */
function carousel(content: CarouselContent, message: PanelMessage, context: ContentContext): TemplateResult {
  const t = context.text;
  const count = content.cards.length;
  const disabled = Boolean(message.answered);
  const slides = content.cards.map((card, index) => {
    const label = t.contentSlide.replace('{index}', String(index + 1)).replace('{count}', String(count));
    const reply = (title: string) => context.callbacks.pick(message.id, carouselReply(card.templateIdentifier, card.content.title, title));
    return html`<div class="cw-slide" role="group" aria-roledescription="slide" aria-label=${label} ?hidden=${index > 0}>${count > 1 ? html`<p class="cw-slide-count" aria-hidden="true">${label}</p>` : nothing}${picker(card.content, card.templateType, reply, disabled)}</div>`;
  });
  const nav = count > 1
    ? html`<div class="cw-nav"><button type="button" class="cw-prev" @click=${(e: Event) => turn(e, -1)}>${t.contentPrevious}</button><button type="button" class="cw-next" @click=${(e: Event) => turn(e, 1)}>${t.contentNext}</button></div>`
    : nothing;
  const label = clip(content.title || content.cards[0]?.content.title || '', titleChars);
  return html`<section class="cw-carousel" dir="auto" role="region" aria-roledescription="carousel" aria-label=${label || nothing}>${
    content.title ? html`<p class="cw-card-title">${plainText(clip(content.title, titleChars))}</p>` : nothing}<div class="cw-slides" aria-live="polite">${slides}</div>${nav}</section>`;
}

/** An interactive message's card; one already answered is shown with its options disabled. */
export function interactiveCard(message: PanelMessage, template: InteractiveTemplate, context: ContentContext): TemplateResult {
  const content = template.data.content;
  const disabled = Boolean(message.answered);
  const reply = (title: string) => {
    if (!message.answered) context.callbacks.pick(message.id, title);
  };
  switch (template.templateType) {
    case 'ListPicker':
    case 'Panel':
    case 'QuickReply':
      return picker(content as unknown as PickerContent, template.templateType, reply, disabled);
    case 'TimePicker':
      return timePicker(content as unknown as TimePickerContent, message, context);
    case 'Carousel':
      return carousel(content as unknown as CarouselContent, message, context);
    default: {
      // A kind we do not draw (ViewResource, a newer template): its words, or a sentence saying it cannot be shown.
      const known = content as unknown as PickerContent;
      return known.title || known.subtitle ? html`<div class="cw-card" dir="auto">${cardHeader(known)}</div>` : html`${context.text.contentUnreadable}`;
    }
  }
}
