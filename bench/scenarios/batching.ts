import type { BenchContext } from '../support/bench-context';
import { ACCOUNTS, alice, graphql, sandboxControl, timed } from '../support/client';
import { median } from '../support/numbers';
import type { ServerProcess } from '../support/processes';
import { compared, type ScenarioResult } from '../support/report';

const FEED = '{ transactions(first: 500) { edges { node { id account { iban } } } } }';
const ACCOUNT = `{ account(id: "${ACCOUNTS.bankimportLarge}") { transactions(first: 500) { edges { node { id account { iban } } } } } }`;
const PAGE = 50;

interface Edges {
  edges: Array<{ node: { id: string; account: { iban: string } } }>;
}

/** 3. 500 transactions with their account, in the fewest upstream calls (DataLoader, one page per provider). */
export async function batchingScenario(
  ctx: BenchContext,
  stack: { sandbox: ServerProcess; gateway: ServerProcess },
): Promise<ScenarioResult> {
  const control = sandboxControl(stack.sandbox.url);
  const { accounts } = await graphql<{ accounts: Array<{ iban: string; provider: string }> }>(
    stack.gateway.url,
    '{ accounts { iban provider } }',
    {},
    alice.both,
  );
  const kontistIbans = new Set(accounts.filter((a) => a.provider === 'KONTIST').map((a) => a.iban));

  /** Runs the query `repeats` times; the upstream calls of the first run, the median time of all. */
  const measure = async <T>(query: string, read: (data: T) => Edges) => {
    let calls: Record<string, number> | undefined;
    let edges: Edges['edges'] = [];
    const times: number[] = [];
    for (let i = 0; i < ctx.settings.batching.repeats; i += 1) {
      await control.resetStats();
      const { result, ms } = await timed(() => graphql<T>(stack.gateway.url, query, {}, alice.both));
      times.push(ms);
      if (!calls) {
        calls = await control.stats();
        edges = read(result).edges;
      }
    }
    return { calls: calls!, edges, ms: median(times) };
  };

  const feed = await measure<{ transactions: Edges }>(FEED, (d) => d.transactions);
  const kontistShare = feed.edges.filter((e) => kontistIbans.has(e.node.account.iban)).length;
  // One accounts list per provider serves all 500 `account` fields; one Bankimport call
  // (limit 501) for its share; Kontist's fixed pages of 50 up to its share plus one, to know what follows.
  const feedMinimum = 1 + 1 + 1 + Math.ceil((kontistShare + 1) / PAGE);

  const account = await measure<{ account: { transactions: Edges } }>(ACCOUNT, (d) => d.account.transactions);
  // The account lookup and all 500 `account { iban }` share one accounts list; one page of 501.
  const accountMinimum = 2;

  const total = (calls: Record<string, number>) => Object.values(calls).reduce((sum, n) => sum + n, 0);
  const list = (calls: Record<string, number>) =>
    Object.entries(calls)
      .map(([route, n]) => `\`${route}\` ${n}`)
      .join(', ');
  if (feed.edges.length !== 500 || account.edges.length !== 500) {
    throw new Error(`expected 500 transactions, got ${feed.edges.length} and ${account.edges.length}`);
  }
  const exact = { text: '= minimum', met: (r: number) => r <= 1 };
  return {
    id: 3,
    title: 'Batching',
    figures: [
      compared(
        {
          measure: 'upstream calls, feed of 500',
          value: total(feed.calls),
          unit: 'calls',
          baseline: { name: 'minimum', value: feedMinimum },
        },
        exact,
      ),
      compared(
        {
          measure: 'upstream calls, account page of 500',
          value: total(account.calls),
          unit: 'calls',
          baseline: { name: 'minimum', value: accountMinimum },
        },
        exact,
      ),
      { measure: 'feed of 500, one request', value: feed.ms, unit: 'ms' },
      { measure: 'account page of 500, one request', value: account.ms, unit: 'ms' },
    ],
    notes: [
      `feed: \`${FEED}\` with both credentials; upstream calls from \`GET /sandbox/stats\` after \`DELETE /sandbox/stats\`: ${list(feed.calls)}.`,
      `feed minimum: 1 Kontist accounts call + 1 Bankimport bank-accounts call (one per provider, shared by all 500 ` +
        `\`account\` fields) + 1 Bankimport transactions call (limit 501) + ceil((Kontist share + 1) / 50) Kontist pages ` +
        `= 3 + ceil((${kontistShare} + 1) / 50) = ${feedMinimum} (the argument of test/schema/transaction/feed.test.ts).`,
      `account: alice's Bankimport account 7856278, \`transactions(first: 500) { edges { node { id account { iban } } } }\`: ` +
        `${list(account.calls)}; minimum 2: one bank-accounts call (the account lookup and all 500 \`account\` fields) ` +
        `and one transactions page of 501.`,
      `times: median of ${ctx.settings.batching.repeats} sequential requests.`,
    ],
  };
}
