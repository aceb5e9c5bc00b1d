import { print } from 'graphql';

import {
  AccountTransactionsDocument,
  AccountsDocument,
  ConfirmTransferDocument,
  CreateTransferDocument,
  ImportCommandDocument,
  ImportStatusChangedDocument,
  LinkBankAccountsDocument,
  RefreshAccountDocument,
  TransactionAddedDocument,
  type ImportStatusChangedSubscription,
  type TransactionAddedSubscription,
} from '../generated/graphql';
import { alice, bob, startGateway, type TestGateway } from '../support/gateway';
import { aliceConnection, bobConnection, subscribe, wsClient } from '../support/subscriptions';

const BANKIMPORT_7856278 = 'QWNjb3VudDpCQU5LSU1QT1JUOjc4NTYyNzg';
const KONTIST_4711 = 'QWNjb3VudDpLT05USVNUOjQ3MTE';
const POLL_MS = 150;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Bankimport: linking HBCI logins and refreshing accounts', () => {
  let t: TestGateway;

  beforeAll(async () => {
    t = await startGateway(
      { IMPORT_POLL_MS: '50', IMPORT_POLL_MAX_MS: '100', TRANSACTION_POLL_MS: String(POLL_MS) },
      { importMs: 400 },
    );
  });
  afterAll(() => t.close());

  /** Resolves once the sandbox has counted `calls` requests to `route` since its last reset. */
  const untilCalled = async (route: string, calls: number) => {
    while (((await t.stats())[route] ?? 0) < calls) {
      await sleep(20);
    }
  };

  it('links the accounts of an HBCI login; the secret goes upstream once and nowhere else', async () => {
    const before = (await t.gql(AccountsDocument, {}, alice)).body.data!.accounts.length;
    const secret = 'alice-hbci-pin';
    const { body } = await t.gql(
      LinkBankAccountsDocument,
      { input: { title: 'Tagesgeld', bankCode: '30070024', username: 'alice', secret } },
      alice,
    );
    expect(body.errors).toBeUndefined();
    const linked = body.data!.linkBankAccounts;
    expect(linked.map((a) => a.providerAccountId)).toContain('7856280');
    expect(linked.every((a) => a.provider === 'BANKIMPORT')).toBe(true);
    expect((await t.gql(AccountsDocument, {}, alice)).body.data!.accounts.length).toBe(before + 1);
    expect(t.logs.join('\n')).not.toContain(secret);
  });

  it('refuses a wrong PIN with the bank’s reason, and checks the input before sending anything', async () => {
    const wrong = await t.gql(
      LinkBankAccountsDocument,
      { input: { title: 'x', bankCode: '30070024', username: 'alice', secret: 'guess-1234' } },
      alice,
    );
    expect(wrong.body.errors![0]!.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      provider: 'BANKIMPORT',
      reason: 'HBCI_LOGIN_FAILED',
    });
    expect(wrong.body.errors![0]!.message).toMatch(/hbci_login_failed/);
    expect(JSON.stringify(wrong.body)).not.toContain('guess-1234');

    await t.resetStats();
    const badCode = await t.gql(
      LinkBankAccountsDocument,
      { input: { title: 'x', bankCode: '3007', username: 'alice', secret: 'guess-1234' } },
      alice,
    );
    expect(badCode.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'bankCode' });
    const noToken = await t.gql(LinkBankAccountsDocument, {
      input: { title: 'x', bankCode: '30070024', username: 'alice', secret: 'guess-1234' },
    });
    expect(noToken.body.errors![0]!.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'BANKIMPORT' });
    expect(await t.stats()).toEqual({});
    expect(t.logs.join('\n')).not.toContain('guess-1234');
  });

  it('refreshes an account until COMPLETED, with its new transactions visible and announced', async () => {
    await t.resetStats();
    const client = wsClient(t.url, aliceConnection);
    const added = subscribe<TransactionAddedSubscription>(client, print(TransactionAddedDocument), {
      accountId: BANKIMPORT_7856278,
    });
    // The first look only learns what is there; each look reads the account once, so the
    // first is over once a second has begun.
    await untilCalled('BANKIMPORT GET /api/v1/bank-account/:id/transactions', 2);
    const newestBefore = (
      await t.gql(AccountTransactionsDocument, { id: BANKIMPORT_7856278, first: 10 }, alice)
    ).body.data!.account!.transactions.edges.map((e) => e.node.id);

    const { body } = await t.gql(RefreshAccountDocument, { accountId: BANKIMPORT_7856278 }, alice);
    expect(body.errors).toBeUndefined();
    const started = body.data!.refreshAccount;
    expect(started).toMatchObject({ provider: 'BANKIMPORT', status: 'RUNNING', finishedAt: null });
    expect(started.account!.id).toBe(BANKIMPORT_7856278);
    expect(Date.parse(started.estimatedFinishAt!)).toBeGreaterThan(Date.now() - 1000);

    const watch = subscribe<ImportStatusChangedSubscription>(client, print(ImportStatusChangedDocument), {
      id: started.id,
    });
    await watch.done;
    const statuses = watch.results.map((r) => r.data!.importStatusChanged.status);
    expect(statuses).toEqual(['RUNNING', 'COMPLETED']);

    const after = (await t.gql(AccountTransactionsDocument, { id: BANKIMPORT_7856278, first: 10 }, alice)).body.data!
      .account!;
    const fresh = after.transactions.edges.map((e) => e.node.id).filter((id) => !newestBefore.includes(id));
    expect(fresh.length).toBeGreaterThanOrEqual(1);
    expect(fresh.length).toBeLessThanOrEqual(5);

    const announced = await added.next();
    expect(fresh).toContain(announced.data!.transactionAdded.id);
    expect(announced.data!.transactionAdded.account.id).toBe(BANKIMPORT_7856278);
    added.stop();
    await client.dispose();
  });

  it('keeps a refresh to the token that started it', async () => {
    const { body } = await t.gql(RefreshAccountDocument, { accountId: BANKIMPORT_7856278 }, alice);
    const id = body.data!.refreshAccount.id;
    expect((await t.gql(ImportCommandDocument, { id }, bob)).body.errors![0]!.extensions.code).toBe('NOT_FOUND');
    const client = wsClient(t.url, bobConnection);
    const watch = subscribe(client, print(ImportStatusChangedDocument), { id });
    await watch.done;
    expect(watch.results[0]!.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    await client.dispose();
    // Its owner sees it, without credentials nobody does.
    expect((await t.gql(ImportCommandDocument, { id }, alice)).body.data!.importCommand!.id).toBe(id);
    expect((await t.gql(ImportCommandDocument, { id })).body.errors![0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses to refresh an account that is not Bankimport’s', async () => {
    const { body } = await t.gql(RefreshAccountDocument, { accountId: KONTIST_4711 }, alice);
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accountId' });
  });

  it('announces a transfer once it is booked, with fresh account data', async () => {
    await t.resetStats();
    const client = wsClient(t.url, aliceConnection);
    const added = subscribe<TransactionAddedSubscription>(client, print(TransactionAddedDocument), {});
    // Each look lists alice's Kontist accounts once: the second has begun, the first has learnt.
    await untilCalled('KONTIST GET /api/accounts', 2);
    const created = await t.gql(
      CreateTransferDocument,
      { input: { accountId: KONTIST_4711, recipient: 'Karl Brenner', iban: 'DE89370400440532013000', amount: 4321 } },
      alice,
    );
    const confirmationId = created.body.data!.createTransfer.id;
    const confirmed = await t.gql(
      ConfirmTransferDocument,
      { confirmationId, authorizationToken: await t.latestTan() },
      alice,
    );
    expect(confirmed.body.errors).toBeUndefined();
    const announced = await added.next((r) => r.data?.transactionAdded.amount.minorUnits === -4321);
    const balance = (await t.gql(AccountsDocument, {}, alice)).body.data!.accounts.find((a) => a.id === KONTIST_4711)!
      .balance!.minorUnits;
    // Loaders are fresh for every event: the account shows the balance after the transfer.
    expect(announced.data!.transactionAdded.account.balance!.minorUnits).toBe(balance);
    added.stop();
    await client.dispose();
  });

  it('refuses transactionAdded without credentials, and for an account that is not the caller’s', async () => {
    const anonymous = wsClient(t.url, {});
    const all = subscribe(anonymous, print(TransactionAddedDocument), {});
    await all.done;
    expect(all.results[0]!.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    await anonymous.dispose();

    const client = wsClient(t.url, bobConnection);
    const foreign = subscribe(client, print(TransactionAddedDocument), { accountId: BANKIMPORT_7856278 });
    await foreign.done;
    expect(foreign.results[0]!.errors![0]!.extensions!.code).toBe('NOT_FOUND');
    await client.dispose();
  });

  it('stops the pollers when the last subscriber goes away', async () => {
    const client = wsClient(t.url, aliceConnection);
    const one = subscribe(client, print(TransactionAddedDocument), { accountId: BANKIMPORT_7856278 });
    const two = subscribe(client, print(TransactionAddedDocument), { accountId: BANKIMPORT_7856278 });
    const pollers = async () => {
      const metrics = await (await fetch(`${t.url}/metrics`)).text();
      return Number(/gateway_active_pollers\{kind="transactions"\} (\d+)/.exec(metrics)?.[1] ?? 0);
    };
    while ((await pollers()) === 0) {
      await sleep(20);
    }
    expect(await pollers()).toBe(1);
    one.stop();
    // Nothing is to change here: a moment for the server to act on the stop, were it to.
    await sleep(50);
    expect(await pollers()).toBe(1);
    two.stop();
    while ((await pollers()) > 0) {
      await sleep(20);
    }
    await client.dispose();
  });
});
