import { readFile } from 'node:fs/promises';
import { publicConfigProblems } from '../../browser/config/instance-config';
import { InvalidConfigError } from '../../browser/config/invalid-config-error';
import type { InstanceDefinition, InstancesFile } from '../../browser/config/instance-config.types';
import { isRecord } from '../../browser/platform/shape-check';

/** `config/instances.json` (or the file named by INSTANCES_FILE) cannot be used; `code` names the first bad field. */
export class InvalidInstancesFileError extends InvalidConfigError {
  override readonly name: string = 'InvalidInstancesFileError';
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ATTRIBUTE_NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const INSTANCE_FIELDS = new Set(['public', 'connect', 'allowedOrigins', 'allowedAttributes', 'identity']);
const IDENTITY_FIELDS = new Set(['mode', 'issuer', 'hs256Secret', 'es256PublicKey']);
const CONNECT_FIELDS = new Set(['instanceId', 'contactFlowId', 'region', 'chatDurationInMinutes', 'taskFlowId']);

/** True for `scheme://host[:port]` exactly as browsers send it in `Origin` (no path, no trailing slash). */
export function isOrigin(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value;
  } catch {
    return false;
  }
}

function unknownFields(value: Record<string, unknown>, known: Set<string>, at: string): string[] {
  return Object.keys(value)
    .filter((key) => !known.has(key))
    .map((key) => `${at}.${key}: unknown field`);
}

/** The public part, checked by the same validator the runtime uses; its `config.…` paths re-rooted at `at`. */
function connectProblems(value: unknown, at: string, publicRegion: unknown): string[] {
  if (!isRecord(value)) return [`${at}: expected an object with instanceId, contactFlowId and region`];
  const problems = unknownFields(value, CONNECT_FIELDS, at);
  if (typeof value.instanceId !== 'string' || !UUID.test(value.instanceId)) {
    problems.push(`${at}.instanceId: expected the Amazon Connect instance id (a UUID)`);
  }
  if (typeof value.contactFlowId !== 'string' || !UUID.test(value.contactFlowId)) {
    problems.push(`${at}.contactFlowId: expected the contact flow id (a UUID)`);
  }
  if (typeof value.region !== 'string' || !REGION.test(value.region)) {
    problems.push(`${at}.region: expected an AWS region such as "ap-southeast-2"`);
  } else if (typeof publicRegion === 'string' && publicRegion !== value.region) {
    problems.push(`${at}.region: "${value.region}" differs from public.region "${publicRegion}" (chatjs must use the instance's region)`);
  }
  const duration = value.chatDurationInMinutes;
  if (duration !== undefined && !(Number.isInteger(duration) && (duration as number) >= 60 && (duration as number) <= 10080)) {
    problems.push(`${at}.chatDurationInMinutes: expected whole minutes from 60 to 10080 (Amazon Connect's limits)`);
  }
  if (value.taskFlowId !== undefined && (typeof value.taskFlowId !== 'string' || !UUID.test(value.taskFlowId))) {
    problems.push(`${at}.taskFlowId: expected the task flow id (a UUID)`);
  }
  return problems;
}

/** Checks shape only: key material is checked when the backend imports it (`customer-identity.ts`). */
function identityProblems(value: unknown, at: string): string[] {
  if (value === undefined) return [];
  if (!isRecord(value)) return [`${at}: expected {"mode", "issuer", "hs256Secret" or "es256PublicKey"}`];
  const problems = unknownFields(value, IDENTITY_FIELDS, at);
  if (value.mode !== 'required' && value.mode !== 'optional') problems.push(`${at}.mode: expected "required" or "optional"`);
  if (typeof value.issuer !== 'string' || value.issuer === '') problems.push(`${at}.issuer: expected the tokens' "iss" claim`);
  const keys = ['hs256Secret', 'es256PublicKey'].filter((key) => value[key] !== undefined);
  if (keys.length !== 1 || keys.some((key) => typeof value[key] !== 'string')) {
    problems.push(`${at}.hs256Secret: expected exactly one of hs256Secret and es256PublicKey, as a string`);
  }
  return problems;
}

