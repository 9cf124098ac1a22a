import type { InstanceDefinition } from '../config/instance-config.types';

/**
 * Which browser origins may use an instance. Each instance lists its own; `extraOrigins` adds origins for
 * every instance (the server's own origin when it runs on a port the config does not list).
 */
export class OriginPolicy {
  constructor(
    private readonly instances: readonly InstanceDefinition[],
    private readonly extraOrigins: () => readonly string[] = () => [],
  ) {}

  /** For a known instance, its own list; for none (a preflight, an unknown name), any instance's. */
  allows(origin: string, instance?: InstanceDefinition): boolean {
    if (this.extraOrigins().includes(origin)) return true;
    const candidates = instance ? [instance] : this.instances;
    return candidates.some((candidate) => candidate.allowedOrigins.includes(origin));
  }
}

/**
 * The CORS headers for an allowed origin. No credentials: the runtime sends none. `Retry-After` (on 429 and
 * 503) is not a CORS-safelisted response header, so it is exposed for the page to read.
 */
export function corsHeaders(origin: string, methods: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': methods,
    'access-control-allow-headers': 'content-type',
    'access-control-expose-headers': 'retry-after',
    'access-control-max-age': '600',
  };
}
