import { print } from 'graphql';
import request from 'supertest';

import {
  CreateMockSessionDocument,
  ImportCommandDocument,
  ImportStatusChangedDocument,
  ReuseConsentDocument,
  RevokeConsentDocument,
  SignInStatusDocument,
  StartImportDocument,
  StartSignInDocument,
  type ImportStatusChangedSubscription,
} from '../generated/graphql';
import { startGateway, type TestGateway } from '../support/gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

const IMPORT_MS = 600;
const WATCH = print(ImportStatusChangedDocument);

describe('Kontomatik imports watched over the WebSocket', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startGateway({ IMPORT_POLL_MS: '100', IMPORT_POLL_MAX_MS: '200' }, { importMs: IMPORT_MS });
  });
  afterAll(() => t.close());

  const mockImport = async (since?: string) => {
    const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    expect(session.redirectUrl).toBeNull();
    const started = await t.gql(StartImportDocument, {
      input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature, since },
    });
    expect(started.body.errors).toBeUndefined();
    return started.body.data!.startImport;
  };

  it('goes from a mock session to a COMPLETED import whose accounts are full nodes', async () => {
    const started = await mockImport();
    expect(started).toMatchObject({ provider: 'KONTOMATIK', status: 'QUEUED', error: null });
    expect(started.startedAt).not.toBeNull();

    const client = wsClient(t.url, {});
    const watch = subscribe<ImportStatusChangedSubscription>(client, WATCH, { id: started.id });
    await watch.done;
    await client.dispose();

    const statuses = watch.results.map((r) => r.data!.importStatusChanged.status);
    // The current state at once, then each change, ending with COMPLETED.
    expect(statuses[0]).toBe('QUEUED');
    expect(statuses.at(-1)).toBe('COMPLETED');
    expect(new Set(statuses).size).toBe(statuses.length);
    const last = watch.results.at(-1)!.data!.importStatusChanged;
    expect(last.finishedAt).not.toBeNull();
    expect(last.accounts.length).toBeGreaterThanOrEqual(2);

    const { body } = await t.gql(ImportCommandDocument, { id: started.id });
    const command = body.data!.importCommand!;
    expect(command.status).toBe('COMPLETED');
    expect(command.multipleAccessToken).toEqual(expect.any(String));
    expect(command.owners.length).toBeGreaterThanOrEqual(1);
    for (const account of command.accounts) {
      expect(account.provider).toBe('KONTOMATIK');
      expect(account.balance!.decimal).toMatch(/^-?\d+\.\d{2}$/);
    }
    const withTransactions = command.accounts.find((a) => a.transactions.edges.length > 0)!;
    for (const { node } of withTransactions.transactions.edges) {
      // Exact: the decimal text and the minor units say the same.
      expect(Number(node.amount.decimal.replace('.', ''))).toBe(node.amount.minorUnits);
    }

    // node(id) resolves the imported account and transaction, and paging continues.
    const nodes = await t.gql(
      `query($a: ID!, $t: ID!, $after: String) {
        account: node(id: $a) { id ... on Account { providerAccountId transactions(first: 5, after: $after) { edges { node { id } } } } }
        transaction: node(id: $t) { id ... on Transaction { amount { decimal } } }
      }`,
      {
        a: withTransactions.id,
        t: withTransactions.transactions.edges[0]!.node.id,
        after: withTransactions.transactions.pageInfo.endCursor,
      },
    );
    expect(nodes.body.errors).toBeUndefined();
    const data = nodes.body.data as {
      account: { id: string; transactions: { edges: Array<{ node: { id: string } }> } };
      transaction: { id: string; amount: { decimal: string } };
    };
    expect(data.account.id).toBe(withTransactions.id);
    expect(data.transaction.amount.decimal).toBe(withTransactions.transactions.edges[0]!.node.amount.decimal);
    const firstPage = withTransactions.transactions.edges.map((e) => e.node.id);
    const secondPage = data.account.transactions.edges.map((e) => e.node.id);
    expect(secondPage.some((id) => firstPage.includes(id))).toBe(false);
  });

  it('ends FAILED with the provider’s error when `since` is more than five years back', async () => {
    const since = new Date(Date.now() - 6 * 365 * 86_400_000).toISOString();
    const started = await mockImport(since);
    const client = wsClient(t.url);
    const watch = subscribe<ImportStatusChangedSubscription>(client, WATCH, { id: started.id });
    await watch.done;
    await client.dispose();
    const last = watch.results.at(-1)!.data!.importStatusChanged;
    expect(last.status).toBe('FAILED');
    expect(last.error).toMatch(/five years/);
    expect(last.accounts).toEqual([]);
  });

  it('sends the final state at once and completes for an import that already ended', async () => {
    const started = await mockImport();
    const first = wsClient(t.url);
    await subscribe(first, WATCH, { id: started.id }).done;
    await first.dispose();

    const late = wsClient(t.url);
    const watch = subscribe<ImportStatusChangedSubscription>(late, WATCH, { id: started.id });
    await watch.done;
    await late.dispose();
    expect(watch.results.map((r) => r.data!.importStatusChanged.status)).toEqual(['COMPLETED']);
  });

  it('polls once for 100 subscribers: the sandbox sees a single poller’s traffic', async () => {
    const pollsOf = async (subscribers: number) => {
      const started = await mockImport();
      await t.resetStats();
      const client = wsClient(t.url);
      const watches = Array.from({ length: subscribers }, () =>
        subscribe<ImportStatusChangedSubscription>(client, WATCH, { id: started.id }),
      );
      await Promise.all(watches.map((w) => w.done));
      await client.dispose();
      for (const watch of watches) {
        expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
      }
      const stats = await t.stats();
      // Nothing but status polls: subscribing and resolving `accounts` cost no calls.
      expect(Object.keys(stats)).toEqual(['KONTOMATIK GET /command/:id.xml']);
      return stats['KONTOMATIK GET /command/:id.xml']!;
    };
    const alone = await pollsOf(1);
    const crowd = await pollsOf(100);
    expect(crowd).toBeLessThanOrEqual(alone + 1);
    // About IMPORT_MS / poll interval, never one per subscriber.
    expect(crowd).toBeLessThan(20);
  });

  it('refuses an unknown or foreign id when the client subscribes', async () => {
    const client = wsClient(t.url, aliceConnection);
    const unknown = Buffer.from('ImportCommand:KONTOMATIK:0123456789abcdef0123').toString('base64url');
    const codeOf = async (id: string) => {
      const watch = subscribe(client, WATCH, { id });
      await watch.done;
      expect(watch.results).toHaveLength(1);
      return watch.results[0]!.errors![0]!.extensions!.code;
    };
    expect(await codeOf(unknown)).toBe('NOT_FOUND');
    expect(await codeOf('not-an-id')).toBe('BAD_USER_INPUT');
    const bankimportWithoutToken = Buffer.from('ImportCommand:BANKIMPORT:someone-elses').toString('base64url');
    expect(await codeOf(bankimportWithoutToken)).toBe('NOT_FOUND');
    await client.dispose();
    const { body } = await t.gql(ImportCommandDocument, { id: unknown });
    expect(body.errors![0]!.extensions.code).toBe('NOT_FOUND');
  });

  it('signs in by redirection: PENDING until the bank page approves, then imports', async () => {
    const { body } = await t.gql(StartSignInDocument, {
      input: { target: 'KontoBank', accessMode: 'SINGLE', redirectUrl: 'https://app.example/back' },
    });
    const session = body.data!.startSignIn;
    expect(session.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect((await t.gql(SignInStatusDocument, { sessionId: session.sessionId })).body.data!.signInStatus).toBe(
      'PENDING',
    );

    const bankPage = new URL(session.redirectUrl!);
    const approved = await request(bankPage.origin).get(bankPage.pathname + bankPage.search);
    expect(approved.status).toBe(302);
    expect(approved.headers.location).toContain('https://app.example/back');
    expect((await t.gql(SignInStatusDocument, { sessionId: session.sessionId })).body.data!.signInStatus).toBe(
      'COMPLETED',
    );

    const started = await t.gql(StartImportDocument, {
      input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
    });
    expect(started.body.data!.startImport.status).toMatch(/QUEUED|RUNNING/);
  });

  it('refuses banks outside the catalog and unsupported access modes before starting anything', async () => {
    await t.gql(`{ banks { id } }`);
    await t.resetStats();
    const unknown = await t.gql(StartSignInDocument, { input: { target: 'NoSuchBank', accessMode: 'SINGLE' } });
    expect(unknown.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'target' });
    const mode = await t.gql(StartSignInDocument, { input: { target: 'EsBbva', accessMode: 'MULTIPLE' } });
    expect(mode.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accessMode' });
    const badUrl = await t.gql(StartSignInDocument, {
      input: { target: 'KontoBank', accessMode: 'SINGLE', redirectUrl: 'javascript:alert(1)' },
    });
    expect(badUrl.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'redirectUrl' });
    // Earlier tests' imports may still be polled; nothing else may have reached Kontomatik.
    const calls = Object.keys(await t.stats()).filter((route) => route !== 'KONTOMATIK GET /command/:id.xml');
    expect(calls).toEqual([]);
  });

  it('answers PROVIDER_ERROR with the provider’s reason for a wrong session signature', async () => {
    const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const { body } = await t.gql(StartImportDocument, {
      input: { sessionId: session.sessionId, sessionIdSignature: 'f'.repeat(64) },
    });
    expect(body.errors![0]!.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: 'KONTOMATIK',
      reason: 'INVALID_SESSION_SIGNATURE',
    });
    expect(body.errors![0]!.message).toMatch(/InvalidSessionSignature/);
    expect(body.errors![0]!.message).not.toMatch(/at \w+ \(/);
  });

  it('imports again with the consent token, and not once it is revoked', async () => {
    const started = await mockImport();
    const client = wsClient(t.url);
    await subscribe(client, WATCH, { id: started.id }).done;
    const token = (await t.gql(ImportCommandDocument, { id: started.id })).body.data!.importCommand!
      .multipleAccessToken!;

    const again = await t.gql(ReuseConsentDocument, { input: { multipleAccessToken: token } });
    expect(again.body.errors).toBeUndefined();
    const watch = subscribe<ImportStatusChangedSubscription>(client, WATCH, { id: again.body.data!.reuseConsent.id });
    await watch.done;
    expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    await client.dispose();

    expect((await t.gql(RevokeConsentDocument, { token })).body.data!.revokeConsent).toBe(true);
    const refused = await t.gql(ReuseConsentDocument, { input: { multipleAccessToken: token } });
    expect(refused.body.errors![0]!.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: 'KONTOMATIK',
      reason: 'CONSENT_REVOKED',
    });
    expect(refused.body.errors![0]!.message).toMatch(/MultipleAccessRevoked/);
    // The consent token never shows in an error or a log line.
    expect(refused.body.errors![0]!.message).not.toContain(token);
    expect(t.logs.join('\n')).not.toContain(token);
  });

  it('refuses a `since` in the future', async () => {
    const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const { body } = await t.gql(StartImportDocument, {
      input: { ...session, redirectUrl: undefined, since: new Date(Date.now() + 86_400_000).toISOString() } as never,
    });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'since' });
  });

  it('tells subscribers when the provider stays down, keeps the subscription and finishes once it is back', async () => {
    const t2 = await startGateway(
      {
        IMPORT_POLL_MS: '50',
        IMPORT_POLL_MAX_MS: '100',
        IMPORT_UNAVAILABLE_AFTER_MS: '300',
        UPSTREAM_TIMEOUT_MS: '500',
        // The circuit opens while the provider is down; its trial call comes soon after.
        CIRCUIT_HALF_OPEN_MS: '200',
      },
      { importMs: 200 },
    );
    try {
      const session = (await t2.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
      const started = (
        await t2.gql(StartImportDocument, {
          input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
        })
      ).body.data!.startImport;
      await t2.faults({ provider: 'KONTOMATIK', down: true });
      const client = wsClient(t2.url);
      const watch = subscribe<ImportStatusChangedSubscription>(client, WATCH, { id: started.id });
      const unavailable = await watch.next((r) => Boolean(r.errors?.length));
      expect(unavailable.errors![0]!.extensions).toMatchObject({
        code: 'PROVIDER_UNAVAILABLE',
        provider: 'KONTOMATIK',
      });
      await t2.clearFaults();
      await watch.done;
      expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
      await client.dispose();
    } finally {
      await t2.close();
    }
  });
});
