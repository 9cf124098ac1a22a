/**
 * An interactive message's template as Amazon Connect sends it in `Content` (a JSON string) of an item with
 * ContentType `application/vnd.amazonaws.connect.message.interactive`. See
 * `../shared/reference/connect-rich-messaging.md` §1. Parsed and checked once, when the item arrives
 * (`interactive-template.ts`): `content` then holds only the fields below that were valid, in these shapes.
 */
export interface InteractiveTemplate {
  templateType: string;
  version: string;
  data: { content: Record<string, unknown>; replyMessage?: Record<string, unknown> };
}

/** A picture on a card or an option: https URLs only. */
export interface CardImage {
  url: string;
  /** `imageDescription`; empty when Amazon Connect gave none (the picture is then decoration). */
  alt: string;
}

/** One option of a ListPicker, Panel or QuickReply, or a link (`type: "hyperlink"`) that sends nothing. */
export interface CardElement {
  /** What is shown and, for an option, what is sent back (Lex matches it as the customer's words). */
  title: string;
  subtitle?: string;
  image?: CardImage;
  /** A hyperlink element's safe URL: drawn as a link, never sent. */
  url?: string;
}

/** ListPicker, Panel, QuickReply, and the unknown kinds (only `title`/`subtitle` are drawn for those). */
export interface PickerContent {
  title: string;
  subtitle?: string;
  image?: CardImage;
  elements: CardElement[];
}

export interface TimeSlot {
  /** As Amazon Connect sent it; sent back unchanged when picked. */
  date: string;
  /** Minutes. */
  duration?: number;
}

export interface TimePickerContent {
  title: string;
  subtitle?: string;
  timeslots: TimeSlot[];
}

/** A Carousel: its cards are whole ListPicker or Panel templates, each with its `templateIdentifier`. */
export interface CarouselContent {
  title: string;
  cards: { templateIdentifier: string; templateType: string; content: PickerContent }[];
}
