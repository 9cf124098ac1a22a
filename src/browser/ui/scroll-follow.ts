/** Within this distance of the bottom, the reader is following along and new messages scroll into view. */
const NEAR_BOTTOM_PX = 48;

/** True when `list` is absent (nothing shown yet) or scrolled to (near) its bottom. */
export function isFollowing(list: HTMLElement | null): boolean {
  return !list || list.scrollHeight - list.scrollTop - list.clientHeight <= NEAR_BOTTOM_PX;
}

export function scrollToEnd(list: HTMLElement | null): void {
  if (list) list.scrollTop = list.scrollHeight;
}
