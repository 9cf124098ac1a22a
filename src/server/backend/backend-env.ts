import type { InstancesFile } from '../../browser/config/instance-config.types';
import type { BackendLog } from './backend.types';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createConnectClientFactory } from './connect-client';
import { createDynamoCustomerMemory } from './customer-memory';
import type { RateLimitOptions } from './rate-limit';
import { loadInstancesFile, parseInstancesFile, InvalidInstancesFileError } from './instances-file';
import { createStartChatService, type StartChatService } from './start-chat.service';
import { checkIdentityKeys } from './customer-identity';

/** An environment variable of the backend holds something it cannot use. */
export class InvalidBackendEnvError extends Error {
  override readonly name = 'InvalidBackendEnvError';
  constructor(
    /** `config.env.CONNECT_ENDPOINT`, … */
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The backend's settings, read from the environment. */
export interface BackendEnv {
  /** INSTANCES_FILE. @default "config/instances.json" */
  instancesFile: string;
  /** INSTANCES_JSON: the whole instances file inline (wins over INSTANCES_FILE). */
  instancesJson?: string;
  /** CONNECT_ENDPOINT: an Amazon Connect API endpoint instead of AWS's (the emulator); credentials are then dummy. */
  connectEndpoint?: string;
  /** PARTICIPANT_ENDPOINT: what chatjs is told to use. @default CONNECT_ENDPOINT, else AWS's regional endpoint */
  participantEndpoint?: string;
  /** CONNECT_MAX_ATTEMPTS. @default 3 */
  maxAttempts: number;
  /**
   * RATE_LIMIT_PER_MINUTE (chat starts a minute per client address, `0` for no limit) and RATE_LIMIT_BURST;
   * absent when neither is set.
   * @default the service's: 10 a minute, bursts of 5
   */
  rateLimit?: Partial<RateLimitOptions> | false;
  /** CUSTOMER_TABLE: the DynamoDB table of verified customers' last chats (`persistence: "identity"`). @default none */
  customerTable?: string;
  /** DYNAMODB_ENDPOINT: a DynamoDB-compatible endpoint instead of AWS's (dynalite); credentials are then dummy. */
  dynamoDbEndpoint?: string;
}

function numberVar(env: NodeJS.ProcessEnv, name: string, min: number, max: number, whole: boolean): number | undefined {
  const text = env[name]?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < min || value > max || (whole && !Number.isInteger(value))) {
    throw new InvalidBackendEnvError(`config.env.${name}`, `${name} must be a ${whole ? 'whole ' : ''}number from ${min} to ${max} (got "${text}").`);
  }
  return value;
}

function rateLimitVars(env: NodeJS.ProcessEnv): Pick<BackendEnv, 'rateLimit'> {
  const perMinute = numberVar(env, 'RATE_LIMIT_PER_MINUTE', 0, 100_000, false);
  const burst = numberVar(env, 'RATE_LIMIT_BURST', 1, 100_000, true);
  if (perMinute === 0) return { rateLimit: false };
  if (perMinute === undefined && burst === undefined) return {};
  return { rateLimit: { ...(perMinute !== undefined ? { perMinute } : {}), ...(burst !== undefined ? { burst } : {}) } };
}

function endpointVar(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  if (!value) return undefined;
  try {
    const url = new URL(value);
    if (url.protocol === 'http:' || url.protocol === 'https:') return value.replace(/\/+$/, '');
  } catch {
    // reported below
  }
  throw new InvalidBackendEnvError(`config.env.${name}`, `${name} must be an http(s) URL such as http://127.0.0.1:8080 (got "${value}").`);
}

export function readBackendEnv(env: NodeJS.ProcessEnv = process.env): BackendEnv {
  const maxAttempts = Number(env.CONNECT_MAX_ATTEMPTS ?? 3);
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1 || maxAttempts > 10) {
    throw new InvalidBackendEnvError('config.env.CONNECT_MAX_ATTEMPTS', 'CONNECT_MAX_ATTEMPTS must be a whole number from 1 to 10.');
  }
  const connectEndpoint = endpointVar(env, 'CONNECT_ENDPOINT');
  const participantEndpoint = endpointVar(env, 'PARTICIPANT_ENDPOINT') ?? connectEndpoint;
  return {
    instancesFile: env.INSTANCES_FILE?.trim() || 'config/instances.json',
    ...(env.INSTANCES_JSON?.trim() ? { instancesJson: env.INSTANCES_JSON } : {}),
    ...(connectEndpoint ? { connectEndpoint } : {}),
    ...(participantEndpoint ? { participantEndpoint } : {}),
    maxAttempts,
    ...rateLimitVars(env),
    ...(env.CUSTOMER_TABLE?.trim() ? { customerTable: env.CUSTOMER_TABLE.trim() } : {}),
    ...(endpointVar(env, 'DYNAMODB_ENDPOINT') ? { dynamoDbEndpoint: endpointVar(env, 'DYNAMODB_ENDPOINT')! } : {}),
  };
}

/** The instances named by the environment: INSTANCES_JSON if set, else the file INSTANCES_FILE. */
export async function loadInstances(settings: BackendEnv): Promise<InstancesFile> {
  if (settings.instancesJson === undefined) return loadInstancesFile(settings.instancesFile);
  let value: unknown;
  try {
    value = JSON.parse(settings.instancesJson);
  } catch (error) {
    throw new InvalidInstancesFileError('config.json', `INSTANCES_JSON is not valid JSON: ${(error as Error).message}`);
  }
  return parseInstancesFile(value, 'INSTANCES_JSON');
}

/** The start-chat service as the environment describes it (what the Lambda handler runs). */
export async function createStartChatServiceFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  log?: BackendLog,
): Promise<StartChatService> {
  const settings = readBackendEnv(env);
  const { instances } = await loadInstances(settings);
  await checkIdentityKeys(instances, env);
  return createStartChatService({
    instances,
    identity: { env },
    connectClientFactory: createConnectClientFactory({
      maxAttempts: settings.maxAttempts,
      ...(settings.connectEndpoint ? { endpoint: settings.connectEndpoint } : {}),
    }),
    ...(settings.participantEndpoint ? { participantEndpoint: settings.participantEndpoint } : {}),
    ...(settings.rateLimit !== undefined ? { rateLimit: settings.rateLimit } : {}),
    ...(settings.customerTable ? { customerMemory: createDynamoCustomerMemory({ client: dynamoDbClient(settings.dynamoDbEndpoint), tableName: settings.customerTable }) } : {}),
    ...(log ? { log } : {}),
  });
}

/** AWS's DynamoDB in the Lambda's region, or a local engine (dynalite) with dummy credentials. */
export function dynamoDbClient(endpoint?: string): DynamoDBClient {
  if (!endpoint) return new DynamoDBClient({});
  return new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
}
