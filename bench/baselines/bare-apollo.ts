import http from 'node:http';

import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import axios from 'axios';

/** What the sandbox's Kontist answers on `GET /api/accounts`. */
interface KontistAccount {
  id: number;
  iban: string;
  balance: number;
}

interface BareContext {
  authorization: string | undefined;
}

const typeDefs = /* GraphQL */ `
  type Money {
    minorUnits: Int!
    currency: String!
  }
  type Account {
    id: ID!
    iban: String!
    balance: Money!
  }
  type Query {
    accounts: [Account!]!
  }
`;

/** `GET /api/accounts` as a hand-written server reads it: node:http, keep-alive, JSON.parse. */
function readWithNodeHttp(sandboxUrl: string) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const base = new URL(`${sandboxUrl}/kontist/api/accounts`);
  return (authorization: string) =>
    new Promise<KontistAccount[]>((resolve, reject) => {
      const request = http.get(base, { agent, headers: { Authorization: authorization } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as KontistAccount[]);
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          }
        });
        response.on('error', reject);
      });
      request.on('error', reject);
    });
}

/** The same read through axios with its default adapter, as most Node services do it. */
function readWithAxios(sandboxUrl: string) {
  const kontist = axios.create({
    baseURL: `${sandboxUrl}/kontist`,
    httpAgent: new http.Agent({ keepAlive: true, maxSockets: 128 }),
  });
  return async (authorization: string) =>
    (await kontist.get<KontistAccount[]>('/api/accounts', { headers: { Authorization: authorization } })).data;
}

/**
 * The baseline for the gateway's overhead: Apollo Server 5 as its docs start it
 * (`startStandaloneServer`), one hand-written schema, one resolver that calls the same
 * sandbox route over a keep-alive connection, with plain node:http (a hand-written
 * server) or axios's default adapter. No limits, logging, metrics or validation.
 */
export async function createBareApollo(
  sandboxUrl: string,
  transport: 'node:http' | 'axios',
): Promise<{
  listen(port: number): Promise<string>;
  close(): Promise<void>;
}> {
  const read = transport === 'node:http' ? readWithNodeHttp(sandboxUrl) : readWithAxios(sandboxUrl);
  const resolvers = {
    Query: {
      accounts: async (_parent: unknown, _args: unknown, context: BareContext) => {
        const data = await read(context.authorization ?? '');
        return data.map((account) => ({
          id: Buffer.from(`Account:KONTIST:${account.id}`).toString('base64url'),
          iban: account.iban,
          balance: { minorUnits: account.balance, currency: 'EUR' },
        }));
      },
    },
  };
  const server = new ApolloServer<BareContext>({ typeDefs, resolvers });
  return {
    async listen(port) {
      const { url } = await startStandaloneServer(server, {
        listen: { port, host: '127.0.0.1' },
        context: async ({ req }) => ({ authorization: req.headers['x-kontist-authorization'] as string | undefined }),
      });
      return url.replace(/\/$/, '');
    },
    close: () => server.stop(),
  };
}
