/**
 * How the runtime talks to an inspector: the `@statelyai/inspect` protocol (window `postMessage` of
 * `@xstate.actor`, `@xstate.event` and `@xstate.snapshot` inspection events), plus one convention of ours.
 *
 * XState's inspection API has no event for what a machine `emit`s, and `@statelyai/inspect` forwards none,
 * so the saEvents replay log travels on the same channel as ordinary protocol messages: a pseudo-actor
 * with the session id {@link SA_EVENTS_SESSION_ID} is registered (`@xstate.actor`, no definition), and
 * each entry is an `@xstate.event` addressed to it whose `event` is the entry itself
 * (`{ type, data, timestamp }`) and whose `sourceId` is the chat actor. Any protocol receiver can show it
 * (stately.ai draws it as the chat sending `CHAT_LOADED`, … to `saEvents`); ours draws a timeline.
 */

/** The session id (and name) of the pseudo-actor that receives saEvents entries. */
export const SA_EVENTS_SESSION_ID = 'saEvents';

/** The visualizer, relative to the script's origin, when `data-inspect` names no other inspector. */
export const DEFAULT_INSPECTOR_PATH = '/visualizer/';

/**
 * How deep `@statelyai/inspect` serialises machine definitions and snapshots. Its default (10) can cut
 * deeply nested transitions out of a definition; the visualizer uses the same value to recognise the
 * chat machine's definition.
 */
export const INSPECT_DEPTH_LIMIT = 24;
