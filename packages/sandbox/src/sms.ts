import { randomInt } from 'node:crypto';

export interface SmsMessage {
  /** The demo user the TAN was sent to, e.g. `alice`. */
  user: string;
  tan: string;
  text: string;
  /** The provider's id of the pending request: transfer id, standing-order request id, timed-order id. */
  reference: string;
  /** ISO-8601. */
  createdAt: string;
}

/** Where the sandbox "sends" TANs; `GET /sandbox/sms` shows it. */
export interface SmsOutbox {
  send(message: Omit<SmsMessage, 'createdAt'>): SmsMessage;
  /** Newest first. */
  list(): SmsMessage[];
}

/** Six random digits; not from the seeded generator, since a TAN must not be predictable. */
export function createTan(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

export function createSmsOutbox(now: () => Date = () => new Date()): SmsOutbox {
  const messages: SmsMessage[] = [];
  return {
    send(message) {
      const sent = { ...message, createdAt: now().toISOString() };
      messages.push(sent);
      return { ...sent };
    },
    list: () => messages.map((message) => ({ ...message })).reverse(),
  };
}
