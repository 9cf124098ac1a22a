import { StartChatContactCommand } from '@aws-sdk/client-connect';
import type { ContactDetails } from '../../../machines/chat.types';
import type { InstanceDefinition } from '../../browser/config/instance-config.types';
import { ApiError } from './api-error';
import { summarizeAwsError, toApiError } from './aws-error-mapping';
import type { BackendLog } from './backend.types';
import type { ConnectClientLike } from './connect-client';
import type { CheckedStartChat } from './start-chat-request';

/**
 * What the panel can show and send: plain text and markdown, interactive messages (cards from a Lex bot
 * or a Show view block) and the customer's answers to them. Amazon Connect requires `text/plain` in it.
 */
export const SUPPORTED_MESSAGING_CONTENT_TYPES = [
  'text/plain',
  'text/markdown',
  'application/vnd.amazonaws.connect.message.interactive',
  'application/vnd.amazonaws.connect.message.interactive.response',
] as const;

/** How the service reaches Amazon Connect. */
export interface ContactStarterOptions {
  /** One client for every instance (tests pass a stub with `send`). */
  connectClient?: ConnectClientLike;
  /** A client per region; used when `connectClient` is absent. */
  connectClientFactory?: (region: string) => ConnectClientLike;
  /**
   * The Participant Service endpoint handed to chatjs.
   * @default `https://participant.connect.${region}.amazonaws.com`
   */
  participantEndpoint?: string | ((region: string) => string);
}

/** Starts a contact for a checked request on an instance; `sourceIp` is only logged. */
export type ContactStarter = (instance: InstanceDefinition, request: CheckedStartChat, sourceIp: string, persistentChat?: PersistentChat) => Promise<ContactDetails>;

/** StartChatContact's `PersistentChat`: the past chat a returning customer's new contact continues. */
export interface PersistentChat {
  RehydrationType: 'ENTIRE_PAST_SESSION' | 'FROM_SEGMENT';
  SourceContactId: string;
}

/**
 * Amazon Connect would not continue the past chat asked for (not ended yet, its transcript not written yet, gone):
 * the caller starts a fresh one instead. Never reaches the browser.
 */
export class PersistentChatRefusedError extends Error {
  override readonly name = 'PersistentChatRefusedError';
}
const PERSISTENT_CHAT_REFUSALS = new Set(['ResourceNotFoundException', 'InvalidRequestException', 'InvalidParameterException']);

/** The Connect client for a region, from `connectClient` or `connectClientFactory`. */
export function connectClientFor(options: ContactStarterOptions): (region: string) => ConnectClientLike {
  return (region) => {
    if (options.connectClient) return options.connectClient;
    if (options.connectClientFactory) return options.connectClientFactory(region);
    throw new ApiError(500, 'backend.misconfigured', 'The chat service has no Amazon Connect client.');
  };
}

/**
 * Calls StartChatContact with the instance's ids and answers what chatjs needs. AWS's failures become
 * {@link ApiError}s that name nothing of AWS's own (see `aws-error-mapping.ts`), logged with the AWS details.
 */
export function createContactStarter(options: ContactStarterOptions, log: BackendLog): ContactStarter {
  const clientFor = connectClientFor(options);
  const participantEndpointFor = (region: string): string => {
    const endpoint = options.participantEndpoint;
    if (typeof endpoint === 'function') return endpoint(region);
    return endpoint ?? `https://participant.connect.${region}.amazonaws.com`;
  };

  return async function startContact(instance, request, sourceIp, persistentChat) {
    const { connect } = instance;
    let output;
    try {
      output = await clientFor(connect.region).send(
        new StartChatContactCommand({
          InstanceId: connect.instanceId,
          ContactFlowId: connect.contactFlowId,
          ParticipantDetails: { DisplayName: request.displayName },
          ...(Object.keys(request.attributes).length > 0 ? { Attributes: request.attributes } : {}),
          SupportedMessagingContentTypes: [...SUPPORTED_MESSAGING_CONTENT_TYPES],
          ...(connect.chatDurationInMinutes ? { ChatDurationInMinutes: connect.chatDurationInMinutes } : {}),
          ...(persistentChat ? { PersistentChat: persistentChat } : {}),
        }),
      );
    } catch (error) {
      if (error instanceof ApiError) throw error;
      if (persistentChat && PERSISTENT_CHAT_REFUSALS.has(summarizeAwsError(error).name)) {
        throw new PersistentChatRefusedError(summarizeAwsError(error).message);
      }
      const mapped = toApiError(error);
      log({
        level: mapped.code === 'backend.throttled' || mapped.code === 'backend.capacity' ? 'warn' : 'error',
        event: 'chat.start_failed',
        instance: instance.public.name,
        code: mapped.code,
        aws: summarizeAwsError(error),
        sourceIp,
      });
      throw mapped;
    }
    const { ContactId: contactId, ParticipantId: participantId, ParticipantToken: participantToken } = output;
    if (!contactId || !participantId || !participantToken) {
      log({ level: 'error', event: 'chat.start_failed', instance: instance.public.name, code: 'backend.bad_response' });
      throw new ApiError(502, 'backend.bad_response', 'Amazon Connect answered without the chat details.');
    }
    const started: ContactDetails = {
      contactId,
      participantId,
      participantToken,
      participantEndpoint: participantEndpointFor(connect.region),
      region: connect.region,
    };
    log({ level: 'info', event: 'chat.started', instance: instance.public.name, contactId, sourceIp });
    return started;
  };
}
