import { readFileSync } from 'node:fs';
import type { SnapshotFrom } from 'xstate';
import type { chatMachine } from '../../machines/chat.machine';
import type { SaEvent, SaEventType } from '../../machines/chat.types';

type ChatSnapshot = SnapshotFrom<typeof chatMachine>;

/**
 * The saEvents contract as README.md states it ("The saEvents contract": type, data, when), written as
 * conditions on what the visitor and Amazon Connect see change between two snapshots, not on how the machine
 * emits. `when` of each row below paraphrases the README's column; `readmeContractTable()` checks that the
 * README lists exactly these types and data fields.
 */
interface ContractRow {
  /** The README's data fields (optional ones end in `?`). */
  data: readonly string[];
  /** The entry's data when this step makes it true, or undefined. */
  when(before: ChatSnapshot, after: ChatSnapshot): Record<string, unknown> | undefined;
}

const inContact = (snapshot: ChatSnapshot) => snapshot.matches('contact');
const phaseIs = (snapshot: ChatSnapshot, phase: 'inFlow' | 'queued' | 'agent') => snapshot.matches({ contact: { phase } });
/** Contact entries are announced once per browser: by the tab that leads the contact. */
const leads = (snapshot: ChatSnapshot) => snapshot.context.leads;
const contactIdOf = (before: ChatSnapshot, after: ChatSnapshot) => ({ contactId: (after.context.contact ?? before.context.contact)!.contactId });

export const CONTRACT: Readonly<Record<SaEventType, ContractRow>> = {
  /** The script loaded and its configuration is valid. */
  CHAT_LOADED: {
    data: ['chatInstanceName'],
    when: (before, after) =>
      before.matches('booting') && !after.matches('booting') && !after.matches('failed')
        ? { chatInstanceName: after.context.instanceName }
        : undefined,
  },
  /** The display rules say yes and the start-chat button is shown: every time it appears. */
  CHAT_VISIBLE: {
    data: ['chatInstanceName'],
    when: (before, after) => (!before.matches('visible') && after.matches('visible') ? { chatInstanceName: after.context.instanceName } : undefined),
  },
  /** The customer started a chat: a contact exists that this page asked for. */
  CONTACT_STARTED: {
    data: ['contactId'],
    when: (before, after) => (before.matches({ visible: 'starting' }) && inContact(after) ? contactIdOf(before, after) : undefined),
  },
  /** The contact entered a queue (again after each transfer back); inferred when an agent joined without one. */
  TRANSFER_TO_QUEUE: {
    data: ['contactId', 'inferred?'],
    when: (before, after) => {
      if (!inContact(before) || !inContact(after) || !leads(before)) return undefined;
      if (!phaseIs(before, 'queued') && phaseIs(after, 'queued')) return contactIdOf(before, after);
      if (phaseIs(before, 'inFlow') && phaseIs(after, 'agent')) return { ...contactIdOf(before, after), inferred: true };
      return undefined;
    },
  },
  /** An agent joined. */
  CONNECT_TO_AGENT: {
    data: ['contactId'],
    when: (before, after) =>
      inContact(before) && leads(before) && !phaseIs(before, 'agent') && phaseIs(after, 'agent') ? contactIdOf(before, after) : undefined,
  },
  /** The chat ended, whoever ended it, whether or not an agent ever joined; once per contact. */
  CONTACT_ENDED: {
    data: ['contactId'],
    when: (before, after) => (inContact(before) && leads(before) && after.matches('ended') ? contactIdOf(before, after) : undefined),
  },
};

/** The entries saEvents must receive for the step from `before` to `after`, which happened at `at`. */
export function expectedEntries(before: ChatSnapshot, after: ChatSnapshot, at: number): SaEvent[] {
  return (Object.keys(CONTRACT) as SaEventType[]).flatMap((type) => {
    const data = CONTRACT[type].when(before, after);
    return data ? [{ type, data, timestamp: at } as SaEvent] : [];
  });
}

/** The README's contract table: each type with its data fields, as written there. */
export function readmeContractTable(readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')): Map<string, string[]> {
  const section = readme.slice(readme.indexOf('## The saEvents contract'));
  const rows = new Map<string, string[]>();
  for (const match of section.matchAll(/^\| `([A-Z_]+)` \| `\{ ([^}]*) \}` \|/gm)) {
    rows.set(match[1]!, match[2]!.split(',').map((field) => field.trim()));
  }
  return rows;
}
