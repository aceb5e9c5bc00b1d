import { print, type DocumentNode } from 'graphql';
import { Redis } from 'ioredis';
import request from 'supertest';

import {
  CreateMockSessionDocument,
  ImportStatusChangedDocument,
  StartImportDocument,
  type ImportStatusChangedSubscription,
} from '../generated/graphql';
import { startGateway, type TestGateway } from '../support/gateway';
import { startRedisServer, type RedisServer } from '../support/redis-server';
import { sandboxEnv } from '../support/sandbox-env';
import { spawnGateway, type GatewayProcess } from '../support/spawn-gateway';
import { subscribe, wsClient } from '../support/subscriptions';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const IMPORTS = {
  REDIS_URL,
  IMPORT_POLL_MS: '100',
  IMPORT_POLL_MAX_MS: '150',
  IMPORT_LEASE_MS: '600',
};

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pollsOf(url: string): Promise<number> {
  const metrics = (await request(url).get('/metrics')).text;
  return Number(/gateway_import_polls_total\{provider="KONTOMATIK"\} (\d+)/.exec(metrics)?.[1] ?? 0);
}

describe('imports watched across two gateway instances on Redis', () => {
  let a: TestGateway;
  let b: GatewayProcess | undefined;

  // B renews its lease at every poll (100 to 150 ms): a lease of 2.5 s outlasts the pauses a
  // loaded machine gives a process. The import is long enough for B to die and its lease to
  // run out while it still runs.
  const TAKE_OVER = { ...IMPORTS, IMPORT_LEASE_MS: '2500' };
  beforeAll(async () => {
    a = await startGateway(TAKE_OVER, { importMs: 4000 });
    b = await spawnGateway({
      ...TAKE_OVER,
      ...sandboxEnv(a.sandboxUrl),
    });
  }, 30_000);
  afterAll(async () => {
    await b?.kill();
    await a.close();
  });

  it('shows on A an import started and polled through B, and A takes over when B dies', async () => {
    const viaB = (document: DocumentNode, variables?: unknown) =>
      request(b!.url)
        .post('/graphql')
        .send({ query: print(document), variables });
    const session = (await viaB(CreateMockSessionDocument)).body.data.createMockSession;
    const started = (
      await viaB(StartImportDocument, {
        input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
      })
    ).body.data.startImport;

    // B polls, and so holds the lease, before A has a subscriber: else A, which polls for
    // its subscribers, may take the lease first when B's first poll is late.
    while ((await pollsOf(b!.url)) === 0) {
      await sleep(20);
    }
    const client = wsClient(a.url);
    const watch = subscribe<ImportStatusChangedSubscription>(client, print(ImportStatusChangedDocument), {
      id: started.id,
    });
    await watch.next((r) => r.data?.importStatusChanged.status === 'RUNNING');
    // B holds the lease and polls; A only listens.
    expect(await pollsOf(a.url)).toBe(0);
    const polled = (await a.stats())['KONTOMATIK GET /command/:id.xml'] ?? 0;
    expect(polled).toBeGreaterThan(0);

    await b!.kill();
    b = undefined;
    await watch.done;
    await client.dispose();
    expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    // The lease ran out and A polled to the end.
    expect(await pollsOf(a.url)).toBeGreaterThan(0);
  }, 30_000);
});