function instanceProblems(value: unknown, at: string): string[] {
  if (!isRecord(value)) return [`${at}: expected an object with public, connect and allowedOrigins`];
  const problems = unknownFields(value, INSTANCE_FIELDS, at);
  problems.push(...publicConfigProblems(value.public, `${at}.public`));
  problems.push(...connectProblems(value.connect, `${at}.connect`, isRecord(value.public) ? value.public.region : undefined));
  if (!Array.isArray(value.allowedOrigins) || value.allowedOrigins.length === 0) {
    problems.push(`${at}.allowedOrigins: expected a non-empty list of origins such as "https://www.example.com"`);
  } else {
    value.allowedOrigins.forEach((origin, index) => {
      if (!isOrigin(origin)) {
        problems.push(`${at}.allowedOrigins[${index}]: expected scheme://host[:port] with no path or trailing slash`);
      }
    });
  }
  problems.push(...identityProblems(value.identity, `${at}.identity`));
  // Chats that outlive the page (PERSIST): the backend remembers only customers it has verified.
  if (isRecord(value.public) && value.public.persistence === 'identity' && value.identity === undefined) {
    problems.push(`${at}.public.persistence: "identity" needs the instance's identity (the backend remembers verified customers only)`);
  }
  // Leave a message (TASK): a message is filed with the instance's task flow, so the option needs one.
  const offHours = isRecord(value.public) ? value.public.offHours : undefined;
  if (isRecord(offHours) && offHours.leaveMessage === true && !(isRecord(value.connect) && value.connect.taskFlowId !== undefined)) {
    problems.push(`${at}.connect.taskFlowId: expected the task flow id, which public.offHours.leaveMessage needs`);
  }
  if (value.allowedAttributes !== undefined) {
    if (!Array.isArray(value.allowedAttributes)) problems.push(`${at}.allowedAttributes: expected a list of names`);
    else {
      value.allowedAttributes.forEach((name, index) => {
        if (typeof name !== 'string' || !ATTRIBUTE_NAME.test(name)) {
          problems.push(`${at}.allowedAttributes[${index}]: expected 1–64 letters, digits, "_", "." or "-"`);
        }
      });
    }
  }
  return problems;
}

/** `instances[2].public.name: …` → `config.instances.public.name`. */
function codeOf(problem: string): string {
  return `config.${problem.slice(0, problem.indexOf(': ')).replace(/\[\d+\]/g, '')}`;
}

/**
 * Checks the shape of an instances file.
 * @throws InvalidInstancesFileError listing every problem (the first one as `code`).
 */
export function parseInstancesFile(value: unknown, source = 'instances file'): InstancesFile {
  const problems: string[] = [];
  if (!isRecord(value) || !Array.isArray(value.instances)) {
    problems.push('instances: expected {"instances": [ ... ]}');
  } else {
    value.instances.forEach((instance, index) => problems.push(...instanceProblems(instance, `instances[${index}]`)));
    const names = value.instances.map((instance) => (isRecord(instance) && isRecord(instance.public) ? instance.public.name : undefined));
    names.forEach((name, index) => {
      if (typeof name === 'string' && names.indexOf(name) !== index) {
        problems.push(`instances[${index}].public.name: "${name}" is used twice`);
      }
    });
  }
  const first = problems[0];
  if (first !== undefined) {
    throw new InvalidInstancesFileError(codeOf(first), `Invalid ${source}: ${problems.join('; ')}`, problems);
  }
  return value as unknown as InstancesFile;
}

/** Reads and checks an instances file (JSON). @throws InvalidInstancesFileError */
export async function loadInstancesFile(path: string): Promise<InstancesFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InvalidInstancesFileError('config.file', `Cannot read the instances file ${path} (${reason}).`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new InvalidInstancesFileError('config.json', `${path} is not valid JSON: ${(error as Error).message}`);
  }
  return parseInstancesFile(value, path);
}

/** The instance named `name`, if any. */
export function findInstance(instances: readonly InstanceDefinition[], name: string): InstanceDefinition | undefined {
  return instances.find((instance) => instance.public.name === name);
}
