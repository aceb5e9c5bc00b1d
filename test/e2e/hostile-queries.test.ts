import { getIntrospectionQuery } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import request from 'supertest';
import WebSocket from 'ws';

import { AccountsDocument } from '../generated/graphql';
import { alice, callCount, startGateway, type TestGateway } from '../support/gateway';

const CYCLE = ['transactions(first: 1)', 'edges', 'node', 'account'];
const LEAF: Record<string, string> = {
  'transactions(first: 1)': 'totalCount',
  edges: 'cursor',
  node: 'id',
  account: 'id',
};

/**
 * A selection `depth` fields deep: `root`, then transactions → edges → node → account → …
 * (from `CYCLE[start]` on), then a leaf.
 */
function deepSelection(root: string, depth: number, start = 0): string {
  const fields = [root, ...Array.from({ length: depth - 2 }, (_, i) => CYCLE[(start + i) % CYCLE.length]!)];
  return `{ ${fields.join(' { ')} { ${LEAF[fields.at(-1)!] ?? 'id'} }${' }'.repeat(fields.length)}`;
}

/** A query `depth` fields deep: accounts → transactions → edges → node → account → … → a leaf. */
const deepQuery = (depth: number) => deepSelection('accounts', depth);

/** `first: 500` nested three times, 12 fields deep (within MAX_QUERY_DEPTH). */
const NESTED_500 = `{
  transactions(first: 500) { edges { node { account {
    transactions(first: 500) { edges { node { account {
      transactions(first: 500) { edges { node { id } } }
    } } } }
  } } } }
}`;

