import type { PublicInstanceConfig } from '../config/instance-config.types';
import { InvalidConfigError } from '../config/invalid-config-error';

export interface ConfigSource {
  instance: string;
  /** Inline configuration: no request. */
  config?: PublicInstanceConfig | undefined;
  configUrl?: string | undefined;
  baseUrl?: string | undefined;
}

/**
 * The instance's configuration as the page gives it or the server answers, not yet validated (the validator
 * is in the config chunk, which loads meanwhile). Rejects with an InvalidConfigError.
 */
export async function fetchConfig(source: ConfigSource, win: Window, fetchImpl: typeof fetch): Promise<unknown> {
  if (source.config !== undefined) return source.config;
  const base = source.baseUrl ?? win.location.href;
  const url = source.configUrl
    ? new URL(source.configUrl, base)
    : new URL(`/api/instances/${encodeURIComponent(source.instance)}`, base);
  let response: Response;
  try {
    response = await fetchImpl(url, { credentials: 'omit' });
  } catch {
    throw new InvalidConfigError('config.unavailable', `Could not load the chat configuration from ${url}.`);
  }
  if (!response.ok) {
    throw new InvalidConfigError('config.unavailable', `Loading the chat configuration from ${url} answered ${response.status}.`);
  }
  return response.json().catch(() => {
    throw new InvalidConfigError('config.invalid_json', `The chat configuration at ${url} is not JSON.`);
  });
}
