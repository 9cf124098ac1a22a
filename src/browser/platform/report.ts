const PREFIX = '[connect-webchat]';
const reported = new Set<string>();

/**
 * Reports a problem to the console once, with one recognisable prefix. The runtime never throws into
 * the host page; this is where its errors go instead.
 */
export function reportError(message: string, error?: unknown): void {
  const key = `${message}|${error instanceof Error ? error.message : String(error ?? '')}`;
  if (reported.has(key)) return;
  reported.add(key);
  if (error === undefined) console.error(`${PREFIX} ${message}`);
  else console.error(`${PREFIX} ${message}`, error);
}
