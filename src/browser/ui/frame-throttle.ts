export interface FrameThrottle<T> {
  /** Runs `value` now if no run happened this frame; otherwise keeps it (replacing any kept) for the next frame. */
  push(value: T): void;
  /** Drops a kept value and the pending frame; nothing runs after this. */
  cancel(): void;
}

/**
 * At most one `run` per animation frame, always ending on the latest value. The first value in a quiet frame
 * runs at once, so a lone update shows without waiting for a frame.
 */
export function createFrameThrottle<T>(win: Window, run: (value: T) => void): FrameThrottle<T> {
  /** The pending frame request's id (never 0: ids start at 1), if any. */
  let frame: number | undefined;
  let deferred: { value: T } | undefined;
  let cancelled = false;

  const runNow = (value: T) => {
    frame = win.requestAnimationFrame(() => {
      frame = undefined;
      if (!deferred || cancelled) return;
      const latest = deferred.value;
      deferred = undefined;
      runNow(latest);
    });
    run(value);
  };

  return {
    push(value) {
      if (cancelled) return;
      if (!frame) runNow(value);
      else deferred = { value };
    },
    cancel() {
      cancelled = true;
      deferred = undefined;
      if (frame) win.cancelAnimationFrame(frame);
    },
  };
}
