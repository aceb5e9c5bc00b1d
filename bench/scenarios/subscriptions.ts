import { createClient as createSseClient, type Client as SseClient } from 'graphql-sse';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

import { startStack, type BenchContext } from '../support/bench-context';
import { alice, graphql, sandboxControl } from '../support/client';
import { MB, formatNumber, percentile } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const MOCK_SESSION = 'mutation { createMockSession { sessionId sessionIdSignature } }';
const START_IMPORT = `mutation Start($input: StartImportInput!) { startImport(input: $input) { id } }`;
const WATCH = 'subscription Watch($id: ID!) { importStatusChanged(id: $id) { id status } }';
const POLL_ROUTE = 'KONTOMATIK GET /command/:id.xml';
const CONNECTION_PARAMS = { kontistAuthorization: 'Bearer sandbox-alice', bankimportToken: 'sandbox-alice' };

interface Subscriber {
  /** When the first message (the import's state at subscription time) arrived. */
  firstAt?: number;
  /** When the COMPLETED status arrived. */
  completedAt?: number;
  done: boolean;
  error?: unknown;
}

interface WatchRun {
  subscribers: Subscriber[];
  polls: number;
  /** All subscribed (first message received) before the first COMPLETED arrived. */
  allInPlaceFirst: boolean;
  setupMs: number;
  rssBefore: number;
  rssWith: number;
  heapBefore: number;
  heapWith: number;
}

async function startImport(gatewayUrl: string): Promise<string> {
  const { createMockSession: session } = await graphql<{
    createMockSession: { sessionId: string; sessionIdSignature: string };
  }>(gatewayUrl, MOCK_SESSION, {}, alice.both);
  const { startImport: started } = await graphql<{ startImport: { id: string } }>(
    gatewayUrl,
    START_IMPORT,
    { input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature } },
    alice.both,
  );
  return started.id;
}

function connect(wsUrl: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const client: Client = createClient({
      url: wsUrl,
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams: CONNECTION_PARAMS,
      on: {
        connected: () => resolve(client),
        error: (error) => reject(error instanceof Error ? error : new Error(`WebSocket error ${String(error)}`)),
      },
    });
  });
}

function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const check = () => {
      if (condition()) {
        resolve();
      } else if (Date.now() > deadline) {
        reject(new Error(`timed out waiting for ${what}`));
      } else {
        setTimeout(check, 5);
      }
    };
    check();
  });
}

/** One single-connection graphql-sse client (one event stream for all its operations). */
function connectSse(gatewayUrl: string): SseClient<true> {
  return createSseClient({
    url: `${gatewayUrl}/graphql/stream`,
    singleConnection: true,
    retryAttempts: 0,
    // A fresh object each time: the client writes its stream token into it.
    headers: () => ({ ...alice.both }),
  });
}

/** How many subscribers go over each transport. */
interface Split {
  ws: number;
  sse: number;
}

/**
 * Subscribers watch one fresh import until it completes: `split.ws` over WebSockets and
 * `split.sse` over Server-Sent Events, `perSocket` operations multiplexed per socket or
 * event stream.
 */
async function watchOneImport(
  gateway: ServerProcess,
  sandbox: ServerProcess,
  split: Split,
  perSocket: number,
  timeoutMs: number,
): Promise<WatchRun> {
  const control = sandboxControl(sandbox.url);
  const wsUrl = `${gateway.url.replace(/^http/, 'ws')}/graphql`;
  const count = split.ws + split.sse;
  const before = await gateway.usage({ gc: true });
  await control.resetStats();
  const id = await startImport(gateway.url);
  const setupStarted = performance.now();
  const clients = await Promise.all(Array.from({ length: Math.ceil(split.ws / perSocket) }, () => connect(wsUrl)));
  const sseClients = Array.from({ length: Math.ceil(split.sse / perSocket) }, () => connectSse(gateway.url));
  const subscribers: Subscriber[] = Array.from({ length: count }, () => ({ done: false }));
  let firstCompletedAt: number | undefined;
  subscribers.forEach((subscriber, i) => {
    const via = i < split.ws ? clients[i % clients.length]! : sseClients[(i - split.ws) % sseClients.length]!;
    via.subscribe<{ importStatusChanged: { id: string; status: string } }>(
      { query: WATCH, variables: { id } },
      {
        next: ({ data, errors }) => {
          const at = performance.now();
          subscriber.firstAt ??= at;
          if (errors?.length) {
            subscriber.error = errors;
          } else if (data?.importStatusChanged.status === 'COMPLETED') {
            subscriber.completedAt = at;
            firstCompletedAt ??= at;
          }
        },
        error: (error) => {
          subscriber.error = error;
          subscriber.done = true;
        },
        complete: () => {
          subscriber.done = true;
        },
      },
    );
  });
  try {
    await until(() => subscribers.every((s) => s.firstAt !== undefined || s.done), timeoutMs, 'every subscriber');
    const setupMs = performance.now() - setupStarted;
    const allInPlaceFirst =
      firstCompletedAt === undefined ||
      subscribers.every((s) => s.firstAt !== undefined && s.firstAt <= firstCompletedAt!);
    const withSubscribers = await gateway.usage({ gc: true });
    await until(() => subscribers.every((s) => s.done), timeoutMs, 'COMPLETED at every subscriber');
    const failed = subscribers.find((s) => s.error !== undefined);
    if (failed) {
      throw new Error(`a subscriber failed: ${JSON.stringify(failed.error).slice(0, 300)}`);
    }
    const stats = await control.stats();
    return {
      subscribers,
      polls: stats[POLL_ROUTE] ?? 0,
      allInPlaceFirst,
      setupMs,
      rssBefore: before.rss,
      rssWith: withSubscribers.rss,
      heapBefore: before.heapUsed,
      heapWith: withSubscribers.heapUsed,
    };
  } finally {
    await Promise.all([...clients, ...sseClients].map((client) => client.dispose()));
  }
}

