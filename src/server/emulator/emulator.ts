import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { AGENT_CONSOLE_PATH, serveAgentConsole } from './agent-console';
import { AttachmentBucket } from './attachment-bucket';
import { AttachmentStore, BUCKET_PATH_PREFIX, type AttachmentStoreOptions } from './attachment-store';
import { CONNECT_API_PATH_PREFIX, ConnectApi } from './connect-api';
import { TaskContacts } from './task-contacts';
import { ContactFlow } from './contact-flow';
import { ContactStore } from './contact-store';
import { CONTROL_BODY_LIMIT_BYTES, CONTROL_PATH_PREFIX, ControlApi } from './control-api';
import type { AutopilotTimings } from './emulator.types';
import { FaultPlan } from './fault-plan';
import { InstanceDirectory } from './instance-directory';
import { drainBody, pathOf, sendErrorBody } from './json-http';
import { serveOnLoopback } from '../loopback-server';
import { PARTICIPANT_PATH_PREFIX, ParticipantService } from './participant-service';
import { WEBSOCKET_PATH_PREFIX, WebSocketHub } from './websocket-hub';

/** Every emulator route takes at most this much body (its own JSON limits are smaller). */
const BODY_LIMIT_BYTES = 128 * 1024;

function isEmulatorPath(path: string): boolean {
  return (
    path === '/agent' ||
    [CONNECT_API_PATH_PREFIX, PARTICIPANT_PATH_PREFIX, CONTROL_PATH_PREFIX, AGENT_CONSOLE_PATH, WEBSOCKET_PATH_PREFIX, BUCKET_PATH_PREFIX].some((prefix) =>
      path.startsWith(prefix),
    )
  );
}

export interface EmulatorOptions {
  /**
   * Run the contact flow and the agent by themselves: queue after ~1 s, an agent joins after ~3 s,
   * greets and answers each customer message. Off: every step waits for the control API.
   * @default false
   */
  autopilot?: boolean;
  /** @default {@link DEFAULT_AUTOPILOT_TIMINGS} */
  autopilotTimings?: Partial<AutopilotTimings>;
  /**
   * The chat instances (from `config/instances.json`): StartChatContact accepts only their InstanceId and
   * ContactFlowId pairs, and each contact's queue marker is its instance's `public.queueMarker`.
   * @default [] (any well-formed ids; marker "[queued]")
   */
  instances?: readonly InstanceDefinition[];
  /**
   * The emulator's HTTP origin as browsers reach it, e.g. `http://127.0.0.1:8080`; websocket URLs are
   * built from it (`localhost` becomes 127.0.0.1, which chatjs requires for `ws://`).
   * @default http://127.0.0.1:<the port the request arrived on>
   */
  publicOrigin?: () => string;
  /** @default Date.now */
  now?: () => number;
  /** Attachments per contact, upload and download URL lifetimes. @default 25, 5 minutes, 60 s */
  attachments?: Omit<AttachmentStoreOptions, 'now'>;
}

export interface Emulator {
  /** Serves the emulator's routes; resolves false (touching nothing) for a path that is not one of them. */
  handleRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Takes a websocket upgrade for `/ws/…`; false for any other path. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  readonly contacts: ContactStore;
  readonly flow: ContactFlow;
  readonly faults: FaultPlan;
  readonly attachments: AttachmentStore;
  /** Stops timers and closes every customer socket. */
  close(): Promise<void>;
}

/**
 * A local Amazon Connect for the real chatjs and the real `@aws-sdk/client-connect`: StartChatContact,
 * the Participant Service and its websocket, a simulated contact flow, the control API and the agent
 * console. Composable: mount `handleRequest` and `handleUpgrade` on any Node HTTP server.
 */
export function createEmulator(options: EmulatorOptions = {}): Emulator {
  const now = options.now ?? Date.now;
  const contacts = new ContactStore(now);
  const faults = new FaultPlan(now);
  const attachments = new AttachmentStore({ ...options.attachments, now });
  const bucket = new AttachmentBucket(attachments);
  const flow = new ContactFlow({
    store: contacts,
    autopilot: options.autopilot ?? false,
    ...(options.autopilotTimings ? { timings: options.autopilotTimings } : {}),
  });
  const hub = new WebSocketHub({ store: contacts, onSubscribed: (contact) => flow.customerSubscribed(contact) });
  const publicOrigin = (req: IncomingMessage) =>
    options.publicOrigin?.() ?? `http://127.0.0.1:${req.socket.localPort ?? 80}`;
  const directory = new InstanceDirectory(options.instances);
  const tasks = new TaskContacts(directory, now);
  const connectApi = new ConnectApi({ store: contacts, directory, faults, tasks });
  const participant = new ParticipantService({ store: contacts, attachments, flow, hub, faults, publicOrigin, now });
  const control = new ControlApi({ store: contacts, attachments, flow, hub, faults, tasks });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = pathOf(req);
    if (path === undefined || !isEmulatorPath(path)) return false;
    try {
      if (path.startsWith(BUCKET_PATH_PREFIX)) {
        await bucket.handle(req, res, new URL(req.url ?? '/', 'http://emulator.invalid'));
        return true;
      }
      const body = await drainBody(req, path.startsWith(CONTROL_PATH_PREFIX) ? CONTROL_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES);
      if (path.startsWith(CONNECT_API_PATH_PREFIX)) connectApi.handle(req, res, path, body);
      else if (path.startsWith(PARTICIPANT_PATH_PREFIX)) participant.handle(req, res, path, body);
      else if (path.startsWith(CONTROL_PATH_PREFIX)) control.handle(req, res, path, body);
      else if (path.startsWith(WEBSOCKET_PATH_PREFIX)) {
        sendErrorBody(res, 426, 'request.upgrade_required', 'This is a websocket URL.', { upgrade: 'websocket' });
      } else serveAgentConsole(req, res, path);
    } catch {
      if (!res.headersSent && !req.destroyed) sendErrorBody(res, 500, 'emulator.internal', 'The emulator could not handle this request.');
      else res.destroy();
    }
    return true;
  }

  return {
    handleRequest,
    handleUpgrade: (req, socket, head) => hub.handleUpgrade(req, socket, head),
    contacts,
    flow,
    faults,
    attachments,
    close: async () => {
      flow.close();
      hub.close();
    },
  };
}

export interface StartEmulatorOptions extends Omit<EmulatorOptions, 'publicOrigin'> {
  /** @default 0 (an ephemeral port) */
  port?: number;
}

export interface RunningEmulator {
  /** `http://127.0.0.1:<port>`: the Amazon Connect endpoint, the Participant Service endpoint, `/agent/`. */
  url: string;
  emulator: Emulator;
  close(): Promise<void>;
}

/** The emulator on its own HTTP server on 127.0.0.1. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  let url = '';
  const emulator = createEmulator({ ...options, publicOrigin: () => url });
  const server = await serveOnLoopback(options.port ?? 0, emulator, (req, res) => {
    void emulator.handleRequest(req, res).then((handled) => {
      if (!handled) sendErrorBody(res, 404, 'emulator.route_not_found', 'Not an emulator route.');
    });
  });
  url = server.url;
  return { url, emulator, close: server.close };
}
