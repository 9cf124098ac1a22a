import { safeHref } from './rich-text';
import type { CardElement, CardImage, CarouselContent, InteractiveTemplate, PickerContent, TimePickerContent, TimeSlot } from './interactive.types';

/** Amazon Connect's own limits (SendMessage takes templates up to 20 KB) and the hosted widget's per-field ones. */
export const TEMPLATE_LIMITS = {
  templateChars: 20 * 1024,
  /** Titles and subtitles of cards and options are shown up to this; longer ones end in "…". */
  titleChars: 400,
  quickReplyChars: 200,
  /** What SendMessage accepts as text/plain: an option's title is sent back up to this. */
  replyChars: 1024,
  elements: 10,
  carouselCards: 5,
  timeslots: 40,
} as const;

/** A template checked and reduced to the fields we draw; `truncated` when something was cut or dropped. */
export interface ParsedTemplate {
  template: InteractiveTemplate;
  /** The card in plain words (its title): the live region and the transcript download. */
  text: string;
  truncated: boolean;
}

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads one template's fields, noting anything over a limit. */
function createReader() {
  let truncated = false;
  const string = (value: unknown, max: number): string | undefined => {
    if (typeof value !== 'string') return undefined;
    if (value.length > max) truncated = true;
    return value.slice(0, max);
  };
  const list = (value: unknown, max: number): unknown[] => {
    if (!Array.isArray(value)) return [];
    if (value.length > max) truncated = true;
    return value.slice(0, max);
  };
  const image = (from: Json): CardImage | undefined => {
    const url = typeof from.imageData === 'string' ? safeHref(from.imageData) : undefined;
    // Only https pictures: no mixed content, no tracking over plain http, no data: URLs.
    if (!url?.startsWith('https:')) return undefined;
    return { url, alt: string(from.imageDescription, TEMPLATE_LIMITS.titleChars) ?? '' };
  };
  const element = (value: unknown, titleChars: number): CardElement | undefined => {
    if (!isObject(value)) return undefined;
    const title = string(value.title, TEMPLATE_LIMITS.replyChars);
    if (title === undefined) return undefined;
    if (title.length > titleChars) truncated = true;
    const subtitle = string(value.subtitle, TEMPLATE_LIMITS.titleChars);
    const picture = image(value);
    const url = value.type === 'hyperlink' && typeof value.url === 'string' ? safeHref(value.url) : undefined;
    return { title, ...(subtitle ? { subtitle } : {}), ...(picture ? { image: picture } : {}), ...(url ? { url } : {}) };
  };
  const picker = (content: Json, titleChars: number = TEMPLATE_LIMITS.titleChars): PickerContent => {
    const subtitle = string(content.subtitle, TEMPLATE_LIMITS.titleChars);
    const picture = image(content);
    const elements = list(content.elements, TEMPLATE_LIMITS.elements)
      .map((value) => element(value, titleChars))
      .filter((value): value is CardElement => value !== undefined);
    return { title: string(content.title, TEMPLATE_LIMITS.titleChars) ?? '', ...(subtitle ? { subtitle } : {}), ...(picture ? { image: picture } : {}), elements };
  };
  const timePicker = (content: Json): TimePickerContent => {
    const timeslots = list(content.timeslots, TEMPLATE_LIMITS.timeslots).flatMap((slot): TimeSlot[] => {
      if (!isObject(slot) || typeof slot.date !== 'string' || slot.date.length > 64 || Number.isNaN(Date.parse(slot.date))) return [];
      return [{ date: slot.date, ...(typeof slot.duration === 'number' && slot.duration > 0 ? { duration: slot.duration } : {}) }];
    });
    const subtitle = string(content.subtitle, TEMPLATE_LIMITS.titleChars);
    return { title: string(content.title, TEMPLATE_LIMITS.titleChars) ?? '', ...(subtitle ? { subtitle } : {}), timeslots };
  };
  const carousel = (content: Json): CarouselContent => ({
    title: string(content.title, TEMPLATE_LIMITS.titleChars) ?? '',
    cards: list(content.elements, TEMPLATE_LIMITS.carouselCards).flatMap((card) => {
      if (!isObject(card) || !isObject(card.data) || !isObject(card.data.content)) return [];
      if (card.templateType !== 'ListPicker' && card.templateType !== 'Panel') return [];
      return [{ templateIdentifier: string(card.templateIdentifier, 256) ?? '', templateType: card.templateType, content: picker(card.data.content) }];
    }),
  });
  return { picker, timePicker, carousel, truncated: () => truncated };
}

/** The plain words of a checked template: its title, else its subtitle, its options, or its first card's title. */
function plainWords(templateType: string, content: Json): string {
  if (templateType === 'Carousel') return (content as unknown as CarouselContent).title || ((content as unknown as CarouselContent).cards[0]?.content.title ?? '');
  const { title, subtitle, elements = [] } = content as Partial<PickerContent>;
  return title || subtitle || elements.map((element) => element.title).join(', ');
}

/**
 * Parses and checks an interactive message's `Content` once: undefined when it is not a template at all (bad
 * JSON, over 20 KB, no `templateType`). Known templates keep only the fields we draw, cut to the limits; an unknown
 * template (ViewResource, a newer kind) keeps its title and subtitle, so something is always shown.
 */
export function parseTemplate(json: string): ParsedTemplate | undefined {
  if (json.length > TEMPLATE_LIMITS.templateChars) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!isObject(raw) || typeof raw.templateType !== 'string' || raw.templateType.length > 64) return undefined;
  const source = isObject(raw.data) && isObject(raw.data.content) ? raw.data.content : {};
  const read = createReader();
  const { templateType } = raw;
  let content: Json;
  switch (templateType) {
    case 'ListPicker':
    case 'Panel':
      content = { ...read.picker(source) };
      break;
    case 'QuickReply':
      content = { ...read.picker(source, TEMPLATE_LIMITS.quickReplyChars) };
      break;
    case 'TimePicker':
      content = { ...read.timePicker(source) };
      break;
    case 'Carousel':
      content = { ...read.carousel(source) };
      break;
    default:
      content = { ...read.picker({ title: source.title, subtitle: source.subtitle }) };
  }
  const version = typeof raw.version === 'string' ? raw.version.slice(0, 16) : '1.0';
  return { template: { templateType, version, data: { content } }, text: plainWords(templateType, content), truncated: read.truncated() };
}

/** What a Carousel card's option sends back: Amazon Connect's hosted widget sends this JSON as text/plain. */
export function carouselReply(templateIdentifier: string, listTitle: string, selectionText: string): string {
  return JSON.stringify({ templateIdentifier, listTitle, selectionText });
}

/**
 * What the customer's Carousel pick says in words ("California – Book flights", as the hosted widget shows it),
 * or undefined when `text` is not such a reply.
 */
export function carouselReplyWords(text: string): string | undefined {
  if (!text.startsWith('{"templateIdentifier"')) return undefined;
  try {
    const reply = JSON.parse(text) as { listTitle?: unknown; selectionText?: unknown };
    if (typeof reply.listTitle === 'string' && typeof reply.selectionText === 'string') return `${reply.listTitle} – ${reply.selectionText}`;
  } catch {
    // Not JSON after all: the customer's words as they are.
  }
  return undefined;
}

/** `text` cut to `max` characters, ending in "…" when cut. */
export const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
