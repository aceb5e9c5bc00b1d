import express, { type Express } from 'express';
import { XMLParser } from 'fast-xml-parser';
import request from 'supertest';
import { createKontomatikRouter } from '../../src/kontomatik/kontomatik.routes';
import { createKontomatikState } from '../../src/kontomatik/kontomatik.state';

export const KEY = { 'X-Api-Key': 'sandbox-api-key' };
export const BASE = '/kontomatik/v1';

export interface OwnerXml {
  externalId?: string;
  name: string;
  email: string;
  nationalId: string;
}

export interface TransactionXml {
  date: string;
  amount: string;
  currency: string;
  description: string;
  counterpartyName?: string;
  counterpartyAccount?: string;
  label?: string;
}

export interface AccountXml {
  number: string;
  currency: string;
  balance: string;
  availableBalance: string;
  transactions?: { transaction: TransactionXml[] };
}

export interface CommandXml {
  '@_id': string;
  '@_status': string;
  target?: string;
  owners?: { owner: OwnerXml[] };
  accounts?: { account: AccountXml[] };
  multipleAccessToken?: string;
  error?: string;
}

/** Everything a Kontomatik XML reply may hold, as fast-xml-parser reads it (all values text). */
export interface ReplyXml {
  command?: CommandXml;
  sessionId?: string;
  sessionIdSignature?: string;
  multipleAccessDeleted?: string;
  exception?: { '#text': string; '@_name': string };
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  ignoreDeclaration: true,
  parseTagValue: false,
  isArray: (name) => ['owner', 'account', 'transaction'].includes(name),
});

/** The `<reply>` of a Kontomatik XML answer, checking the content type and declaration on the way. */
export function replyOf(res: request.Response): ReplyXml {
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  expect(res.text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<reply>')).toBe(true);
  const parsed = parser.parse(res.text) as { reply: ReplyXml | '' };
  return parsed.reply === '' ? {} : parsed.reply;
}

/** `{ name, message }` of an XML exception reply. */
export function exceptionOf(res: request.Response): { name: string; message: string } {
  const exception = replyOf(res).exception;
  expect(exception).toBeDefined();
  return { name: exception!['@_name'], message: exception!['#text'] };
}

export function postForm(app: Express, path: string, form: Record<string, string>): request.Test {
  return request(app).post(`${BASE}${path}`).set(KEY).type('form').send(form);
}

export async function mockSession(app: Express): Promise<{ sessionId: string; sessionIdSignature: string }> {
  const reply = replyOf(await request(app).post(`${BASE}/mock-session.xml`).set(KEY).expect(200));
  return { sessionId: reply.sessionId!, sessionIdSignature: reply.sessionIdSignature! };
}

/** Starts a default import and answers the new command's id. */
export async function defaultImport(app: Express, form: Record<string, string>): Promise<string> {
  const reply = replyOf(await postForm(app, '/command/default-import.xml', form).expect(200));
  expect(reply.command?.['@_status']).toBe('QUEUED');
  return reply.command!['@_id'];
}

export async function commandOf(app: Express, id: string): Promise<CommandXml> {
  const reply = replyOf(await request(app).get(`${BASE}/command/${id}.xml`).set(KEY).expect(200));
  return reply.command!;
}

/** A settable clock for Kontomatik's timing (imports, sign-in expiry). */
export interface Clock {
  now(): number;
  set(ms: number): void;
  advance(ms: number): void;
}

export function createClock(start: number): Clock {
  let at = start;
  return {
    now: () => at,
    set: (ms) => {
      at = ms;
    },
    advance: (ms) => {
      at += ms;
    },
  };
}

/** Kontomatik alone, at `/kontomatik/v1`, on a clock the test moves. */
export function kontomatikApp(importMs: number, clock: Clock): Express {
  const app = express();
  app.use(BASE, createKontomatikRouter(createKontomatikState({ importMs, now: clock.now })));
  return app;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