describe('hostile queries over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());
  beforeEach(() => t.resetStats());

  const post = (body: string | object, headers: Record<string, string> = alice) =>
    request(t.url).post('/graphql').set('Content-Type', 'application/json').set(headers).send(body);

  it('refuses a query 30 levels deep with QUERY_TOO_COMPLEX, naming the depth and the limit, without calling any provider', async () => {
    const response = await post({ query: deepQuery(30) });
    expect(response.status).toBe(400);
    expect(response.body.data).toBeUndefined();
    expect(response.body.errors).toEqual([
      {
        message: 'The query is too deep: depth 30, limit 12.',
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limit: 'depth',
          max: 12,
          actual: 30,
          requestId: response.headers['x-request-id'],
        },
      },
    ]);
    expect(callCount(await t.stats())).toBe(0);
  });

  it('counts depth in fields only: fragments neither add to it nor hide it', async () => {
    const atLimit = await post({ query: `{ ...Q } fragment Q on Query ${deepQuery(12)}` });
    expect(atLimit.status).toBe(200);
    expect(atLimit.body.errors).toBeUndefined();
    const over = await post({ query: `{ ...Q } fragment Q on Query ${deepQuery(13)}` });
    expect(over.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'depth', actual: 13 });
  });

  it('refuses more than MAX_QUERY_ALIASES aliases and allows exactly that many', async () => {
    const aliases = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const over = await post({ query: aliases(31) });
    expect(over.status).toBe(400);
    expect(over.body.errors[0]).toMatchObject({
      message: 'The query has too many aliases: 31 aliases, limit 30.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 30, actual: 31 },
    });
    const at = await post({ query: aliases(30) });
    expect(at.status).toBe(200);
    expect(at.body.data.a29).toBe('Query');
  });

  it('refuses more than 50 directives', async () => {
    const directives = (n: number) => `{ ${'__typename @skip(if: false) '.repeat(n)}}`;
    const over = await post({ query: directives(51) });
    expect(over.status).toBe(400);
    expect(over.body.errors[0].extensions).toMatchObject({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'directives',
      max: 50,
      actual: 51,
    });
    expect((await post({ query: directives(50) })).body.data).toEqual({ __typename: 'Query' });
  });

  it('refuses 2,000 aliases before even parsing all of them', async () => {
    const query = `{ ${Array.from({ length: 2000 }, (_, i) => `a${i}: accounts { id }`).join(' ')} }`;
    const response = await post({ query });
    expect(response.status).toBe(400);
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 5000 });
    expect(callCount(await t.stats())).toBe(0);
  });

  it('stops parsing a 100,000-token query at the token limit', async () => {
    const response = await post({ query: `{ __typename${' a'.repeat(100_000)} }` });
    expect(response.status).toBe(400);
    // This one error and no other: without the limit, validation alone reports 100,000 unknown fields.
    expect(response.body.errors).toEqual([
      {
        message: 'The query is too long: more than 5000 tokens, limit 5000.',
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limit: 'tokens',
          max: 5000,
          requestId: response.headers['x-request-id'],
        },
      },
    ]);
  });

  it('refuses `first: 500` nested three times by its cost, computed by the contract, without calling any provider', async () => {
    const response = await post({ query: NESTED_500 });
    expect(response.status).toBe(400);
    // innermost 1 + 500 × 3; each account, node and edges adds 1; then 1 + 500 × …, twice
    const cost = 1 + 500 * (3 + 1 + 500 * (3 + 1 + 500 * 3));
    expect(response.body.errors).toEqual([
      {
        message: `The query costs too much: cost ${cost}, limit 50000.`,
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limit: 'cost',
          max: 50000,
          actual: cost,
          requestId: response.headers['x-request-id'],
        },
      },
    ]);
    expect(callCount(await t.stats())).toBe(0);
  });

  it("costs `first` at the variable's value", async () => {
    const query = `query Feed($n: Int) {
      transactions(first: $n) { edges { node { account { transactions(first: $n) { edges { node { id } } } } } } }
    }`;
    const expensive = await post({ query, variables: { n: 500 } });
    expect(expensive.body.errors[0].extensions).toMatchObject({ limit: 'cost', actual: 1 + 500 * (3 + 1 + 500 * 3) });
    const cheap = await post({ query, variables: { n: 2 } });
    expect(cheap.body.errors).toBeUndefined();
    expect(cheap.body.data.transactions.edges).toHaveLength(2);
  });

  it('refuses fragments that expand exponentially, measuring them in bounded time', async () => {
    const fragments = Array.from({ length: 30 }, (_, i) =>
      i === 0 ? 'fragment F0 on Query { __typename }' : `fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`,
    );
    // Bounded: counted up to the limit, not to 2^29 (which would outlast the test's timeout).
    const response = await post({ query: `{ ...F29 } ${fragments.join(' ')}` });
    expect(response.status).toBe(400);
    expect(response.body.errors[0]).toMatchObject({
      message: 'The query expands to too many selections: more than 10000 selections, limit 10000.',
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'selections', max: 10000 },
    });
  });

  it("answers GraphiQL's full introspection query within every limit", async () => {
    const query = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    const response = await post({ query }, {});
    expect(response.status).toBe(200);
    expect(response.body.data.__schema.queryType).toEqual({ name: 'Query', kind: 'OBJECT' });
  });

  it('suggests no field, argument or enum value names in validation errors', async () => {
    const field = await post({ query: '{ bankz { id } }' });
    expect(field.status).toBe(400);
    expect(field.body.errors[0]).toMatchObject({
      message: 'Cannot query field "bankz" on type "Query".',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const value = await post({ query: '{ accounts { transactions(orderBy: BOOKING_DATE_AS) { totalCount } } }' });
    expect(value.body.errors[0].message).toBe('Value "BOOKING_DATE_AS" does not exist in "TransactionOrder" enum.');
    expect(JSON.stringify([field.body, value.body])).not.toContain('Did you mean');
  });

  it('refuses a batch (a JSON array body) with 400 and runs none of it', async () => {
    const response = await post([{ query: '{ accounts { id } }' }, { query: '{ accounts { iban } }' }]);
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(callCount(await t.stats())).toBe(0);
  });

  it('refuses a 6 MB body with 413 at the default MAX_BODY_BYTES', async () => {
    const response = await post({ query: `{ __typename } # ${'x'.repeat(6 * 1024 * 1024)}` });
    expect(response.status).toBe(413);
    expect(response.body.errors[0]).toMatchObject({
      message: 'The request body is larger than 1048576 bytes.',
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('refuses JSON that is not a GraphQL request with 400 BAD_REQUEST', async () => {
    for (const body of [{ query: 42 }, { variables: {} }, '"{ accounts { id } }"']) {
      const response = await post(body);
      expect([response.status, response.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(callCount(await t.stats())).toBe(0);
  });

  it('refuses a mutation over GET with 405 BAD_REQUEST before anything reaches Kontist', async () => {
    const response = await request(t.url)
      .get('/graphql')
      .query({ query: 'mutation { refreshKontistToken(refreshToken: "r") { accessToken } }' })
      .set(alice);
    expect(response.status).toBe(405);
    expect(response.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    expect(callCount(await t.stats())).toBe(0);
  });

  it('refuses a body that is not JSON with 400 BAD_REQUEST, with or without credentials', async () => {
    for (const headers of [alice, {}]) {
      const response = await request(t.url)
        .post('/graphql')
        .set('Content-Type', 'text/plain')
        .set(headers)
        .send('{ accounts { id } }');
      expect([response.status, response.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    }
    expect(callCount(await t.stats())).toBe(0);
  });

  it('refuses an operation name that names no operation with 400 BAD_REQUEST', async () => {
    const unknown = await post({ query: 'query A { accounts { id } }', operationName: 'B' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({
      message: 'Unknown operation named "B".',
      extensions: { code: 'BAD_REQUEST', requestId: unknown.headers['x-request-id'] },
    });
    const missing = await post({ query: 'query A { accounts { id } } query B { accounts { iban } }' });
    expect([missing.status, missing.body.errors[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
    expect(callCount(await t.stats())).toBe(0);
  });

  it('refuses variables of the wrong type with 400 BAD_USER_INPUT', async () => {
    const response = await post({
      query: 'query ($n: Int) { transactions(first: $n) { totalCount } }',
      variables: { n: 'many' },
    });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(callCount(await t.stats())).toBe(0);
  });

  it('still answers a normal query correctly after all of them', async () => {
    const { status, body } = await t.gql(AccountsDocument, {}, alice);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data!.accounts.map((a) => a.providerAccountId)).toEqual(['4711', '7856278', '7856279']);
  });
});

describe('introspection', () => {
  it('is refused when INTROSPECTION is off', async () => {
    const t = await startGateway({ INTROSPECTION: 'off' });
    try {
      const response = await t.gql('{ __schema { queryType { name } } }');
      expect(response.status).toBe(400);
      expect(response.body.errors![0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(response.body.data).toBeUndefined();
      expect((await t.gql('{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    } finally {
      await t.close();
    }
  });

  it('is answered when INTROSPECTION is on (the default)', async () => {
    const t = await startGateway();
    try {
      const response = await t.gql('{ __schema { queryType { name } } }');
      expect(response.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    } finally {
      await t.close();
    }
  });
});

describe('hostile operations over the WebSocket', () => {
  let t: TestGateway;
  let client: Client;
  beforeAll(async () => {
    t = await startGateway();
    client = createClient({
      url: `${t.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { kontistAuthorization: alice['X-Kontist-Authorization'] },
      retryAttempts: 0,
      lazy: false,
    });
  });
  afterAll(async () => {
    await client.dispose();
    await t.close();
  });

  const errorsOf = (query: string) =>
    new Promise<unknown>((resolve) => {
      client.subscribe({ query }, { next: () => undefined, error: resolve, complete: () => resolve(null) });
    });

  it('refuses a subscription over the limits with QUERY_TOO_COMPLEX for that operation, and stays open', async () => {
    // transactionAdded → account → transactions → edges → node → account → … → a leaf: 30 fields
    const deep = `subscription ${deepSelection('transactionAdded', 30, CYCLE.indexOf('account'))}`;
    expect(await errorsOf(deep)).toEqual([
      {
        message: 'The query is too deep: depth 30, limit 12.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'depth', max: 12, actual: 30, requestId: expect.any(String) },
      },
    ]);
    const costly = `subscription { transactionAdded { account {
      transactions(first: 500) { edges { node { account { transactions(first: 500) { edges { node { id } } } } } } }
    } } }`;
    expect(await errorsOf(costly)).toEqual([
      {
        message: `The query costs too much: cost ${2 + 1 + 500 * (3 + 1 + 500 * 3)}, limit 50000.`,
        extensions: {
          code: 'QUERY_TOO_COMPLEX',
          limit: 'cost',
          max: 50000,
          actual: 2 + 1 + 500 * (3 + 1 + 500 * 3),
          requestId: expect.any(String),
        },
      },
    ]);
    expect(await errorsOf(`subscription { transactionAdded { id${' purpose'.repeat(6000)} } }`)).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: 5000, requestId: expect.any(String) },
      }),
    ]);
    // Still open: a query gets the usual answer that queries belong to HTTP.
    expect(await errorsOf('{ __typename }')).toEqual([
      expect.objectContaining({ extensions: { code: 'BAD_REQUEST', requestId: expect.any(String) } }),
    ]);
  });

  it('applies the limits to queries sent over the socket as well, before refusing them as queries', async () => {
    expect(await errorsOf(deepQuery(30))).toEqual([
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX', limit: 'depth' }) }),
    ]);
  });

  it('suggests no names in validation errors', async () => {
    expect(await errorsOf('{ bankz { id } }')).toEqual([
      expect.objectContaining({ message: 'Cannot query field "bankz" on type "Query".' }),
    ]);
  });
});
