import { errors, importSPKI, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { IdentityConfig, InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';

/**
 * The customer a start-chat request speaks for, as the site's server vouched for them in a verified token.
 * The one place the rest of the service learns who the customer is (contact attributes, persistence).
 */
export interface VerifiedCustomer {
  /** The token's `sub`: the site's own id for the customer. */
  customerId: string;
  /** The token's `name`, when the site sent one. */
  name?: string;
}

/** A start refused for its identity: 401 `identity.required` (no token) or `identity.invalid` (a bad one). */
export class IdentityError extends ApiError {
  constructor(code: 'identity.required' | 'identity.invalid', message: string) {
    super(401, code, message);
  }
}

/** How far a token's `iat` may lie in the future (clocks differ), and its `exp` in the past. */
export const IDENTITY_CLOCK_SKEW_SECONDS = 30;
/** A token older than this is refused whatever its `exp` says: a customer token is for one start, now. */
export const IDENTITY_MAX_AGE_SECONDS = 10 * 60;
const HS256_MIN_SECRET_BYTES = 32;
const MAX_NAME_LENGTH = 128;
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** An `identity` key in the instances file that cannot be used (missing variable, short secret, bad PEM). */
export class InvalidIdentityKeyError extends Error {
  override readonly name = 'InvalidIdentityKeyError';
  readonly code = 'config.instances.identity';
}

type VerificationKey = { algorithm: 'HS256'; key: Uint8Array } | { algorithm: 'ES256'; key: CryptoKey };

/** `env:NAME` reads the environment variable NAME; anything else is the value itself. */
function resolve(value: string, env: Readonly<Record<string, string | undefined>>, instance: string): string {
  if (!value.startsWith('env:')) return value;
  const name = value.slice(4);
  const found = env[name];
  if (!found) throw new InvalidIdentityKeyError(`Instance "${instance}": identity key variable ${name} is not set.`);
  return found;
}

async function importKey(config: IdentityConfig, env: Readonly<Record<string, string | undefined>>, instance: string): Promise<VerificationKey> {
  if (config.hs256Secret !== undefined) {
    const key = new TextEncoder().encode(resolve(config.hs256Secret, env, instance));
    if (key.length < HS256_MIN_SECRET_BYTES) {
      throw new InvalidIdentityKeyError(`Instance "${instance}": identity.hs256Secret must be at least ${HS256_MIN_SECRET_BYTES} bytes.`);
    }
    return { algorithm: 'HS256', key };
  }
  try {
    return { algorithm: 'ES256', key: await importSPKI(resolve(config.es256PublicKey ?? '', env, instance), 'ES256') };
  } catch (error) {
    if (error instanceof InvalidIdentityKeyError) throw error;
    throw new InvalidIdentityKeyError(`Instance "${instance}": identity.es256PublicKey is not an ES256 public key in PEM (SPKI).`);
  }
}

/**
 * Imports every instance's identity key once, so a missing variable, a short secret or a bad PEM stops the
 * service at start-up (a Lambda cold start answers `backend.misconfigured`) instead of failing each start.
 * @throws InvalidIdentityKeyError naming the instance
 */
export async function checkIdentityKeys(
  instances: readonly InstanceDefinition[],
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<void> {
  for (const instance of instances) if (instance.identity) await importKey(instance.identity, env, instance.public.name);
}

/** Why a token was refused, for the log only: the browser hears just `identity.invalid`. */
function reasonOf(error: unknown): string {
  if (error instanceof errors.JOSEError) return error.code;
  return error instanceof Error ? error.message : 'unknown';
}

/** The customer in a verified payload (jose has checked `exp`, `iat` (not in the future), `aud` and `iss`). */
function customerOf(payload: JWTPayload): VerifiedCustomer {
  const { sub, name } = payload;
  if (typeof sub !== 'string' || sub === '' || sub.length > 256 || CONTROL_CHARACTERS.test(sub)) throw new Error('sub missing or unusable');
  const usableName = typeof name === 'string' && name.trim() !== '' && !CONTROL_CHARACTERS.test(name);
  return usableName ? { customerId: sub, name: name.trim().slice(0, MAX_NAME_LENGTH) } : { customerId: sub };
}

export interface IdentityVerifierOptions {
  /** The clock, in epoch ms. @default Date.now */
  now?: () => number;
  /** Where `env:NAME` keys are read. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** Told why a token was refused (never the token). */
  onRefused?: (instance: string, reason: string) => void;
}

/**
 * Who the customer is, for a start on `instance` carrying `token` (or none): `undefined` for an anonymous
 * start the instance allows.
 * @throws IdentityError 401 when the instance requires a token and has none, or a token fails any check
 */
export type IdentifyCustomer = (instance: InstanceDefinition, token: string | undefined) => Promise<VerifiedCustomer | undefined>;

/**
 * Verifies customer tokens with `jose`: the signature under the instance's one key and algorithm (never
 * `none`, never the other algorithm), `exp` and `iat` with {@link IDENTITY_CLOCK_SKEW_SECONDS} of skew, an
 * age of at most {@link IDENTITY_MAX_AGE_SECONDS}, `aud` = the instance name and `iss` = its issuer.
 */
export function createCustomerIdentifier(options: IdentityVerifierOptions = {}): IdentifyCustomer {
  const now = options.now ?? Date.now;
  const env = options.env ?? process.env;
  // Imported once per configuration (a PEM parse is not free); keyed by the config itself, not a name.
  const keys = new WeakMap<IdentityConfig, Promise<VerificationKey>>();
  const keyFor = (instance: InstanceDefinition, config: IdentityConfig) => {
    let key = keys.get(config);
    if (!key) {
      key = importKey(config, env, instance.public.name);
      keys.set(config, key);
    }
    return key;
  };

  return async function identify(instance, token) {
    const config = instance.identity;
    if (!config) {
      if (token !== undefined) throw new IdentityError('identity.invalid', 'This chat instance does not accept customer tokens.');
      return undefined;
    }
    if (token === undefined) {
      if (config.mode === 'optional') return undefined;
      throw new IdentityError('identity.required', 'This chat is for signed-in customers: sign in and try again.');
    }
    const { algorithm, key } = await keyFor(instance, config);
    try {
      const { payload } = await jwtVerify(token, key, {
        algorithms: [algorithm],
        audience: instance.public.name,
        issuer: config.issuer,
        clockTolerance: IDENTITY_CLOCK_SKEW_SECONDS,
        maxTokenAge: IDENTITY_MAX_AGE_SECONDS,
        requiredClaims: ['exp', 'iat', 'sub'],
        currentDate: new Date(now()),
      });
      return customerOf(payload);
    } catch (error) {
      options.onRefused?.(instance.public.name, reasonOf(error));
      throw new IdentityError('identity.invalid', 'Your sign-in could not be verified: reload the page and try again.');
    }
  };
}