describe('a second instance on Redis', () => {
  let a: TestGateway;
  let c: TestGateway;
  beforeAll(async () => {
    a = await startGateway(IMPORTS, { importMs: 800 });
    c = await startGateway(IMPORTS, {}, a);
  });
  afterAll(async () => {
    await c.close();
    await a.close();
  });

  it('polls once for subscribers on both instances, and both see every change', async () => {
    const session = (await a.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const started = (
      await a.gql(StartImportDocument, {
        input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
      })
    ).body.data!.startImport;
    const clients = [wsClient(a.url), wsClient(c.url)];
    const watches = clients.flatMap((client) =>
      Array.from({ length: 10 }, () =>
        subscribe<ImportStatusChangedSubscription>(client, print(ImportStatusChangedDocument), { id: started.id }),
      ),
    );
    await Promise.all(watches.map((w) => w.done));
    await Promise.all(clients.map((client) => client.dispose()));
    for (const watch of watches) {
      expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    }
    const polls = [await pollsOf(a.url), await pollsOf(c.url)];
    const upstream = (await a.stats())['KONTOMATIK GET /command/:id.xml'];
    // One instance held the lease and polled; the other never did. Beyond the polls,
    // only the listening instance's single fetch of the finished command's accounts.
    expect(Math.min(...polls)).toBe(0);
    expect(upstream! - polls[0]! - polls[1]!).toBeGreaterThanOrEqual(0);
    expect(upstream! - polls[0]! - polls[1]!).toBeLessThanOrEqual(1);
  });

  it('hands the lease over at once on a graceful shutdown', async () => {
    const d = await startGateway({ ...IMPORTS, IMPORT_LEASE_MS: '60000' }, {}, a);
    const session = (await d.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const started = (
      await d.gql(StartImportDocument, {
        input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
      })
    ).body.data!.startImport;
    const client = wsClient(a.url);
    const watch = subscribe<ImportStatusChangedSubscription>(client, print(ImportStatusChangedDocument), {
      id: started.id,
    });
    await watch.next();
    // D takes the lease in its poller's first turn, before its first poll is due.
    const importId = Buffer.from(started.id, 'base64url').toString().split(':').at(-1)!;
    const leases = new Redis(REDIS_URL);
    try {
      while ((await leases.keys(`gateway:import-lease:*${importId}*`)).length === 0) {
        await sleep(20);
      }
    } finally {
      await leases.quit();
    }
    await d.close();
    // With a one-minute lease, only a released lease lets A finish within the test's time.
    await watch.done;
    await client.dispose();
    expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
  });
});

describe('an import watched while its Redis fails', () => {
  let redis: RedisServer;
  let t: TestGateway;
  let consoleError: jest.SpyInstance;

  beforeEach(async () => {
    redis = await startRedisServer();
    // Long enough for Redis to die or restart while the import still runs.
    t = await startGateway({ ...IMPORTS, REDIS_URL: redis.url }, { importMs: 2500 });
    consoleError = jest.spyOn(console, 'error');
  });
  afterEach(async () => {
    consoleError.mockRestore();
    await t.close();
    await redis.stop();
  });

  const startWatchedImport = async () => {
    const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
    const started = (
      await t.gql(StartImportDocument, {
        input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
      })
    ).body.data!.startImport;
    const client = wsClient(t.url);
    const watch = subscribe<ImportStatusChangedSubscription>(client, print(ImportStatusChangedDocument), {
      id: started.id,
    });
    await watch.next((r) => r.data?.importStatusChanged.status === 'RUNNING');
    return { client, watch };
  };

  const storedImports = async () => {
    const reader = new Redis(redis.url);
    try {
      const keys = await reader.keys('gateway:import:*');
      return Promise.all(keys.map(async (key) => JSON.parse((await reader.get(key))!) as { status: string }));
    } finally {
      await reader.quit();
    }
  };

  /** Lines ioredis prints when a client has no error listener. */
  const ioredisOnStderr = () => consoleError.mock.calls.filter((args) => String(args[0]).includes('ioredis'));

  it('rebuilds the import from the provider when Redis restarts empty, and the subscriber sees it end', async () => {
    const { client, watch } = await startWatchedImport();
    // Watchers hear a change before the store has it: only that it is there matters here.
    expect(await storedImports()).toHaveLength(1);

    await redis.restart();
    await watch.done;
    await client.dispose();

    expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    expect(watch.results.every((r) => r.errors === undefined)).toBe(true);
    expect(t.logs.some((line) => line.includes('import state vanished from the store, rebuilding it'))).toBe(true);
    // Written back, then carried to its end.
    expect(await storedImports()).toEqual([expect.objectContaining({ status: 'COMPLETED' })]);
    expect(ioredisOnStderr()).toEqual([]);
  }, 30_000);

  it('goes on polling while Redis is down, and reports the outage in a few lines, none on stderr', async () => {
    const { client, watch } = await startWatchedImport();

    await redis.kill();
    await watch.done;
    await client.dispose();

    expect(watch.results.at(-1)!.data!.importStatusChanged.status).toBe('COMPLETED');
    const warnings = t.logs.map((line) => JSON.parse(line) as Record<string, unknown>).filter((l) => l.level === 40);
    // Once per connection (the store's, and the pub/sub's two), not once per reconnection.
    const unreachable = warnings.filter((l) => l.msg === 'Redis is unreachable, retrying');
    expect(unreachable.length).toBeGreaterThan(0);
    expect(unreachable.length).toBeLessThanOrEqual(3);
    for (const line of warnings) {
      expect(line.err ?? {}).not.toHaveProperty('command');
    }
    expect(ioredisOnStderr()).toEqual([]);

    // Back: every connection that said it was lost says once that it is back.
    await redis.restart();
    const back = () => t.logs.filter((line) => line.includes('"msg":"Redis is reachable again"')).length;
    for (const deadline = Date.now() + 10_000; back() < unreachable.length && Date.now() < deadline;) {
      await sleep(100);
    }
    expect(back()).toBe(unreachable.length);
    await request(t.url).get('/readyz').expect(200);
  }, 30_000);
});
