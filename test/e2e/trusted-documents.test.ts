import { createHash } from 'node:crypto';
import { join } from 'node:path';

import request from 'supertest';

import manifest from '../generated/trusted/persisted-documents.json';
import { alice, startGateway, type TestGateway } from '../support/gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

const MANIFEST = join(__dirname, '../generated/trusted/persisted-documents.json');

/** The manifest's key of the operation named `name` (written by `npm run codegen`). */
const idOf = (name: string): string => {
  const entry = Object.entries(manifest as Record<string, string>).find(([, document]) =>
    new RegExp(`(^|[ }])(query|mutation|subscription) ${name}\\b`).test(document),
  );
  if (!entry) {
    throw new Error(`no trusted document ${name}`);
  }
  return entry[0];
};

/** CONTRACT.md, Configuration: TRUSTED_DOCUMENTS, the project's own operations as the manifest. */
describe('trusted documents', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ TRUSTED_DOCUMENTS: MANIFEST });
  });
  afterAll(() => t.close());

  const post = (body: Record<string, unknown>) => request(t.url).post('/graphql').set(alice).send(body);

  it('runs a trusted document sent by documentId, with or without the sha256: prefix', async () => {
    const id = idOf('Accounts');
    for (const documentId of [id, id.replace(/^sha256:/, '')]) {
      const { body } = await post({ documentId, variables: { filter: { provider: 'KONTIST' } } });
      expect(body.errors).toBeUndefined();
      expect(body.data.accounts.length).toBeGreaterThan(0);
    }
  });

  it("runs one sent by Apollo's persistedQuery hash, over POST and GET", async () => {
    const sha256Hash = idOf('Banks').replace(/^sha256:/, '');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const posted = await post({ extensions, variables: { country: 'PL' } });
    expect(posted.body.errors).toBeUndefined();
    const got = await request(t.url)
      .get('/graphql')
      .query({ extensions: JSON.stringify(extensions), variables: JSON.stringify({ country: 'PL' }) })
      .set(alice)
      .set('Apollo-Require-Preflight', 'true');
    expect(got.body.errors).toBeUndefined();
    expect(got.body.data).toEqual(posted.body.data);
  });

  it('refuses any other document with PERSISTED_QUERY_NOT_FOUND, without parsing it, and runs nothing', async () => {
    await t.resetStats();
    const raw = await post({ query: '{ accounts { iban } }' });
    expect(raw.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const unknown = await post({ documentId: 'f'.repeat(64) });
    expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const garbage = await post({ query: '{ this is not graphql' });
    expect(garbage.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(await t.stats()).toEqual({});
  });

  it('holds for subscriptions over the WebSocket too', async () => {
    const client = wsClient(t.url, aliceConnection);
    try {
      const raw = subscribe(client, 'subscription { transactionAdded { id } }');
      await expect(raw.done).rejects.toThrow(/PERSISTED_QUERY_NOT_FOUND/);
      // The trusted one runs: it gets as far as looking the import up.
      const sha256Hash = idOf('ImportStatusChanged').replace(/^sha256:/, '');
      const trusted = new Promise<unknown>((resolve) => {
        client.subscribe(
          { query: '', variables: { id: 'nope' }, extensions: { persistedQuery: { version: 1, sha256Hash } } },
          { next: resolve, error: resolve, complete: () => resolve('complete') },
        );
      });
      expect(JSON.stringify(await trusted)).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
    } finally {
      await client.dispose();
    }
  });

  it('stops start-up with one line when the manifest is not one', async () => {
    await expect(startGateway({ TRUSTED_DOCUMENTS: join(__dirname, 'no-such-manifest.json') })).rejects.toThrow(
      /^Invalid configuration: TRUSTED_DOCUMENTS .* cannot be read as JSON/,
    );
  });
});

describe("Apollo's automatic persisted queries", () => {
  const query = '{ providers { provider } }';
  const sha256Hash = createHash('sha256').update(query).digest('hex');

  it('answers a hash that does not match its query, and an unsupported version, with BAD_REQUEST', async () => {
    const t = await startGateway();
    try {
      const mismatch = await request(t.url)
        .post('/graphql')
        .send({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
      expect(mismatch.status).toBe(400);
      expect(mismatch.body.errors[0].extensions.code).toBe('BAD_REQUEST');
      expect(mismatch.body.errors[0].message).toMatch(/does not match/);
      const version = await request(t.url)
        .post('/graphql')
        .send({ extensions: { persistedQuery: { version: 2, sha256Hash } } });
      expect(version.body.errors[0].extensions.code).toBe('BAD_REQUEST');
    } finally {
      await t.close();
    }
  });

  it('shares registered queries across instances through Redis', async () => {
    const env = { REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' };
    const a = await startGateway(env);
    const b = await startGateway(env, {}, a);
    try {
      const unique = `{ providers { provider healthy } }`;
      const hash = createHash('sha256').update(unique).digest('hex');
      const registered = await request(a.url)
        .post('/graphql')
        .send({ query: unique, extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      expect(registered.body.errors).toBeUndefined();
      // Apollo registers a query in its cache after answering it, not before.
      const ask = () =>
        request(b.url)
          .post('/graphql')
          .send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
      const deadline = Date.now() + 5000;
      let byHash = await ask();
      while (byHash.body.errors && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        byHash = await ask();
      }
      expect(byHash.body.errors).toBeUndefined();
      expect(byHash.body.data.providers.length).toBeGreaterThan(0);
    } finally {
      await b.close();
      await a.close();
    }
  });
});
