/**
 * What leaves the page for an inspector, and what the visualizer shows, never includes a credential:
 * values under keys that look like one (`participantToken`, `connectionToken`, `secret`, `password`,
 * `credentials`, `authorization`) are replaced by {@link MASKED}. Applied twice: by the runtime's inspector
 * chunk before anything is posted, and by the visualizer before anything is drawn (another sender may not).
 */
export const MASKED = '•••• masked';

const SECRET_KEY = /token|secret|password|credential|authorization/i;

/** Nesting deeper than this is cut (inspection payloads are small; this only guards against abuse). */
const MAX_DEPTH = 32;

/**
 * A copy of `value` with every secret-looking key's value replaced by {@link MASKED}. Plain data in,
 * plain data out: arrays and objects are copied, cycles become `"[Circular]"`, the input is never mutated.
 */
export function maskSecrets<T>(value: T): T {
  return copy(value, 0, new WeakSet()) as T;
}

function copy(value: unknown, depth: number, seen: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  if (depth >= MAX_DEPTH) return '[Too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => copy(item, depth + 1, seen));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      result[key] = SECRET_KEY.test(key) && item !== null && item !== undefined && item !== '' ? MASKED : copy(item, depth + 1, seen);
    }
    return result;
  } finally {
    seen.delete(value);
  }
}
