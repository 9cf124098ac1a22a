import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import type { BackendRequest } from './backend.types';

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

/** One request on its way through: the CORS headers grow more specific once the instance is known. */
export class CorsExchange {
  readonly origin: string | undefined;
  /** The CORS headers for every answer to this request (errors included); none for an origin the policy refuses. */
  cors: Record<string, string> = {};

  constructor(
    readonly req: BackendRequest,
    private readonly policy: OriginPolicy,
  ) {
    this.origin = req.headers.origin;
  }

  /** Chooses the CORS headers: allowed for `instance`, or, before it is known, for any instance. */
  allowCors(methods: string, instance?: InstanceDefinition): void {
    const { origin } = this;
    this.cors = origin !== undefined && this.policy.allows(origin, instance) ? corsHeaders(origin, methods) : {};
  }

  /**
   * @throws ApiError 403 `origin.not_allowed` for an origin `instance` does not allow, or for no origin at all
   * when one is `required` (a start must come from a web page; reading an instance's config need not).
   */
  refuseOrigin(instance: InstanceDefinition, required: boolean): void {
    const { origin } = this;
    if (origin === undefined) {
      if (required) throw new ApiError(403, 'origin.not_allowed', 'Requests must come from a web page (no Origin header).');
      return;
    }
    if (!this.policy.allows(origin, instance)) {
      throw new ApiError(
        403,
        'origin.not_allowed',
        `The origin ${origin.slice(0, 200)} may not use chat instance "${instance.public.name}"; add it to the instance's allowedOrigins.`,
      );
    }
  }
}
