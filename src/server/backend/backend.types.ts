/** A request as the start-chat core sees it; the adapters (Node `http`, Lambda) build it. */
export interface BackendRequest {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** The URL path without the query string, e.g. `/api/chats`. */
  path: string;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** The raw body text ("" when there is none). */
  body: string;
  /** The client's address, for the rate limit and logs ("" when the adapter cannot tell). */
  sourceIp: string;
}

export interface BackendResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One structured log line. Never holds participant tokens or request bodies. */
export interface BackendLogEntry {
  level: 'info' | 'warn' | 'error';
  event: string;
  [field: string]: unknown;
}

export type BackendLog = (entry: BackendLogEntry) => void;

/** Logs each entry as one JSON line (what CloudWatch and a terminal both read well). */
export const consoleLog: BackendLog = (entry) => {
  const line = JSON.stringify(entry);
  if (entry.level === 'error') console.error(line);
  else if (entry.level === 'warn') console.warn(line);
  else console.info(line);
};
