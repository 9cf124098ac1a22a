import { AwsServiceError, awsErrorTypeForStatus } from './aws-error';
import { isJsonObject } from './json-http';

/** Which part of the emulator a fault hits. */
export type FaultTarget = 'startChat' | 'participant';

/** A fault as `POST /emulator/faults` takes it: `{ "startChat": { "status": 500, "count": 1 } }`. */
export interface FaultSpec {
  /** HTTP status to answer, 400–599. */
  status: number;
  /** `x-amzn-errortype`; @default the type AWS uses for that status (429 → ThrottlingException, …) */
  type?: string;
  /** Fail this many requests. @default 1 when `forMs` is absent */
  count?: number;
  /** Fail every request for this long. */
  forMs?: number;
}

/** `POST /emulator/faults` had a body it cannot use. */
export class InvalidFaultError extends Error {
  override readonly name = 'InvalidFaultError';
  readonly code = 'emulator.invalid_fault';
}

interface ActiveFault {
  status: number;
  type: string;
  remaining: number;
  until: number;
}

const TARGETS: readonly FaultTarget[] = ['startChat', 'participant'];

/** The faults waiting to happen: the next N StartChatContact calls, or Participant Service calls for a while. */
export class FaultPlan {
  private readonly active = new Map<FaultTarget, ActiveFault>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Applies a body like `{ "startChat": {...}, "participant": null }` (null clears). Validates it all first. */
  apply(body: unknown): void {
    if (!isJsonObject(body)) throw new InvalidFaultError('Expected a JSON object such as {"startChat":{"status":500,"count":1}}.');
    const updates: Array<[FaultTarget, ActiveFault | null]> = [];
    for (const [key, spec] of Object.entries(body)) {
      if (!TARGETS.includes(key as FaultTarget)) {
        throw new InvalidFaultError(`Unknown fault target "${key}"; expected ${TARGETS.join(' or ')}.`);
      }
      const target = key as FaultTarget;
      updates.push([target, spec === null ? null : this.parse(target, spec)]);
    }
    for (const [target, fault] of updates) {
      if (fault) this.active.set(target, fault);
      else this.active.delete(target);
    }
  }

  clear(): void {
    this.active.clear();
  }

  /** The error the next request to `target` must answer with, if a fault is due (and counts it). */
  take(target: FaultTarget): AwsServiceError | undefined {
    const fault = this.active.get(target);
    if (!fault) return undefined;
    if (fault.remaining <= 0 || this.now() >= fault.until) {
      this.active.delete(target);
      return undefined;
    }
    fault.remaining -= 1;
    return new AwsServiceError(fault.status, fault.type, `Injected fault (${fault.status} ${fault.type}) from the emulator.`);
  }

  describe(): Partial<Record<FaultTarget, { status: number; type: string; remaining: number | null; untilMs: number | null }>> {
    const now = this.now();
    const out: Partial<Record<FaultTarget, { status: number; type: string; remaining: number | null; untilMs: number | null }>> = {};
    for (const [target, fault] of this.active) {
      if (fault.remaining <= 0 || now >= fault.until) continue;
      out[target] = {
        status: fault.status,
        type: fault.type,
        remaining: Number.isFinite(fault.remaining) ? fault.remaining : null,
        untilMs: Number.isFinite(fault.until) ? fault.until - now : null,
      };
    }
    return out;
  }

  private parse(target: FaultTarget, spec: unknown): ActiveFault {
    if (!isJsonObject(spec)) throw new InvalidFaultError(`${target}: expected an object like {"status":500,"count":1}, or null.`);
    for (const key of Object.keys(spec)) {
      if (!['status', 'type', 'count', 'forMs'].includes(key)) throw new InvalidFaultError(`${target}.${key}: unknown field.`);
    }
    const { status, type, count, forMs } = spec;
    if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
      throw new InvalidFaultError(`${target}.status: expected an HTTP error status, 400–599.`);
    }
    if (type !== undefined && (typeof type !== 'string' || !/^[A-Za-z]{1,64}$/.test(type))) {
      throw new InvalidFaultError(`${target}.type: expected an AWS error type such as "ThrottlingException".`);
    }
    if (count !== undefined && (!Number.isInteger(count) || (count as number) < 1 || (count as number) > 10_000)) {
      throw new InvalidFaultError(`${target}.count: expected a whole number from 1 to 10000.`);
    }
    if (forMs !== undefined && (!Number.isInteger(forMs) || (forMs as number) < 1 || (forMs as number) > 3_600_000)) {
      throw new InvalidFaultError(`${target}.forMs: expected milliseconds from 1 to 3600000.`);
    }
    const service = target === 'startChat' ? 'connect' : 'participant';
    return {
      status: status as number,
      type: (type as string | undefined) ?? awsErrorTypeForStatus(status as number, service),
      remaining: (count as number | undefined) ?? (forMs === undefined ? 1 : Number.POSITIVE_INFINITY),
      until: forMs === undefined ? Number.POSITIVE_INFINITY : this.now() + (forMs as number),
    };
  }
}
