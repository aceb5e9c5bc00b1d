import request from 'supertest';

import { alice, startGateway, type TestGateway } from '../support/gateway';

const SUBSCRIPTION = 'subscription { transactionAdded { id } }';

describe('subscriptionRefusalPlugin', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway();
  });
  afterAll(() => t.close());

  it('refuses a subscription POSTed without the multipart Accept with 400, naming where subscriptions go', async () => {
    const response = await t.gql(SUBSCRIPTION, {}, alice);
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringContaining('/graphql/stream'),
        extensions: expect.objectContaining({ code: 'BAD_REQUEST' }),
      }),
    ]);
  });

  it('refuses a subscription over GET with 400 and no Allow header', async () => {
    const response = await request(t.url)
      .get('/graphql')
      .query({ query: SUBSCRIPTION })
      .set({ ...alice, 'Apollo-Require-Preflight': 'true' });
    expect(response.status).toBe(400);
    expect(response.headers.allow).toBeUndefined();
    expect(response.body.errors[0]).toMatchObject({
      message: expect.stringContaining('/graphql/stream'),
      extensions: { code: 'BAD_REQUEST' },
    });
  });

  it('answers a query that only names the word, as an alias', async () => {
    const response = await t.gql('{ subscription: __typename }', {}, alice);
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ data: { subscription: 'Query' } });
  });
});
