import { alice, callCount, startGateway, type TestGateway } from '../support/gateway';

/** alice's accounts at both providers, each with its latest transaction: one call per list and per account. */
const QUERY = '{ accounts { id transactions(first: 1) { totalCount } } }';

describe('the cap on provider calls per operation (MAX_UPSTREAM_CALLS)', () => {
  let t: TestGateway;

  afterEach(() => t.close());

  it('answers within the cap as usual', async () => {
    t = await startGateway();
    const { body } = await t.gql(QUERY, {}, alice);
    expect(body.errors).toBeUndefined();
    expect(callCount(await t.stats())).toBeGreaterThan(3);
  });

  it('past the cap, refuses the fields that need more calls with QUERY_TOO_COMPLEX and makes no more calls', async () => {
    t = await startGateway({ MAX_UPSTREAM_CALLS: '3' });
    const response = await t.gql(QUERY, {}, alice);

    expect(callCount(await t.stats())).toBe(3);
    const errors = response.body.errors!;
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error).toMatchObject({
        message: 'The query needs too many calls to providers: more than 3 (MAX_UPSTREAM_CALLS), limit 3.',
        extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'upstreamCalls', max: 3 },
      });
    }
  });

  it('counts per operation: the next request has its own budget', async () => {
    t = await startGateway({ MAX_UPSTREAM_CALLS: '3' });
    for (let i = 0; i < 3; i++) {
      const { body } = await t.gql('{ accounts { id } }', {}, alice);
      expect(body.errors).toBeUndefined();
    }
  });
});
