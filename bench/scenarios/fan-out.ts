import type { BenchContext } from '../support/bench-context';
import { alice, graphql, sandboxControl } from '../support/client';
import { compareLoad } from '../support/load';
import { formatNumber } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const QUERY = '{ accounts { id iban balance { minorUnits currency } } }';

/** 2. Both providers at once cost about as much as the slower one: the calls run in parallel. */
export async function fanOutScenario(
  ctx: BenchContext,
  stack: { sandbox: ServerProcess; gateway: ServerProcess },
): Promise<ScenarioResult> {
  const { settings } = ctx;
  const { latencyMs, connections } = settings.fanOut;
  const control = sandboxControl(stack.sandbox.url);
  const both = await graphql<{ accounts: unknown[] }>(stack.gateway.url, QUERY, {}, alice.both);
  if (both.accounts.length < 2) {
    throw new Error('expected accounts from both providers');
  }
  await control.faults({ provider: 'KONTIST', latencyMs });
  await control.faults({ provider: 'BANKIMPORT', latencyMs });
  const body = JSON.stringify({ query: QUERY });
  const url = `${stack.gateway.url}/graphql`;
  try {
    const figures = await compareLoad(
      [
        { name: 'Kontist + Bankimport', url, headers: alice.both, body },
        { name: 'Kontist only', url, headers: alice.kontist, body },
      ],
      { connections, durationS: settings.durationS, runs: settings.runs, warmupS: Math.min(settings.warmupS, 1) },
    );
    const fanned = figures.get('Kontist + Bankimport')!;
    const single = figures.get('Kontist only')!;
    return {
      id: 2,
      title: 'Fan-out',
      figures: [
        compared(
          {
            measure: 'mean latency, 2 providers',
            value: fanned.latencyMeanMs,
            unit: 'ms',
            baseline: { name: '1 provider', value: single.latencyMeanMs },
          },
          { text: '≤ 1.2x', met: (r) => r <= 1.2 },
        ),
        compared({
          measure: 'p99 latency, 2 providers',
          value: fanned.latencyP99Ms,
          unit: 'ms',
          baseline: { name: '1 provider', value: single.latencyP99Ms },
        }),
      ],
      notes: [
        `alice's \`accounts\` with ${latencyMs} ms injected on every Kontist and Bankimport answer ` +
          `(\`PUT /sandbox/faults\`), with both credentials (Kontist + Bankimport) and with Kontist's only; ` +
          `${connections} connections, ${settings.runs} × ${settings.durationS} s each, interleaved, medians.`,
        ...[...figures].map(
          ([name, f]) =>
            `${name}: mean ${formatNumber(f.latencyMeanMs)} ms, p50 ${formatNumber(f.latencyP50Ms)} ms, ` +
            `p99 ${formatNumber(f.latencyP99Ms)} ms, ${formatNumber(f.requestsPerSecond)} req/s`,
        ),
      ],
    };
  } finally {
    await control.clearFaults();
  }
}
