import http from 'node:http';
import type { AddressInfo } from 'node:net';

import request from 'supertest';

import type { ProviderDescriptor } from '../../src/providers/descriptor';
import { parseJson, type Upstream } from '../../src/providers/http';
import { parseMinorUnits } from '../../src/money';
import type { AccountProvider, AccountRecord, TransactionRecord } from '../../src/providers/provider';
import { banks } from '../../src/providers/registry';
import { alice, startGateway, type TestGateway } from '../support/gateway';
import { subscribe, wsClient } from '../support/subscriptions';

/**
 * A bank is one folder: a fourth provider, made of nothing but a descriptor and a client
 * (both here, in the test), joins the gateway without a change to any other file. Its
 * bank is a tiny HTTP server speaking a JSON API of its own.
 */
const KEY = 'piggy-secret-4711';

interface PiggyAccount {
  id: string;
  iban: string;
  cents: string;
}
interface PiggyTransaction {
  id: string;
  cents: string;
  booked: string;
  text: string;
}

const piggyAccounts: PiggyAccount[] = [{ id: 'p1', iban: 'DE02100100109307118603', cents: '123456789012' }];
const piggyTransactions: PiggyTransaction[] = [
  { id: 't2', cents: '-1999', booked: '2031-01-02', text: 'Piggy coffee' },
  { id: 't1', cents: '50000', booked: '2030-12-24', text: 'Piggy gift' },
];

