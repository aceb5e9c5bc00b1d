import type { BenchContext } from '../support/bench-context';
import { ACCOUNTS, alice, graphql, histogramTotals, sandboxControl, timed } from '../support/client';
import { formatNumber, median, percentile } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const CREATE = `mutation Create($input: CreateTransferInput!) {
  createTransfer(input: $input) { id status tokenLength expiresAt attemptsLeft amount { decimal } }
}`;
const CONFIRM = `mutation Confirm($confirmationId: ID!, $authorizationToken: String!) {
  confirmTransfer(confirmationId: $confirmationId, authorizationToken: $authorizationToken) {
    id status amount { decimal } account { iban }
  }
}`;
const INPUT = {
  accountId: ACCOUNTS.kontist,
  recipient: 'Karl Brenner',
  iban: 'DE89 3704 0044 0532 0130 00',
  amount: 1,
  note: 'Benchmark',
};
const UPSTREAM = 'gateway_upstream_call_duration_seconds';

/** 7. A transfer's two steps, create and confirm with the SMS TAN; how much of it is the gateway's. */
export async function tanScenario(
  ctx: BenchContext,
  stack: { sandbox: ServerProcess; gateway: ServerProcess },
): Promise<ScenarioResult> {
  const { settings } = ctx;
  const control = sandboxControl(stack.sandbox.url);
  const url = stack.gateway.url;

  /** One create + confirm; the SMS lookup in between is the user's, so it is not timed. */
  const pair = async (): Promise<number> => {
    const create = await timed(() =>
      graphql<{ createTransfer: { id: string; status: string } }>(url, CREATE, { input: INPUT }, alice.kontist),
    );
    const tan = await control.latestTan('alice');
    const confirm = await timed(() =>
      graphql<{ confirmTransfer: { status: string } }>(
        url,
        CONFIRM,
        { confirmationId: create.result.createTransfer.id, authorizationToken: tan },
        alice.kontist,
      ),
    );
    if (confirm.result.confirmTransfer.status !== 'ACCEPTED') {
      throw new Error(`unexpected transfer status ${confirm.result.confirmTransfer.status}`);
    }
    return create.ms + confirm.ms;
  };

  const warmupUntil = performance.now() + Math.min(settings.warmupS, 1) * 1000;
  do {
    await pair();
  } while (performance.now() < warmupUntil);

  const runMeans: number[] = [];
  const runShares: number[] = [];
  const all: number[] = [];
  let upstreamCalls = 0;
  let cpuMs = 0;
  for (let run = 0; run < settings.runs; run += 1) {
    const cpuBefore = (await stack.gateway.usage()).cpuMs;
    const before = await histogramTotals(url, UPSTREAM);
    const times: number[] = [];
    const until = performance.now() + settings.durationS * 1000;
    do {
      times.push(await pair());
    } while (performance.now() < until);
    const after = await histogramTotals(url, UPSTREAM);
    cpuMs += (await stack.gateway.usage()).cpuMs - cpuBefore;
    const upstreamMsPerPair = ((after.sum - before.sum) * 1000) / times.length;
    upstreamCalls += after.count - before.count;
    const meanMs = times.reduce((sum, t) => sum + t, 0) / times.length;
    runMeans.push(meanMs);
    runShares.push(meanMs - upstreamMsPerPair);
    all.push(...times);
  }
  const pairMs = median(runMeans);
  const gatewayMs = median(runShares);
  return {
    id: 7,
    title: 'TAN round trips',
    figures: [
      { measure: 'create + confirm, mean per pair', value: pairMs, unit: 'ms' },
      { measure: 'create + confirm, p99 per pair', value: percentile(all, 99), unit: 'ms' },
      compared({
        measure: "gateway's share per pair",
        value: gatewayMs,
        unit: 'ms',
        baseline: { name: 'whole pair', value: pairMs },
      }),
    ],
    notes: [
      `\`createTransfer\` (alice's Kontist account, 1 cent) → TAN from \`GET /sandbox/sms\` (not timed: the user reading ` +
        `the SMS) → \`confirmTransfer\`, one pair at a time for ${settings.durationS} s, ${settings.runs} runs, ` +
        `${all.length} pairs in all; mean per run, median of the runs.`,
      `gateway's share = pair time − time upstream (delta of the gateway's \`${UPSTREAM}\` sum over the run, per pair); ` +
        `${formatNumber(upstreamCalls / all.length)} upstream calls per pair; the gateway process used ` +
        `${formatNumber(cpuMs / all.length)} ms of CPU per pair.`,
    ],
  };
}
