import { DEPLOYED_ENV, type BenchContext } from '../support/bench-context';
import { ACCOUNTS, alice, graphql } from '../support/client';
import { compareLoad, type LoadFigures } from '../support/load';
import { formatNumber } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const FIELDS = 'id bookingDate amount { minorUnits decimal currency } counterpartyName counterpartyIban purpose status';
const FIRST_PAGE = `query FirstPage($id: ID!) {
  account(id: $id) { transactions(first: 500) { pageInfo { endCursor } } }
}`;
/** 1,000 transactions in one request: the newest 500 and the 500 after them (first is at most 500). */
const THOUSAND = `query Thousand($id: ID!, $after: String!) {
  newest: account(id: $id) { transactions(first: 500) { edges { node { ${FIELDS} } } } }
  next: account(id: $id) { transactions(first: 500, after: $after) { edges { node { ${FIELDS} } } } }
}`;

interface Thousand {
  newest: { transactions: { edges: unknown[] } };
  next: { transactions: { edges: unknown[] } };
}

/** 5. Bankimport's XML costs the gateway little more than its JSON. */
export async function xmlScenario(ctx: BenchContext, stack: { sandbox: ServerProcess }): Promise<ScenarioResult> {
  const { settings } = ctx;
  const { sandbox } = stack;
  const gateways: Record<'json' | 'xml', ServerProcess> = Object.fromEntries(
    await Promise.all(
      (['json', 'xml'] as const).map(async (format) => [
        format,
        await ctx.start({
          role: 'gateway',
          sandboxUrl: sandbox.url,
          env: { ...DEPLOYED_ENV, BANKIMPORT_FORMAT: format },
        }),
      ]),
    ),
  ) as Record<'json' | 'xml', ServerProcess>;

  const bodies: Record<string, string> = {};
  const answers: string[] = [];
  for (const format of ['json', 'xml'] as const) {
    const url = gateways[format].url;
    const first = await graphql<{ account: { transactions: { pageInfo: { endCursor: string } } } }>(
      url,
      FIRST_PAGE,
      { id: ACCOUNTS.bankimportLarge },
      alice.bankimport,
    );
    const variables = { id: ACCOUNTS.bankimportLarge, after: first.account.transactions.pageInfo.endCursor };
    const answer = await graphql<Thousand>(url, THOUSAND, variables, alice.bankimport);
    const count = answer.newest.transactions.edges.length + answer.next.transactions.edges.length;
    if (count !== 1000) {
      throw new Error(`${format}: expected 1000 transactions, got ${count}`);
    }
    answers.push(JSON.stringify(answer));
    bodies[format] = JSON.stringify({ query: THOUSAND, variables });
  }
  if (answers[0] !== answers[1]) {
    throw new Error('the XML and JSON gateways answer differently');
  }

  // CPU time per request, of the gateway and of the sandbox writing the answer: the gateway
  // reads Bankimport in parallel, so upstream durations overlap and do not subtract from latency.
  const cpuBefore: Record<string, number> = {};
  let sandboxCpuBefore = 0;
  const sandboxCpu: Record<string, number> = {};
  const figures = await compareLoad(
    (['json', 'xml'] as const).map((format) => ({
      name: format,
      url: `${gateways[format].url}/graphql`,
      headers: alice.bankimport,
      body: bodies[format]!,
    })),
    {
      connections: settings.xml.connections,
      durationS: settings.durationS,
      runs: settings.runs,
      warmupS: settings.warmupS,
      afterWarmup: async () => {
        for (const format of ['json', 'xml'] as const) {
          cpuBefore[format] = (await gateways[format].usage()).cpuMs;
        }
      },
      beforeRun: async () => {
        sandboxCpuBefore = (await sandbox.usage()).cpuMs;
      },
      afterRun: async (name) => {
        sandboxCpu[name] = (sandboxCpu[name] ?? 0) + (await sandbox.usage()).cpuMs - sandboxCpuBefore;
      },
    },
  );
  const perRequest = async (format: 'json' | 'xml', f: LoadFigures) => {
    const requests = f.runs.reduce((sum, r) => sum + r.requests, 0);
    const gatewayMs = ((await gateways[format].usage()).cpuMs - cpuBefore[format]!) / requests;
    return { gatewayMs, sandboxMs: sandboxCpu[format]! / requests };
  };
  const json = figures.get('json')!;
  const xml = figures.get('xml')!;
  const jsonCpu = await perRequest('json', json);
  const xmlCpu = await perRequest('xml', xml);
  await Promise.all([gateways.json.stop(), gateways.xml.stop()]);

  return {
    id: 5,
    title: 'Bankimport XML against JSON',
    figures: [
      compared(
        {
          measure: 'mean latency, 1,000 tx from XML',
          value: xml.latencyMeanMs,
          unit: 'ms',
          baseline: { name: 'JSON', value: json.latencyMeanMs },
        },
        { text: '≤ 1.5x', met: (r) => r <= 1.5 },
      ),
      compared({
        measure: 'gateway CPU per request, XML',
        value: xmlCpu.gatewayMs,
        unit: 'ms',
        baseline: { name: 'JSON', value: jsonCpu.gatewayMs },
      }),
      compared({
        measure: 'sandbox CPU per request, XML',
        value: xmlCpu.sandboxMs,
        unit: 'ms',
        baseline: { name: 'JSON', value: jsonCpu.sandboxMs },
      }),
    ],
    notes: [
      `One request for 1,000 of alice's Bankimport transactions (account 7856278, default 1,200): two aliased ` +
        `\`account(id)\` fields, \`transactions(first: 500)\` and \`transactions(first: 500, after: <the first's endCursor>)\`, ` +
        `fields ${FIELDS.replace(/ \{[^}]*\}/, ' {…}')}. Two gateway processes, \`BANKIMPORT_FORMAT=json\` and \`xml\`, ` +
        `against the shared sandbox; their answers were checked to be identical.`,
      `${settings.xml.connections} connection, ${settings.runs} × ${settings.durationS} s each, interleaved, medians. ` +
        `The latency includes the sandbox writing JSON or XML (upstream).`,
      `CPU per request: \`process.cpuUsage()\` of the gateway process over its measured runs, and of the sandbox ` +
        `process over the runs against each gateway, divided by the requests. The gateway reads the two pages and ` +
        `the account list in parallel, so upstream durations overlap and the CPU split is the clearer one.`,
      `throughput: JSON ${formatNumber(json.requestsPerSecond)} req/s, XML ${formatNumber(xml.requestsPerSecond)} req/s; ` +
        `p99 JSON ${formatNumber(json.latencyP99Ms)} ms, XML ${formatNumber(xml.latencyP99Ms)} ms.`,
    ],
  };
}
