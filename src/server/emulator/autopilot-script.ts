/**
 * What the autopilot says (`npm start`): the flow's bot menu, and the agent's lines. Kept apart from
 * the flow's mechanics so the words can change without touching the timing.
 */

/** The Lex-style QuickReply the entry flow offers before queueing (sent as ParticipantRole SYSTEM, DisplayName BOT). */
export const MENU_TEMPLATE = JSON.stringify({
  templateType: 'QuickReply',
  version: '1.0',
  data: {
    content: {
      title: 'What can we help with?',
      elements: [{ title: 'Billing' }, { title: 'Orders' }, { title: 'Something else' }],
    },
  },
});

export function agentGreeting(customer: string, agent: string): string {
  return `Hi ${customer}, I'm ${agent}. How can I help you today?`;
}

/** The agent's second line, in markdown: formatting and links, as an agent's canned answer would have. */
export const AGENT_TIP_MARKDOWN =
  'While we talk, you can:\n\n' +
  '- **track an order** in [your account](https://example.com/orders)\n' +
  '- read our *returns policy*: https://example.com/returns\n\n' +
  'Send a photo or a PDF with the paper clip if it helps.';

export function agentAnswer(text: string): string {
  const quoted = text.length > 80 ? `${text.slice(0, 80)}…` : text;
  return `Thanks for your message ("${quoted}"). Is there anything else I can help with?`;
}

export function agentThanksForFile(name: string): string {
  return `Thanks, I have your file "${name.length > 80 ? `${name.slice(0, 80)}…` : name}". Let me have a look.`;
}

export const AGENT_GOODBYE = 'Thanks for chatting with us. Goodbye!';