/** The bank: accounts and transactions, for one API key sent as `Authorization: Key <key>`. */
function startPiggyBank(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
  const seen: string[] = [];
  const server = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} ${req.headers.authorization ?? '-'}`);
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
    };
    if (req.headers.authorization === 'Key frozen') {
      send(422, { error: 'frozen', message: 'This piggy bank is frozen.' });
    } else if (req.headers.authorization !== `Key ${KEY}`) {
      send(401, { error: 'bad_key' });
    } else if (req.url === '/v1/accounts') {
      send(200, piggyAccounts);
    } else if (req.url === '/v1/accounts/p1/transactions') {
      send(200, piggyTransactions);
    } else {
      send(404, { error: 'not_found' });
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        seen,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

function toAccount(raw: PiggyAccount): AccountRecord {
  return {
    provider: 'PIGGYBANK',
    providerAccountId: raw.id,
    iban: raw.iban,
    bic: null,
    bankName: 'Piggy Bank',
    bankCode: null,
    accountNumber: null,
    owner: null,
    title: null,
    type: null,
    currency: 'EUR',
    balance: parseMinorUnits(raw.cents, 'EUR'),
    availableBalance: null,
    lastUpdatedAt: null,
    canInitiatePayments: false,
  };
}

function toTransaction(raw: PiggyTransaction, accountId: string): TransactionRecord {
  return {
    provider: 'PIGGYBANK',
    providerTransactionId: raw.id,
    providerAccountId: accountId,
    amount: parseMinorUnits(raw.cents, 'EUR'),
    originalAmount: null,
    status: 'BOOKED',
    counterpartyName: null,
    counterpartyIban: null,
    purpose: raw.text,
    endToEndId: null,
    mandateNumber: null,
    bookingType: null,
    paymentMethod: null,
    category: null,
    bookingDate: new Date(`${raw.booked}T00:00:00Z`),
    valueDate: null,
  };
}

/** The client: I/O through the gateway's upstream (circuit, timeouts, metrics), mapping in between. */
function createPiggyClient(upstream: Upstream): AccountProvider {
  const get = <T>(path: string, credential: string, signal?: AbortSignal) =>
    upstream.request<T>({
      method: 'GET',
      path,
      headers: { Authorization: `Key ${credential}`, Accept: 'application/json' },
      signal,
      parse: (body) => parseJson(body) as T,
    });
  const transactionsOf = (call: { credential: string; signal?: AbortSignal }, accountId: string) =>
    get<PiggyTransaction[]>(`/v1/accounts/${encodeURIComponent(accountId)}/transactions`, call.credential, call.signal);
  return {
    name: 'PIGGYBANK',
    async listAccounts(call) {
      const raw = await get<PiggyAccount[]>('/v1/accounts', call.credential, call.signal);
      return { items: raw.map(toAccount), applied: new Set() };
    },
    transactions(call, accountId) {
      return {
        applied: new Set(),
        async read(offset, count) {
          const all = (await transactionsOf(call, accountId)).map((raw) => toTransaction(raw, accountId));
          return { items: all.slice(offset, offset + count), total: all.length };
        },
      };
    },
    async transaction(call, accountId, transactionId) {
      const raw = (await transactionsOf(call, accountId)).find((t) => t.id === transactionId);
      return raw ? toTransaction(raw, accountId) : null;
    },
  };
}

function piggyDescriptor(url: string): ProviderDescriptor {
  return {
    name: 'PIGGYBANK',
    description: 'A fourth bank, added by a test with one descriptor and one client.',
    credentials: { header: 'X-Piggybank-Key', connectionInitKey: 'piggybankKey' },
    upstreamAuth: '`Authorization: Key <key>`',
    capabilities: { accounts: 'LISTED', transactions: true, payments: false, imports: false },
    reasons: { frozen: 'ACCOUNT_FROZEN' },
    settings: [],
    baseUrl: () => url,
    create: (upstream) => ({ accounts: createPiggyClient(upstream) }),
  };
}

/** Untyped answers: this test's documents are not among the typed operations. */
interface Answer {
  data: any;
  errors?: Array<{ message: string; extensions: Record<string, unknown> }>;
}

describe('a fourth provider, registered with a descriptor and a client', () => {
  let piggy: Awaited<ReturnType<typeof startPiggyBank>>;
  let t: TestGateway;
  const both = { ...alice, 'X-Piggybank-Key': KEY };
  const gql = async (query: string, variables = {}, headers: Record<string, string> = {}) =>
    (await t.gql(query, variables, headers)).body as Answer;

  beforeAll(async () => {
    piggy = await startPiggyBank();
    t = await startGateway({ TRANSACTION_POLL_MS: '100' }, {}, undefined, {
      providers: [...banks, piggyDescriptor(piggy.url)],
    });
  });
  afterAll(async () => {
    await t.close();
    await piggy.close();
  });

  it('is a value of the schema’s Provider enum, described by its descriptor', async () => {
    const response = await gql('{ __type(name: "Provider") { enumValues { name description } } }');
    expect(response.data.__type.enumValues).toEqual(
      expect.arrayContaining([
        { name: 'PIGGYBANK', description: 'A fourth bank, added by a test with one descriptor and one client.' },
        expect.objectContaining({ name: 'KONTIST' }),
      ]),
    );
  });

  it('lists its accounts beside the others’, with exact money, reading its credential from its own header', async () => {
    const response = await gql('{ accounts { id provider iban balance { minorUnits decimal currency } } }', {}, both);
    expect(response.errors).toBeUndefined();
    const accounts = response.data.accounts as Array<{ provider: string; iban: string; balance: unknown }>;
    expect(new Set(accounts.map((a) => a.provider))).toEqual(new Set(['KONTIST', 'BANKIMPORT', 'PIGGYBANK']));
    expect(accounts.find((a) => a.provider === 'PIGGYBANK')).toMatchObject({
      iban: 'DE02100100109307118603',
      balance: { minorUnits: 123456789012, decimal: '1234567890.12', currency: 'EUR' },
    });
    expect(piggy.seen).toContain(`GET /v1/accounts Key ${KEY}`);
  });

  it('answers accounts(filter: {provider: PIGGYBANK}) without a key with UNAUTHENTICATED naming it', async () => {
    const response = await gql('{ accounts(filter: {provider: PIGGYBANK}) { id } }', {}, alice);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'PIGGYBANK' });
  });

  it('maps its refusals to its own reasons, and a rejected key to UNAUTHENTICATED', async () => {
    const frozen = await gql('{ accounts(filter: {provider: PIGGYBANK}) { id } }', {}, { 'X-Piggybank-Key': 'frozen' });
    expect(frozen.errors?.[0]).toMatchObject({
      message: expect.stringContaining('This piggy bank is frozen.'),
      extensions: { code: 'PROVIDER_ERROR', provider: 'PIGGYBANK', reason: 'ACCOUNT_FROZEN' },
    });
    const wrong = await gql('{ accounts(filter: {provider: PIGGYBANK}) { id } }', {}, { 'X-Piggybank-Key': 'wrong' });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', provider: 'PIGGYBANK' });
  });

  it('merges its transactions into the feed, newest first', async () => {
    const response = await gql(
      '{ transactions(first: 50) { edges { node { account { provider } purpose amount { minorUnits } bookingDate } } } }',
      {},
      { 'X-Piggybank-Key': KEY },
    );
    expect(response.errors).toBeUndefined();
    expect(response.data.transactions.edges.map((e: { node: unknown }) => e.node)).toEqual([
      expect.objectContaining({
        account: { provider: 'PIGGYBANK' },
        purpose: 'Piggy coffee',
        amount: { minorUnits: -1999 },
      }),
      expect.objectContaining({
        account: { provider: 'PIGGYBANK' },
        purpose: 'Piggy gift',
        amount: { minorUnits: 50000 },
      }),
    ]);
  });

  it('resolves its account and transaction ids through node(id)', async () => {
    const listed = await gql(
      '{ accounts(filter: {provider: PIGGYBANK}) { id transactions(first: 1) { edges { node { id } } } } }',
      {},
      both,
    );
    const account = listed.data.accounts[0];
    const transactionId = account.transactions.edges[0].node.id;
    const response = await gql(
      'query ($a: ID!, $t: ID!) { a: node(id: $a) { ... on Account { provider iban } } t: node(id: $t) { ... on Transaction { account { provider } purpose } } }',
      { a: account.id, t: transactionId },
      both,
    );
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      a: { provider: 'PIGGYBANK', iban: 'DE02100100109307118603' },
      t: { account: { provider: 'PIGGYBANK' }, purpose: 'Piggy coffee' },
    });
  });

  it('appears in providers with its circuit', async () => {
    const response = await gql('{ providers { provider healthy circuit } }');
    expect(response.data.providers).toEqual(
      expect.arrayContaining([{ provider: 'PIGGYBANK', healthy: true, circuit: 'CLOSED' }]),
    );
    expect(response.data.providers.map((p: { provider: string }) => p.provider)).toEqual([
      'KONTIST',
      'BANKIMPORT',
      'KONTOMATIK',
      'PIGGYBANK',
    ]);
  });

  it('lets browsers send its header (CORS) and never logs its key', async () => {
    const preflight = await request(t.url)
      .options('/graphql')
      .set('Origin', 'http://localhost:3000')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type, x-piggybank-key');
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-headers']).toContain('X-Piggybank-Key');
    expect(t.logs.join('\n')).not.toContain(KEY);
  });

  it('announces its new transactions over the WebSocket, its key read from its connection_init key', async () => {
    const client = wsClient(t.url, { piggybankKey: KEY });
    const watch = subscribe<{ transactionAdded: { purpose: string; account: { provider: string } } }>(
      client,
      'subscription { transactionAdded { purpose account { provider } } }',
    );
    const looks = () => piggy.seen.filter((line) => line.startsWith('GET /v1/accounts/p1/transactions')).length;
    // The first look only learns what is there; a second one has begun once it is over.
    const before = looks();
    while (looks() < before + 2) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    piggyTransactions.unshift({ id: 't3', cents: '700', booked: '2031-01-03', text: 'Piggy refund' });
    try {
      const added = await watch.next((result) => result.data?.transactionAdded.purpose === 'Piggy refund');
      expect(added.data?.transactionAdded.account.provider).toBe('PIGGYBANK');
    } finally {
      piggyTransactions.shift();
      watch.stop();
      await client.dispose();
    }
  });
});
