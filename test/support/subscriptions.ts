import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';

type ExecutionResult<T> = FormattedExecutionResult<T, unknown>;
import WebSocket from 'ws';

/** The demo users' credentials as `connection_init` carries them. */
export const aliceConnection = { kontistAuthorization: 'Bearer sandbox-alice', bankimportToken: 'sandbox-alice' };
export const bobConnection = { kontistAuthorization: 'Bearer sandbox-bob', bankimportToken: 'sandbox-bob' };

export interface Subscription<T> {
  /** Every `next` message so far, in order. */
  results: Array<ExecutionResult<T>>;
  /** Resolves when the server completes the subscription; rejects with its errors. */
  done: Promise<void>;
  /** Resolves with the first result that `match` accepts (at once if one came already). */
  next(match?: (result: ExecutionResult<T>) => boolean): Promise<ExecutionResult<T>>;
  stop(): void;
}

/** A graphql-ws client on the gateway's WebSocket (`http://…` → `ws://…/graphql`). */
export function wsClient(url: string, connectionParams: Record<string, unknown> = {}): Client {
  return createClient({
    url: `${url.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
}

export function subscribe<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Subscription<T> {
  const results: Array<ExecutionResult<T>> = [];
  const waiting: Array<{ match: (r: ExecutionResult<T>) => boolean; resolve: (r: ExecutionResult<T>) => void }> = [];
  let stop: () => void = () => undefined;
  const done = new Promise<void>((resolve, reject) => {
    stop = client.subscribe<T>(
      { query, variables },
      {
        next(result) {
          results.push(result);
          for (const waiter of [...waiting]) {
            if (waiter.match(result)) {
              waiting.splice(waiting.indexOf(waiter), 1);
              waiter.resolve(result);
            }
          }
        },
        error: (error) => reject(error instanceof Error ? error : new Error(JSON.stringify(error))),
        complete: () => resolve(),
      },
    );
  });
  done.catch(() => undefined);
  return {
    results,
    done,
    next(match = () => true) {
      const found = results.find(match);
      if (found) {
        return Promise.resolve(found);
      }
      return new Promise((resolve) => waiting.push({ match, resolve }));
    },
    stop: () => stop(),
  };
}