/** 6. Ten thousand subscribers to one import: one poller upstream, everyone told. */
export async function subscriptionsScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { subscribers: count, perSocket, importMs } = ctx.settings.subscriptions;
  const { sandbox, gateway } = await startStack(ctx, { importMs });
  try {
    const timeoutMs = importMs + 120_000;
    const half = Math.floor(count / 2);
    const many = await watchOneImport(gateway, sandbox, { ws: count - half, sse: half }, perSocket, timeoutMs);
    const single = await watchOneImport(gateway, sandbox, { ws: 1, sse: 0 }, 1, timeoutMs);
    // Memory per transport: the same number of subscribers over one transport at a time.
    const wsOnly = await watchOneImport(gateway, sandbox, { ws: half, sse: 0 }, perSocket, timeoutMs);
    const sseOnly = await watchOneImport(gateway, sandbox, { ws: 0, sse: half }, perSocket, timeoutMs);
    const perSubscriberKb = (run: WatchRun, n: number) => (run.rssWith - run.rssBefore) / n / 1024;

    const completed = many.subscribers.filter((s) => s.completedAt !== undefined).map((s) => s.completedAt!);
    const earliest = Math.min(...completed);
    const delays = completed.map((t) => t - earliest);
    const sockets = Math.ceil(count / perSocket);
    return {
      id: 6,
      title: 'Subscriptions',
      figures: [
        compared(
          {
            measure: 'subscribers told COMPLETED',
            value: completed.length,
            unit: '',
            baseline: { name: 'subscribers', value: count },
          },
          { text: '= all', met: (r) => r === 1 },
        ),
        compared(
          {
            measure: `upstream status polls, ${formatNumber(count)} subscribers`,
            value: many.polls,
            unit: 'polls',
            baseline: { name: '1 subscriber', value: single.polls },
          },
          // The schedule follows the provider's estimate, so two imports may differ by a poll either way.
          { text: '≤ 1 subscriber', met: (r) => r <= 1 },
        ),
        { measure: 'delivery p99 after the first COMPLETED', value: percentile(delays, 99), unit: 'ms' },
        { measure: 'gateway RSS per subscriber', value: perSubscriberKb(many, count), unit: 'KB' },
        { measure: 'gateway RSS per subscriber, WebSocket', value: perSubscriberKb(wsOnly, half), unit: 'KB' },
        { measure: 'gateway RSS per subscriber, SSE', value: perSubscriberKb(sseOnly, half), unit: 'KB' },
      ],
      notes: [
        `\`createMockSession\` → \`startImport\` → ${formatNumber(count)} subscriptions to \`importStatusChanged(id)\`, ` +
          `${formatNumber(count - half)} over WebSockets (graphql-ws \`createClient\` with \`ws\`) and ${formatNumber(half)} over ` +
          `Server-Sent Events (graphql-sse \`createClient\`, single-connection mode), ${perSocket} operations multiplexed ` +
          `per socket or stream (${formatNumber(sockets)} in all), one gateway process, sandbox import time ${importMs} ms.`,
        `RSS per transport: two more imports, each watched by ${formatNumber(half)} subscribers over one transport only: ` +
          `WebSocket ${formatNumber(wsOnly.rssBefore / MB)} → ${formatNumber(wsOnly.rssWith / MB)} MB, SSE ` +
          `${formatNumber(sseOnly.rssBefore / MB)} → ${formatNumber(sseOnly.rssWith / MB)} MB; both all COMPLETED ` +
          `(${wsOnly.subscribers.every((s) => s.completedAt !== undefined) && sseOnly.subscribers.every((s) => s.completedAt !== undefined) ? 'yes' : 'NO'}).`,
        `all subscribed in ${formatNumber(many.setupMs)} ms, ` +
          `${many.allInPlaceFirst ? 'all before' : 'NOT all before'} the first COMPLETED arrived.`,
        `polls: \`GET /command/:id.xml\` at the sandbox (\`/sandbox/stats\`, reset before \`startImport\`) while the import ` +
          `ran; the baseline is a second import on the same gateway watched by one subscriber.`,
        `delivery: each subscriber's receipt time of COMPLETED minus the earliest receipt (all clients in one process, ` +
          `so the figure includes the client's own processing); p50 ${formatNumber(percentile(delays, 50))} ms, ` +
          `max ${formatNumber(Math.max(...delays))} ms.`,
        `memory: gateway RSS after a full GC, before the import and with all subscribers in place: ` +
          `${formatNumber(many.rssBefore / MB)} → ${formatNumber(many.rssWith / MB)} MB ` +
          `(heap ${formatNumber(many.heapBefore / MB)} → ${formatNumber(many.heapWith / MB)} MB, ` +
          `${formatNumber((many.heapWith - many.heapBefore) / count / 1024)} KB per subscriber), sockets included.`,
      ],
    };
  } finally {
    await Promise.all([gateway.stop(), sandbox.stop()]);
  }
}
