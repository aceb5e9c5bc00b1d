import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';

import { alice, graphql, sandboxControl } from '../support/client';
import type { BenchContext } from '../support/bench-context';
import { compareLoad, type LoadTarget } from '../support/load';
import { formatNumber } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';
import { DEPLOYED_ENV } from '../support/bench-context';

const QUERY = '{ accounts { id iban balance { minorUnits currency } } }';
/** The one sandbox route every server under test reads for QUERY (sandbox stats' key). */
const UPSTREAM_ROUTE = 'KONTIST GET /api/accounts';

/**
 * 1. The gateway against a bare Apollo Server reading with node:http (a hand-written
 * server), the same reading through axios, and a one-hop proxy, all calling the same
 * sandbox route.
 */
export async function overheadScenario(
  ctx: BenchContext,
  stack: { sandbox: ServerProcess; gateway: ServerProcess },
): Promise<ScenarioResult> {
  const { settings } = ctx;
  // An OTLP/HTTP endpoint that takes every export and keeps nothing: tracing's cost is the gateway's alone.
  const collector = await startSink();
  const [bare, bareAxios, proxy, traced] = await Promise.all([
    ctx.start({ role: 'bare-apollo', sandboxUrl: stack.sandbox.url }),
    ctx.start({ role: 'bare-apollo-axios', sandboxUrl: stack.sandbox.url }),
    ctx.start({ role: 'proxy', sandboxUrl: stack.sandbox.url }),
    ctx.start({
      role: 'gateway',
      sandboxUrl: stack.sandbox.url,
      env: { ...DEPLOYED_ENV, OTEL_EXPORTER_OTLP_ENDPOINT: collector.url },
    }),
  ]);
  const body = JSON.stringify({ query: QUERY });
  const gatewayAnswer = await graphql<{ accounts: unknown[] }>(stack.gateway.url, QUERY, {}, alice.kontist);
  const bareAnswer = await graphql<{ accounts: unknown[] }>(bare.url, QUERY, {}, alice.kontist);
  if (JSON.stringify(gatewayAnswer) !== JSON.stringify(bareAnswer)) {
    throw new Error(`the bare Apollo answers differently: ${JSON.stringify(bareAnswer)}`);
  }

  const targets: LoadTarget[] = [
    { name: 'gateway', url: `${stack.gateway.url}/graphql`, headers: alice.kontist, body },
    { name: 'bare Apollo', url: `${bare.url}/graphql`, headers: alice.kontist, body },
    { name: 'bare Apollo (axios)', url: `${bareAxios.url}/graphql`, headers: alice.kontist, body },
    { name: 'proxy', url: `${proxy.url}/graphql`, headers: alice.kontist, body },
    { name: 'gateway, tracing on', url: `${traced.url}/graphql`, headers: alice.kontist, body },
  ];
  const processes = new Map([
    ['gateway', stack.gateway],
    ['bare Apollo', bare],
    ['bare Apollo (axios)', bareAxios],
    ['proxy', proxy],
    ['gateway, tracing on', traced],
  ]);
  // CPU time of the server under test and of the sandbox, per request, over the measured runs;
  // and the calls the sandbox counted on its route (the proxy forwards every request).
  const cpu = new Map<string, { server: number; sandbox: number }>();
  const upstreamCalls = new Map<string, number>();
  const control = sandboxControl(stack.sandbox.url);
  let before = { server: 0, sandbox: 0 };
  const figures = await compareLoad(targets, {
    connections: settings.overhead.connections,
    durationS: settings.durationS,
    runs: settings.runs,
    warmupS: settings.warmupS,
    beforeRun: async (name) => {
      await control.resetStats();
      before = { server: (await processes.get(name)!.usage()).cpuMs, sandbox: (await stack.sandbox.usage()).cpuMs };
    },
    afterRun: async (name) => {
      const sum = cpu.get(name) ?? { server: 0, sandbox: 0 };
      sum.server += (await processes.get(name)!.usage()).cpuMs - before.server;
      sum.sandbox += (await stack.sandbox.usage()).cpuMs - before.sandbox;
      cpu.set(name, sum);
      upstreamCalls.set(name, (upstreamCalls.get(name) ?? 0) + ((await control.stats())[UPSTREAM_ROUTE] ?? 0));
    },
  });
  const requestsOf = (name: string) => figures.get(name)!.runs.reduce((sum, r) => sum + r.requests, 0);
  const serverCpuPerRequest = (name: string) => cpu.get(name)!.server / requestsOf(name);
  const callsPerRequest = (name: string) => (upstreamCalls.get(name) ?? 0) / requestsOf(name);
  const cpuPerRequest = (name: string) =>
    `${name} ${formatNumber(serverCpuPerRequest(name))} ms (sandbox ${formatNumber(cpu.get(name)!.sandbox / requestsOf(name))} ms)`;
  await Promise.all([bare.stop(), bareAxios.stop(), proxy.stop(), traced.stop()]);
  const exported = collector.exports();
  await collector.close();
  if (exported === 0) {
    throw new Error('the traced gateway exported no spans');
  }
  const gateway = figures.get('gateway')!;
  const apollo = figures.get('bare Apollo')!;
  const hop = figures.get('proxy')!;

  return {
    id: 1,
    title: 'Gateway overhead',
    figures: [
      compared(
        {
          measure: 'CPU per request',
          value: serverCpuPerRequest('gateway'),
          unit: 'ms',
          baseline: { name: 'bare Apollo', value: serverCpuPerRequest('bare Apollo') },
        },
        { text: '≤ 1.0x', met: (r) => r <= 1 },
      ),
      compared({
        measure: 'CPU per request',
        value: serverCpuPerRequest('gateway'),
        unit: 'ms',
        baseline: { name: 'bare Apollo (axios)', value: serverCpuPerRequest('bare Apollo (axios)') },
      }),
      compared({
        measure: 'CPU per request, tracing on',
        value: serverCpuPerRequest('gateway, tracing on'),
        unit: 'ms',
        baseline: { name: 'gateway, tracing off', value: serverCpuPerRequest('gateway') },
      }),
      compared(
        {
          measure: 'throughput',
          value: gateway.requestsPerSecond,
          unit: 'req/s',
          baseline: { name: 'bare Apollo', value: apollo.requestsPerSecond },
        },
        { text: '≥ 1.0x', met: (r) => r >= 1 },
      ),
      compared(
        {
          measure: 'p99 latency',
          value: gateway.latencyP99Ms,
          unit: 'ms',
          baseline: { name: 'bare Apollo', value: apollo.latencyP99Ms },
        },
        { text: '≤ 1.0x', met: (r) => r <= 1 },
      ),
      compared(
        {
          measure: 'throughput',
          value: gateway.requestsPerSecond,
          unit: 'req/s',
          baseline: { name: 'proxy', value: hop.requestsPerSecond },
        },
        { text: '≥ 0.5x', met: (r) => r >= 0.5 },
      ),
      // Deduplicated reads: identical reads in flight share one call; a server without it
      // calls once per request.
      compared(
        {
          measure: 'upstream calls per request (reads shared)',
          value: callsPerRequest('gateway'),
          unit: 'calls',
          baseline: { name: 'bare Apollo', value: callsPerRequest('bare Apollo') },
        },
        { text: '< 1.0x', met: (r) => r < 1 },
      ),
    ],
    notes: [
      `\`${QUERY}\` with alice's Kontist credentials only; ${settings.overhead.connections} connections, ` +
        `${settings.runs} × ${settings.durationS} s per target, interleaved, medians.`,
      `bare Apollo (bench/baselines/bare-apollo.ts): Apollo Server 5 \`startStandaloneServer\`, one SDL schema, one ` +
        `resolver calling \`GET /kontist/api/accounts\` with node:http on a keep-alive agent and JSON.parse, as a ` +
        `hand-written server would; nothing else. bare Apollo (axios): the same, reading through axios's default adapter. ` +
        `Its answer was checked to hold the same data as the gateway's (Apollo indents its JSON by default; the gateway sends it compact).`,
      `proxy (bench/baselines/proxy.ts): node:http, forwards to the same route over keep-alive, returns the sandbox's JSON.`,
      `gateway, tracing on: a second gateway process, the same but with OTEL_EXPORTER_OTLP_ENDPOINT set (the Node SDK, ` +
        `OTLP/HTTP to a sink in the bench process that keeps nothing, every request sampled); tracing off is the gateway above, ` +
        `which loads none of the SDK (${formatNumber(exported)} OTLP exports received).`,
      ...[...figures].map(
        ([name, f]) =>
          `${name}: ${formatNumber(f.requestsPerSecond)} req/s, latency mean ${formatNumber(f.latencyMeanMs)} ms, ` +
          `p50 ${formatNumber(f.latencyP50Ms)} ms, p99 ${formatNumber(f.latencyP99Ms)} ms ` +
          `(runs: ${f.runs.map((r) => formatNumber(r.requestsPerSecond)).join(', ')} req/s)`,
      ),
      `upstream calls per request (\`${UPSTREAM_ROUTE}\` in \`GET /sandbox/stats\`, reset before each measured run): ` +
        `${targets.map((t) => `${t.name} ${formatNumber(callsPerRequest(t.name))}`).join('; ')}. Every connection carries ` +
        `alice's token, so the gateway's concurrent requests read the same; its \`gateway_upstream_deduplicated_total\` ` +
        `counts the reads that joined a call in flight.`,
      `CPU time per request (\`process.cpuUsage()\` of each process over its measured runs): ` +
        `${targets.map((t) => cpuPerRequest(t.name)).join('; ')}. The machine has ${os.cpus().length} cores ` +
        `for the load generator, the sandbox and the server under test together.`,
    ],
  };
}

/** An HTTP endpoint that answers every POST with 200 and keeps nothing (an OTLP collector's stand-in). */
function startSink(): Promise<{ url: string; exports: () => number; close: () => Promise<void> }> {
  let exports = 0;
  const server = http.createServer((req, res) => {
    exports += 1;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        exports: () => exports,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}
