import { createSandbox, gatewayCredentials, type Sandbox } from '@banking-gateway/sandbox';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import request from 'supertest';

import { loadConfig, type Config } from '../../src/config';
import { createLogger } from '../../src/ops/logger';
import { banks } from '../../src/providers/registry';
import { createServer, type GatewayServer, type ServerOptions } from '../../src/server';
import { jsonLineSink } from './logs';
import { sandboxEnv } from './sandbox-env';
import { TEST_STATE_SECRET } from './spawn-gateway';

/** The sandbox's demo users' credentials, as a client sends them. */
export const alice = {
  'X-Kontist-Authorization': 'Bearer sandbox-alice',
  'X-Bankimport-Token': 'sandbox-alice',
};
export const bob = {
  'X-Kontist-Authorization': 'Bearer sandbox-bob',
  'X-Bankimport-Token': 'sandbox-bob',
};

export interface TestGateway {
  url: string;
  sandboxUrl: string;
  gateway: GatewayServer;
  sandbox: Sandbox;
  /** Everything the gateway logged, one JSON line each. */
  logs: string[];
  /** POSTs a GraphQL operation; resolves with the HTTP response. */
  gql<R, V>(
    document: TypedDocumentNode<R, V> | string,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<Omit<request.Response, 'body'> & { body: { data?: R; errors?: GraphQLErrorBody[] } }>;
  /** Upstream calls the sandbox counted since the last reset, by `PROVIDER METHOD route`. */
  stats(): Promise<Record<string, number>>;
  resetStats(): Promise<void>;
  /** The newest TAN the sandbox "sent" to a demo user by SMS. */
  latestTan(user?: string): Promise<string>;
  /** How many SMS the sandbox has sent so far. */
  smsCount(): Promise<number>;
  faults(fault: Record<string, unknown>): Promise<void>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

export interface GraphQLErrorBody {
  message: string;
  path?: Array<string | number>;
  extensions: { code: string; [key: string]: unknown };
}

/**
 * A sandbox and a gateway on free ports of 127.0.0.1, talking real HTTP to each other,
 * with the gateway's logs captured. `env` overrides configuration variables.
 */
export async function startGateway(
  env: Record<string, string> = {},
  sandboxOptions: Parameters<typeof createSandbox>[0] = {},
  /** Another gateway instance in front of this one's sandbox (closing it leaves the sandbox). */
  shared?: TestGateway,
  /** What else createServer is told (e.g. `providers`); its logger stays the test's. */
  serverOptions: ServerOptions = {},
): Promise<TestGateway> {
  const sandbox = shared?.sandbox ?? createSandbox(sandboxOptions);
  const sandboxUrl = shared?.sandboxUrl ?? (await sandbox.listen(0));
  const logs: string[] = [];
  let created: GatewayServer | undefined;
  let started: { gateway: GatewayServer; url: string };
  try {
    const config: Config = loadConfig({
      ...sandboxEnv(sandboxUrl),
      SANDBOX: 'off',
      LOG_LEVEL: 'debug',
      RATE_LIMIT_PER_MINUTE: '0',
      STATE_SECRET: TEST_STATE_SECRET,
      ...env,
    });
    const sink = jsonLineSink((_line, raw) => logs.push(raw));
    created = await createServer(config, {
      demoCredentials: gatewayCredentials('alice'),
      ...serverOptions,
      logger: createLogger(config.logLevel, sink, serverOptions.providers ?? banks),
    });
    started = { gateway: created, url: await created.listen(0) };
  } catch (error) {
    // A gateway that cannot start leaves nothing running, its sandbox included: a server
    // left listening would keep jest's worker from exiting.
    await created?.stop();
    if (!shared) {
      await sandbox.close();
    }
    throw error;
  }
  const { gateway, url } = started;

  const control = (method: 'get' | 'put' | 'delete', path: string) => request(sandboxUrl)[method](path);

  return {
    url,
    sandboxUrl,
    gateway,
    sandbox,
    logs,
    gql(document, variables, headers = {}) {
      const query = typeof document === 'string' ? document : print(document);
      return request(url)
        .post('/graphql')
        .set('Content-Type', 'application/json')
        .set(headers)
        .send({ query, variables }) as never;
    },
    async stats() {
      const response = await control('get', '/sandbox/stats');
      const counts: Record<string, number> = {};
      for (const row of response.body.requests as Array<{
        provider: string;
        method: string;
        route: string;
        count: number;
      }>) {
        counts[`${row.provider} ${row.method} ${row.route}`] = row.count;
      }
      return counts;
    },
    async resetStats() {
      await control('delete', '/sandbox/stats').expect(204);
    },
    async latestTan(user = 'alice') {
      const response = await control('get', '/sandbox/sms');
      const message = (response.body as Array<{ user: string; tan: string }>).find((m) => m.user === user);
      if (!message) {
        throw new Error(`no SMS for ${user}`);
      }
      return message.tan;
    },
    async smsCount() {
      return ((await control('get', '/sandbox/sms')).body as unknown[]).length;
    },
    async faults(fault) {
      await control('put', '/sandbox/faults')
        .send(fault)
        .expect((r) => {
          if (r.status >= 300) {
            throw new Error(`faults: ${r.status} ${r.text}`);
          }
        });
    },
    async clearFaults() {
      await control('delete', '/sandbox/faults').expect(204);
    },
    async close() {
      await gateway.stop();
      if (!shared) {
        await sandbox.close();
      }
    },
  };
}

/** Total upstream calls in a stats snapshot, optionally of one provider. */
export function callCount(stats: Record<string, number>, provider?: string): number {
  return Object.entries(stats)
    .filter(([key]) => !provider || key.startsWith(`${provider} `))
    .reduce((sum, [, count]) => sum + count, 0);
}
