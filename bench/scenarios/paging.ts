import { startStack, type BenchContext } from '../support/bench-context';
import { ACCOUNTS, alice, graphql } from '../support/client';
import { MB, formatNumber, median } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const PAGE = `query Page($id: ID!, $first: Int!, $after: String) {
  account(id: $id) {
    transactions(first: $first, after: $after) {
      pageInfo { endCursor hasNextPage }
      edges { node { id bookingDate amount { minorUnits decimal currency } counterpartyName purpose } }
    }
  }
}`;

interface Page {
  account: {
    transactions: { pageInfo: { endCursor: string; hasNextPage: boolean }; edges: Array<{ node: { id: string } }> };
  };
}

const RSS_SAMPLE_MS = 10;

interface SizeFigures {
  size: number;
  transactionsPerSecond: number;
  walkS: number;
  rssBeforeMb: number;
  peakRssMb: number;
  /** Heap in use after a full GC, before the walks and after them: what the gateway keeps. */
  heapBeforeMb: number;
  heapAfterMb: number;
  walks: number;
  pages: number;
}

/** Every transaction of one account, page after page; how fast, and how much memory the gateway needs for it. */
async function walkAll(gateway: ServerProcess, first: number): Promise<{ count: number; pages: number }> {
  let after: string | undefined;
  let count = 0;
  let pages = 0;
  for (;;) {
    const data = await graphql<Page>(
      gateway.url,
      PAGE,
      { id: ACCOUNTS.bankimportLarge, first, after },
      alice.bankimport,
    );
    const { edges, pageInfo } = data.account.transactions;
    count += edges.length;
    pages += 1;
    if (!pageInfo.hasNextPage) {
      return { count, pages };
    }
    after = pageInfo.endCursor;
  }
}

/**
 * `walksPerRun` walks per run, so that both sizes serve as many pages: the peak then
 * differs only by the account's size, not by how long the gateway has been busy.
 */
async function measureSize(
  ctx: BenchContext,
  size: number,
  walksPerRun: number,
  { gateway }: { gateway: ServerProcess },
): Promise<SizeFigures> {
  const { first } = ctx.settings.paging;
  await graphql<Page>(gateway.url, PAGE, { id: ACCOUNTS.bankimportLarge, first }, alice.bankimport);
  const before = await gateway.usage({ gc: true, resetPeak: true });
  const rates: number[] = [];
  const times: number[] = [];
  let pages = 0;
  for (let walk = 0; walk < ctx.settings.runs * walksPerRun; walk += 1) {
    const started = performance.now();
    const walked = await walkAll(gateway, first);
    const seconds = (performance.now() - started) / 1000;
    if (walked.count !== size) {
      throw new Error(`walked ${walked.count} transactions of ${size}`);
    }
    pages = walked.pages;
    rates.push(size / seconds);
    times.push(seconds);
  }
  const after = await gateway.usage();
  const retained = await gateway.usage({ gc: true });
  return {
    size,
    transactionsPerSecond: median(rates),
    walkS: median(times),
    rssBeforeMb: before.rss / MB,
    peakRssMb: after.peakRss / MB,
    heapBeforeMb: before.heapUsed / MB,
    heapAfterMb: retained.heapUsed / MB,
    walks: ctx.settings.runs * walksPerRun,
    pages,
  };
}

/** 4. Paging through a large account: throughput, and a gateway whose memory does not grow with the account. */
export async function pagingScenario(ctx: BenchContext): Promise<ScenarioResult> {
  const { small, large, first } = ctx.settings.paging;
  const stacks = await Promise.all(
    [small, large].map((transactions) => startStack(ctx, { transactions }, {}, RSS_SAMPLE_MS)),
  );
  const stopAll = () => Promise.all(stacks.flatMap((s) => [s.gateway.stop(), s.sandbox.stop()]));
  let smallFigures: SizeFigures;
  let largeFigures: SizeFigures;
  try {
    smallFigures = await measureSize(ctx, small, Math.max(1, Math.round(large / small)), stacks[0]!);
    largeFigures = await measureSize(ctx, large, 1, stacks[1]!);
  } finally {
    await stopAll();
  }
  const label = (n: number) => `${formatNumber(n)} tx`;
  return {
    id: 4,
    title: 'Paging a large account',
    figures: [
      compared({
        measure: `paging throughput, ${label(large)}`,
        value: largeFigures.transactionsPerSecond,
        unit: 'tx/s',
        baseline: { name: label(small), value: smallFigures.transactionsPerSecond },
      }),
      compared(
        {
          measure: `gateway peak RSS, ${label(large)}`,
          value: largeFigures.peakRssMb,
          unit: 'MB',
          baseline: { name: label(small), value: smallFigures.peakRssMb },
        },
        { text: '≤ 1.2x (flat)', met: (r) => r <= 1.2 },
      ),
    ],
    notes: [
      `alice's Bankimport account 7856278 (\`${ACCOUNTS.bankimportLarge}\`) with SANDBOX_TRANSACTIONS=${large} and, ` +
        `as the baseline, ${small}; each size with its own sandbox and gateway processes (both started before either ` +
        `is measured; the idle one waits). All of it read in \`first: ${first}\` pages following ` +
        `\`pageInfo.endCursor\` (id, bookingDate, amount, counterpartyName, purpose), one request at a time; ` +
        `transactions/s is the median walk.`,
      `Both sizes serve the same number of pages: ${smallFigures.walks} walks of ${label(small)} against ` +
        `${largeFigures.walks} of ${label(large)}, so that the peaks differ by the account's size only, not by how ` +
        `long the gateway has been allocating.`,
      `peak RSS: \`process.memoryUsage().rss\` sampled every ${RSS_SAMPLE_MS} ms inside the gateway process during all ` +
        `walks (reported over IPC); RSS and heap "before" are after one page and a full GC, heap "after" after the ` +
        `walks and a full GC (what the gateway keeps).`,
      ...[smallFigures, largeFigures].map(
        (f) =>
          `${label(f.size)}: ${f.pages} pages in ${formatNumber(f.walkS)} s per walk, ` +
          `${formatNumber(f.transactionsPerSecond)} tx/s; gateway RSS ${formatNumber(f.rssBeforeMb)} MB before, ` +
          `peak ${formatNumber(f.peakRssMb)} MB; heap ${formatNumber(f.heapBeforeMb)} MB before, ` +
          `${formatNumber(f.heapAfterMb)} MB after.`,
      ),
    ],
  };
}
