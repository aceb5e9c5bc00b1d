import request from 'supertest';
import type { Express } from 'express';
import { createSandbox } from '../../src/sandbox';
import {
  BASE,
  KEY,
  commandOf,
  createClock,
  defaultImport,
  exceptionOf,
  kontomatikApp,
  mockSession,
  postForm,
  replyOf,
  sleep,
  type AccountXml,
  type CommandXml,
  type TransactionXml,
} from './kontomatik.helpers';

const DAY_MS = 86_400_000;
const FIVE_YEARS_FAILURE = 'Transactions can only be imported for the last five years.';

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function transactionsOf(account: AccountXml): TransactionXml[] {
  return account.transactions?.transaction ?? [];
}

async function mockImport(app: Express, extra: Record<string, string> = {}): Promise<string> {
  return defaultImport(app, { ...(await mockSession(app)), ...extra });
}

describe('sandbox Kontomatik import commands', () => {
  // The import takes no time here; the timing has its own tests below.
  let app: Express;

  beforeEach(() => {
    app = createSandbox({ importMs: 0 }).app;
  });

  it('creates a mock session already signed in at KontoBank', async () => {
    const first = await mockSession(app);
    const second = await mockSession(app);
    expect(first.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(first.sessionIdSignature).toMatch(/^[0-9a-f]{64}$/);
    expect(second.sessionId).not.toBe(first.sessionId);

    const id = await defaultImport(app, first);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect((await commandOf(app, id))['@_status']).toBe('COMPLETED');
  });

  it('answers an accepted import with the bare QUEUED command', async () => {
    const res = await postForm(app, '/command/default-import.xml', await mockSession(app)).expect(200);
    expect(res.text).toMatch(
      /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<reply>\n {2}<command id="[0-9a-f]{32}" status="QUEUED"\/>\n<\/reply>\n$/,
    );
  });

  it('imports the KontoBank owner, a multipleAccessToken and three accounts with transactions', async () => {
    const command = await commandOf(app, await mockImport(app));
    expect(command['@_status']).toBe('COMPLETED');
    expect(command.target).toBe('KontoBank');
    expect(command.owners?.owner).toEqual([
      { name: 'Jan Kowalski', email: 'jan.kowalski@example.com', nationalId: expect.stringMatching(/^\d{11}$/) },
    ]);
    expect(command.multipleAccessToken).toMatch(/^[0-9a-f]{64}$/);

    const accounts = command.accounts!.account;
    expect(accounts.map((account) => account.currency)).toEqual(['PLN', 'PLN', 'EUR']);
    const [current, savings, foreign] = accounts.map((account) => transactionsOf(account).length);
    expect(current).toBeGreaterThanOrEqual(45);
    expect(current).toBeLessThanOrEqual(80);
    expect(savings).toBeGreaterThanOrEqual(4);
    expect(savings).toBeLessThanOrEqual(15);
    expect(foreign).toBeGreaterThanOrEqual(2);
    for (const account of accounts) {
      expect(account.number).toMatch(/^PL\d{26}$/);
      expect(new Set(transactionsOf(account).map((transaction) => transaction.currency))).toEqual(
        new Set([account.currency]),
      );
    }
  });

  it('writes every amount and balance as a decimal with exactly two places', async () => {
    const command = await commandOf(app, await mockImport(app));
    const accounts = command.accounts!.account;
    const amounts = accounts.flatMap((account) => [
      account.balance,
      account.availableBalance,
      ...transactionsOf(account).map((transaction) => transaction.amount),
    ]);
    expect(amounts.length).toBeGreaterThan(60);
    for (const amount of amounts) {
      expect(amount).toMatch(/^-?\d+\.\d{2}$/);
    }
    expect(amounts.some((amount) => amount.startsWith('-'))).toBe(true);
    expect(amounts.some((amount) => !amount.startsWith('-'))).toBe(true);
  });

  it('lists transactions newest first over the last 90 days, a few of them today', async () => {
    const today = isoDay(Date.now());
    const earliest = isoDay(Date.now() - 90 * DAY_MS);
    const command = await commandOf(app, await mockImport(app));
    for (const account of command.accounts!.account) {
      const dates = transactionsOf(account).map((transaction) => transaction.date);
      expect(dates).toEqual([...dates].sort().reverse());
      expect(dates.every((date) => date >= earliest && date <= today)).toBe(true);
    }
    const current = transactionsOf(command.accounts!.account[0]);
    expect(current.filter((transaction) => transaction.date === today).length).toBeGreaterThanOrEqual(3);
  });

  it('escapes & and < in the XML, so that a parser reads them back unchanged', async () => {
    const res = await request(app)
      .get(`${BASE}/command/${await mockImport(app)}.xml`)
      .set(KEY)
      .expect(200);
    expect(res.text).toContain('<counterpartyName>Orlen &amp; Co</counterpartyName>');
    expect(res.text).toMatch(/<description>Refund for order &lt;\d{8}&gt; &amp; shipping<\/description>/);
    // No bare `&` and no `<` outside a tag.
    expect(res.text).not.toMatch(/&(?!amp;|lt;|gt;|quot;|apos;)/);
    expect(res.text).not.toMatch(/>[^<]*<(?![/a-zA-Z?])/);

    const transactions = replyOf(res).command!.accounts!.account.flatMap(transactionsOf);
    expect(transactions).toContainEqual(expect.objectContaining({ counterpartyName: 'Orlen & Co', label: 'card' }));
    expect(transactions.map((transaction) => transaction.description)).toContainEqual(
      expect.stringMatching(/^Refund for order <\d{8}> & shipping$/),
    );
  });

  it('leaves out the elements a transaction has no value for', async () => {
    const res = await request(app)
      .get(`${BASE}/command/${await mockImport(app)}.xml`)
      .set(KEY)
      .expect(200);
    expect(res.text).not.toMatch(/<(\w+)><\/\1>|<(?!command\b|\?)\w+\/>/);
    const card = replyOf(res).command!.accounts!.account[0].transactions!.transaction[0];
    expect(card.label).toBe('card');
    expect(card).not.toHaveProperty('counterpartyAccount');
  });

  it('gives two imports of the same bank the same data', async () => {
    const first = await commandOf(app, await mockImport(app));
    const second = await commandOf(app, await mockImport(app));
    expect(second.accounts).toEqual(first.accounts);
    expect(second.multipleAccessToken).not.toBe(first.multipleAccessToken);
  });

  it('keeps one multipleAccessToken per session, however often it imports', async () => {
    const session = await mockSession(app);
    const first = await commandOf(app, await defaultImport(app, session));
    const second = await commandOf(app, await defaultImport(app, session));
    expect(second['@_id']).not.toBe(first['@_id']);
    expect(second.multipleAccessToken).toBe(first.multipleAccessToken);
  });

  it('imports only transactions dated on or after since: the newest part of a longer import', async () => {
    const since = isoDay(Date.now() - 10 * DAY_MS);
    const session = await mockSession(app);
    const recent = await commandOf(app, await defaultImport(app, { ...session, since }));
    const full = await commandOf(app, await defaultImport(app, session));
    const recentCurrent = transactionsOf(recent.accounts!.account[0]);
    expect(recentCurrent.length).toBeGreaterThan(3);
    expect(recentCurrent.every((transaction) => transaction.date >= since)).toBe(true);
    expect(transactionsOf(full.accounts!.account[0]).slice(0, recentCurrent.length)).toEqual(recentCurrent);
    expect(recent.accounts!.account[0].balance).toBe(full.accounts!.account[0].balance);
  });

  it('reaches further back than 90 days when since asks for it', async () => {
    const since = isoDay(Date.now() - 365 * DAY_MS);
    const command = await commandOf(app, await mockImport(app, { since }));
    const dates = transactionsOf(command.accounts!.account[0]).map((transaction) => transaction.date);
    expect(dates.length).toBeGreaterThan(150);
    expect(dates[dates.length - 1] >= since).toBe(true);
    expect(dates[dates.length - 1] < isoDay(Date.now() - 300 * DAY_MS)).toBe(true);
  });

  it('names the owner by the ownerExternalId of the import, else of the sign-in', async () => {
    const fromImport = await commandOf(app, await mockImport(app, { ownerExternalId: 'owner <7> & co' }));
    expect(fromImport.owners?.owner[0].externalId).toBe('owner <7> & co');

    const signIn = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set(KEY)
      .send({ target: 'PlMbank', accessMode: 'SINGLE', ownerExternalId: 'customer-42' })
      .expect(200);
    const { sessionId, sessionIdSignature, redirectUrl } = signIn.body as Record<string, string>;
    await request(app).get(new URL(redirectUrl).pathname).expect(200);
    const fromSignIn = await commandOf(app, await defaultImport(app, { sessionId, sessionIdSignature }));
    expect(fromSignIn.owners?.owner[0].externalId).toBe('customer-42');
  });

  it('gives no multipleAccessToken to a SINGLE access session', async () => {
    const signIn = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set(KEY)
      .send({ target: 'PlMbank', accessMode: 'SINGLE' })
      .expect(200);
    const { sessionId, sessionIdSignature, redirectUrl } = signIn.body as Record<string, string>;
    await request(app).get(new URL(redirectUrl).pathname).expect(200);
    const command = await commandOf(app, await defaultImport(app, { sessionId, sessionIdSignature }));
    expect(command['@_status']).toBe('COMPLETED');
    expect(command.target).toBe('PlMbank');
    expect(command).not.toHaveProperty('multipleAccessToken');
    expect(command.owners?.owner[0]).not.toHaveProperty('externalId');
  });

  it.each([
    ['CzCeskaSporitelna', 'CZK', /^CZ\d{22}$/],
    ['RoBancaTransilvania', 'RON', /^RO\d{2}BTRL\d{16}$/],
    ['EsSantander', 'EUR', /^ES\d{22}$/],
  ])('generates %s accounts in %s', async (target, currency, number) => {
    const signIn = await request(app)
      .post(`${BASE}/signin/redirection`)
      .set(KEY)
      .send({ target, accessMode: 'MULTIPLE' })
      .expect(200);
    const { sessionId, sessionIdSignature, redirectUrl } = signIn.body as Record<string, string>;
    await request(app).get(new URL(redirectUrl).pathname).expect(200);
    const command = await commandOf(app, await defaultImport(app, { sessionId, sessionIdSignature }));
    const accounts = command.accounts!.account;
    expect(accounts.length).toBeGreaterThanOrEqual(1);
    expect(accounts.length).toBeLessThanOrEqual(2);
    for (const account of accounts) {
      expect(account.currency).toBe(currency);
      expect(account.number).toMatch(number);
      expect(transactionsOf(account).length).toBeGreaterThan(0);
    }
  });

  it('fails an import whose since is more than five years back, with the error text', async () => {
    const command = await commandOf(app, await mockImport(app, { since: isoDay(Date.now() - 6 * 365 * DAY_MS) }));
    expect(command).toEqual({
      '@_id': expect.any(String),
      '@_status': 'FAILED',
      target: 'KontoBank',
      error: FIVE_YEARS_FAILURE,
    });
  });

  it.each([
    ['not a date', 'yesterday'],
    ['a day that does not exist', '2026-02-30'],
    ['another date format', '30.06.2026'],
    ['a day in the future', isoDay(Date.now() + 2 * DAY_MS)],
  ])('refuses a since that is %s: 400 InvalidRequest', async (_case, since) => {
    const res = await postForm(app, '/command/default-import.xml', { ...(await mockSession(app)), since }).expect(400);
    expect(exceptionOf(res).name).toBe('InvalidRequest');
  });

  it.each([
    ['no sessionId', 'sessionId'],
    ['no sessionIdSignature', 'sessionIdSignature'],
  ])('refuses an import with %s: 400 InvalidRequest', async (_case, left) => {
    const form: Record<string, string> = await mockSession(app);
    delete form[left];
    const res = await postForm(app, '/command/default-import.xml', form).expect(400);
    expect(exceptionOf(res).name).toBe('InvalidRequest');
  });

  it('refuses an unknown session: 404 SessionNotFound', async () => {
    const { sessionIdSignature } = await mockSession(app);
    const res = await postForm(app, '/command/default-import.xml', {
      sessionId: '0123456789abcdef0123456789abcdef',
      sessionIdSignature,
    }).expect(404);
    expect(exceptionOf(res)).toEqual({ name: 'SessionNotFound', message: expect.any(String) });
  });

  it.each([
    ['a changed signature', (signature: string) => `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`],
    ['a shorter signature', (signature: string) => signature.slice(0, 32)],
    ['another session’s signature', (_signature: string, other: string) => other],
  ])('refuses %s: 400 InvalidSessionSignature', async (_case, forge) => {
    const session = await mockSession(app);
    const other = await mockSession(app);
    const res = await postForm(app, '/command/default-import.xml', {
      sessionId: session.sessionId,
      sessionIdSignature: forge(session.sessionIdSignature, other.sessionIdSignature),
    }).expect(400);
    expect(exceptionOf(res).name).toBe('InvalidSessionSignature');
  });

  it('answers an unknown command with 404 CommandNotFound', async () => {
    const res = await request(app).get(`${BASE}/command/0123456789abcdef01234567.xml`).set(KEY).expect(404);
    expect(exceptionOf(res)).toEqual({ name: 'CommandNotFound', message: expect.any(String) });
  });

  it('imports again with the multipleAccessToken: a new command for the same bank, owner and data', async () => {
    const first = await commandOf(app, await mockImport(app, { ownerExternalId: 'customer-7' }));
    const token = first.multipleAccessToken!;
    const res = await postForm(app, '/command/reuse-multiple-access.xml', { multipleAccessToken: token }).expect(200);
    const accepted = replyOf(res).command!;
    expect(accepted).toEqual({ '@_id': expect.stringMatching(/^[0-9a-f]{32}$/), '@_status': 'QUEUED' });
    expect(accepted['@_id']).not.toBe(first['@_id']);

    const again = await commandOf(app, accepted['@_id']);
    expect(again['@_status']).toBe('COMPLETED');
    expect(again.target).toBe('KontoBank');
    expect(again.owners).toEqual(first.owners);
    expect(again.accounts).toEqual(first.accounts);
    expect(again.multipleAccessToken).toBe(token);
  });

  it('reuses with a since, by the same rules as the first import', async () => {
    const { multipleAccessToken } = await commandOf(app, await mockImport(app));
    const since = isoDay(Date.now() - 5 * DAY_MS);
    const reply = replyOf(
      await postForm(app, '/command/reuse-multiple-access.xml', { multipleAccessToken: multipleAccessToken!, since }),
    );
    const command = await commandOf(app, reply.command!['@_id']);
    const dates = command.accounts!.account.flatMap(transactionsOf).map((transaction) => transaction.date);
    expect(dates.every((date) => date >= since)).toBe(true);

    const tooOld = replyOf(
      await postForm(app, '/command/reuse-multiple-access.xml', {
        multipleAccessToken: multipleAccessToken!,
        since: isoDay(Date.now() - 6 * 365 * DAY_MS),
      }).expect(200),
    );
    expect((await commandOf(app, tooOld.command!['@_id'])).error).toBe(FIVE_YEARS_FAILURE);

    const bad = await postForm(app, '/command/reuse-multiple-access.xml', {
      multipleAccessToken: multipleAccessToken!,
      since: '2026-13-01',
    }).expect(400);
    expect(exceptionOf(bad).name).toBe('InvalidRequest');
  });

  it('revokes a multipleAccessToken: reusing or deleting it again is refused with MultipleAccessRevoked', async () => {
    const { multipleAccessToken } = await commandOf(app, await mockImport(app));
    const deleted = await postForm(app, '/command/delete-multiple-access.xml', {
      multipleAccessToken: multipleAccessToken!,
    }).expect(200);
    expect(deleted.text).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<reply>\n  <multipleAccessDeleted>true</multipleAccessDeleted>\n</reply>\n',
    );
    expect(replyOf(deleted)).toEqual({ multipleAccessDeleted: 'true' });

    const reuse = await postForm(app, '/command/reuse-multiple-access.xml', {
      multipleAccessToken: multipleAccessToken!,
    }).expect(400);
    expect(exceptionOf(reuse)).toEqual({ name: 'MultipleAccessRevoked', message: expect.any(String) });
    const again = await postForm(app, '/command/delete-multiple-access.xml', {
      multipleAccessToken: multipleAccessToken!,
    }).expect(400);
    expect(exceptionOf(again).name).toBe('MultipleAccessRevoked');
  });

  it('does not renew a revoked consent when its session imports again', async () => {
    const session = await mockSession(app);
    const { multipleAccessToken } = await commandOf(app, await defaultImport(app, session));
    await postForm(app, '/command/delete-multiple-access.xml', { multipleAccessToken: multipleAccessToken! }).expect(
      200,
    );
    const after = await commandOf(app, await defaultImport(app, session));
    expect(after['@_status']).toBe('COMPLETED');
    expect(after).not.toHaveProperty('multipleAccessToken');
  });

  it.each(['/command/reuse-multiple-access.xml', '/command/delete-multiple-access.xml'])(
    'answers %s with an unknown token 400 InvalidMultipleAccessToken, and without one 400 InvalidRequest',
    async (path) => {
      const unknown = await postForm(app, path, { multipleAccessToken: 'f'.repeat(64) }).expect(400);
      expect(exceptionOf(unknown)).toEqual({ name: 'InvalidMultipleAccessToken', message: expect.any(String) });
      const missing = await postForm(app, path, {}).expect(400);
      expect(exceptionOf(missing).name).toBe('InvalidRequest');
    },
  );

  it('refuses a form body that is too large: 413 in XML', async () => {
    const res = await postForm(app, '/command/default-import.xml', {
      ...(await mockSession(app)),
      ownerExternalId: 'x'.repeat(10_000),
    }).expect(413);
    expect(exceptionOf(res).name).toBe('InvalidRequest');
  });
});

