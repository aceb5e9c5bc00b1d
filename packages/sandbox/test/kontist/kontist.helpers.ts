import request from 'supertest';
import type { Express } from 'express';
import type { SmsMessage } from '../../src/sms';

export const ALICE = 'Bearer sandbox-alice';
export const BOB = 'Bearer sandbox-bob';
export const V21 = 'application/vnd.kontist.transactionlist.v2.1+json';

export function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** The one SMS the sandbox sent for a pending request. */
export async function smsFor(app: Express, reference: string): Promise<SmsMessage> {
  const outbox = (await request(app).get('/sandbox/sms').expect(200)).body as SmsMessage[];
  const sent = outbox.filter((message) => message.reference === reference);
  expect(sent).toHaveLength(1);
  return sent[0];
}

export async function tanFor(app: Express, reference: string): Promise<string> {
  return (await smsFor(app, reference)).tan;
}

/** Six digits that are surely not `tan`. */
export function wrongTan(tan: string): string {
  return String((Number(tan) + 1) % 1_000_000).padStart(6, '0');
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A date-time that many days from now, as a client would send it. */
export function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}
