import { serverAudits } from 'graphql-http';

import { startGateway, type TestGateway } from '../support/gateway';

/**
 * SHOULD audits that the contract overrides: it answers parse and validation failures
 * and variables that do not coerce with 400, whatever the client accepts, where the
 * GraphQL-over-HTTP spec recommends 200 for `Accept: application/json`.
 */
const contractStatus = new Set(['572B', 'FDE2', '7B9B']);

/**
 * MAY audits of GET requests that carry neither a content type nor a credentials
 * header: Apollo's CSRF prevention, which the contract keeps, stops them with 400.
 */
const csrfPrevented = new Set(['5A70', 'D6D5', '6A70']);

function expectedOutcome(id: string): string {
  if (contractStatus.has(id)) {
    return 'warn: Response status code is not 200';
  }
  if (csrfPrevented.has(id)) {
    return 'notice: Response status code is not 200';
  }
  return 'ok';
}

function titleOf({ id, name }: { id: string; name: string }): string {
  const deviation = contractStatus.has(id)
    ? ' (not followed: the contract answers 400)'
    : csrfPrevented.has(id)
      ? ' (not followed: CSRF prevention)'
      : '';
  return `${name} [${id}]${deviation}`;
}

describe("graphql-http's server audits against the gateway (GraphQL over HTTP)", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ RATE_LIMIT_PER_MINUTE: '600' });
  });
  afterAll(() => t.close());

  const audits = serverAudits({ url: () => `${t.url}/graphql`, fetchFn: fetch });

  it('include every MUST audit, each expected to pass', () => {
    const must = audits.filter((audit) => audit.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(0);
    expect(must.filter((audit) => expectedOutcome(audit.id) !== 'ok')).toEqual([]);
  });

  for (const audit of audits) {
    it(titleOf(audit), async () => {
      const result = await audit.fn();
      expect(result.status === 'ok' ? 'ok' : `${result.status}: ${result.reason}`).toBe(expectedOutcome(audit.id));
    });
  }
});