describe('sandbox Kontomatik import timing', () => {
  const IMPORT_MS = 1000;
  const STARTED_AT = Date.UTC(2026, 5, 30, 9, 0, 0);
  const clock = createClock(STARTED_AT);
  const app = kontomatikApp(IMPORT_MS, clock);

  beforeEach(() => {
    clock.set(STARTED_AT);
  });

  /** The command as a poll sees it `ms` after the import started. */
  async function statusAfter(id: string, ms: number): Promise<CommandXml> {
    clock.set(STARTED_AT + ms);
    return commandOf(app, id);
  }

  it('is QUEUED for the first fifth of the import time, RUNNING until it ends, then COMPLETED', async () => {
    const id = await mockImport(app);
    const queued = await statusAfter(id, 0);
    expect(queued).toEqual({ '@_id': id, '@_status': 'QUEUED', target: 'KontoBank' });
    expect((await statusAfter(id, 199))['@_status']).toBe('QUEUED');
    expect(await statusAfter(id, 200)).toEqual({ '@_id': id, '@_status': 'RUNNING', target: 'KontoBank' });
    expect((await statusAfter(id, 999))['@_status']).toBe('RUNNING');
    const done = await statusAfter(id, 1000);
    expect(done['@_status']).toBe('COMPLETED');
    expect(done.accounts!.account.length).toBeGreaterThanOrEqual(2);
  });

  it('dates the data from the day the import started, even when polled days later', async () => {
    const id = await mockImport(app);
    const done = await statusAfter(id, 3 * DAY_MS);
    expect(done.accounts!.account[0].transactions!.transaction[0].date).toBe('2026-06-30');
  });

  it('tells a too-old since only once the import time has passed, as FAILED', async () => {
    const id = await mockImport(app, { since: '2021-06-29' });
    expect((await statusAfter(id, 0))['@_status']).toBe('QUEUED');
    expect(await statusAfter(id, 500)).toEqual({ '@_id': id, '@_status': 'RUNNING', target: 'KontoBank' });
    expect(await statusAfter(id, 1000)).toEqual({
      '@_id': id,
      '@_status': 'FAILED',
      target: 'KontoBank',
      error: FIVE_YEARS_FAILURE,
    });
  });

  it('accepts a since exactly five years back', async () => {
    const id = await mockImport(app, { since: '2021-06-30' });
    expect((await statusAfter(id, 1000))['@_status']).toBe('COMPLETED');
  });
});

describe('sandbox Kontomatik import on the wall clock', () => {
  it('goes through QUEUED and RUNNING before it finishes, importMs after it started', async () => {
    const importMs = 300;
    const app = createSandbox({ importMs }).app;
    const session = await mockSession(app);
    const started = Date.now();
    const id = await defaultImport(app, session);
    const seen: string[] = [];
    let command = await commandOf(app, id);
    while (command['@_status'] !== 'COMPLETED' && Date.now() - started < 5000) {
      seen.push(command['@_status']);
      await sleep(20);
      command = await commandOf(app, id);
    }
    expect(command['@_status']).toBe('COMPLETED');
    expect(seen).toContain('RUNNING');
    expect(seen.filter((status) => status !== 'QUEUED' && status !== 'RUNNING')).toEqual([]);
    expect(command.multipleAccessToken).toBeDefined();
  });
});
