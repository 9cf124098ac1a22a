/** Within this distance of the bottom, the reader is following along and new messages scroll into view. */
const NEAR_BOTTOM_PX = 48;

/** True when `list` is absent (nothing shown yet) or scrolled to (near) its bottom. */
export function isFollowing(list: HTMLElement | null): boolean {
  return !list || list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_BOTTOM_PX;
}

export function scrollToEnd(list: HTMLElement | null): void {
  if (list) list.scrollTop = list.scrollHeight;
}

/** The list has a box: it can be measured and scrolled (not inside a hidden panel). */
export const isLaidOut = (list: HTMLElement | null): list is HTMLElement => !!list && list.clientHeight > 0;

export interface ScrollFollow {
  /** Whether new messages should scroll into view: the reader's last known place, not a measure of a hidden list. */
  readonly following: boolean;
  /** Before a render: reads where the reader is, if the list can be measured (a scroll event may not have arrived yet). */
  measure(): void;
  /** After a render: keeps the bottom in view if the reader follows (or `force`), when the list can be measured. */
  settle(force: boolean): void;
  stop(): void;
}

/**
 * Remembers whether the reader follows the conversation (from their scrolling, and measured before each render)
 * and keeps the end in view for them. A hidden panel (minimised) has no layout: measuring it would read "at the bottom" or "at the
 * top" by accident, and scrolling it does nothing. So the list is watched for getting a box again; then it is
 * scrolled to `revealTarget()` (the "New messages" divider) or, for a follower, to the end.
 */
export function followScroll(list: () => HTMLElement | null, revealTarget: () => HTMLElement | null): ScrollFollow {
  let following = true;
  let watched: HTMLElement | null = null;
  let hidden = true;

  const onScroll = () => {
    const element = list();
    if (isLaidOut(element)) following = isFollowing(element);
  };
  const reveal = () => {
    const element = list();
    if (!isLaidOut(element)) return;
    const target = revealTarget();
    // The divider at the top; when what follows it is shorter than the list, the scroll stops at the end anyway.
    if (target) element.scrollTop += target.getBoundingClientRect().top - element.getBoundingClientRect().top - 8;
    else if (following) scrollToEnd(element);
    following = isFollowing(element);
  };
  const resizes = new ResizeObserver(() => {
    const nowHidden = !isLaidOut(list());
    if (hidden && !nowHidden) reveal();
    hidden = nowHidden;
  });
  /**
   * The last row: a message is skipped at a placeholder size until it is first drawn, in the frame's rendering after
   * `settle` scrolled; when it gets its real size (or changes size), the end has moved.
   */
  const lastRow = new ResizeObserver(() => following && scrollToEnd(list()));
  /** The list element is created on the first render and kept; watch it once it exists. */
  const watch = () => {
    const element = list();
    if (element === watched) return;
    watched?.removeEventListener('scroll', onScroll);
    if (watched) resizes.unobserve(watched);
    watched = element;
    if (!element) return;
    element.addEventListener('scroll', onScroll, { passive: true });
    resizes.observe(element);
  };

  return {
    get following() {
      return following;
    },
    measure: onScroll,
    settle(force) {
      watch();
      const element = list();
      const last = element?.lastElementChild;
      lastRow.disconnect();
      if (last) lastRow.observe(last);
      if (!isLaidOut(element)) {
        hidden = true;
        return;
      }
      if (following || force) scrollToEnd(element);
      following = isFollowing(element);
    },
    stop() {
      resizes.disconnect();
      lastRow.disconnect();
      watched?.removeEventListener('scroll', onScroll);
      watched = null;
    },
  };
}
