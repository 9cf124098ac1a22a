import type { ConfigModule } from '../entries/config-chunk';
import type { ResolvedConfig } from '../config/instance-config';
import type { PublicInstanceConfig } from '../config/instance-config.types';
import { InvalidConfigError } from '../config/invalid-config-error';

export interface ConfigSource {
  instance: string;
  /** Inline configuration: no request. */
  config?: PublicInstanceConfig | undefined;
  configUrl?: string | undefined;
  baseUrl?: string | undefined;
  loadConfigModule(): Promise<ConfigModule>;
}

export interface LoadedConfig {
  config: ResolvedConfig;
  /** The validator, display rules and analytics bridges. */
  module: ConfigModule;
}

/** Fetches the configuration and the config chunk in parallel, then validates; rejects with an InvalidConfigError. */
export async function loadConfig(source: ConfigSource, win: Window, fetchImpl: typeof fetch): Promise<LoadedConfig> {
  const loading = source.loadConfigModule().catch((error: unknown) => {
    throw new InvalidConfigError('config.chunk_unavailable', `Could not load webchat-config.js (${String(error)}).`);
  });
  const [raw, module] = await Promise.all([rawConfig(source, win, fetchImpl), loading]);
  return { config: module.parsePublicConfig(raw, source.instance, win.document.documentElement.lang), module };
}

async function rawConfig(source: ConfigSource, win: Window, fetchImpl: typeof fetch): Promise<unknown> {
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
