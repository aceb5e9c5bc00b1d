import { BanksDocument, ProvidersDocument } from '../../generated/graphql';
import { startGateway, type TestGateway } from '../../support/gateway';

describe('banks and providers', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startGateway({ CIRCUIT_FAILURES: '2', CIRCUIT_HALF_OPEN_MS: '60000' });
  });
  afterAll(() => t.close());
  afterEach(() => t.clearFaults());

  it("lists Kontomatik's catalog with the mock bank, without credentials", async () => {
    const { body } = await t.gql(BanksDocument, {});
    expect(body.errors).toBeUndefined();
    expect(body.data!.banks).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'KontoBank', country: 'PL', accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'] }),
      ]),
    );
    expect(new Set(body.data!.banks.map((b) => b.country)).size).toBeGreaterThan(3);
  });

  it('filters by country, case-insensitively, and caches the catalog', async () => {
    await t.resetStats();
    const { body } = await t.gql(BanksDocument, { country: 'es' });
    expect(body.data!.banks.length).toBeGreaterThan(0);
    expect(body.data!.banks.every((b) => b.country === 'ES')).toBe(true);
    expect(await t.stats()).toEqual({});
  });

  it('refuses a country that is not a two-letter code', async () => {
    const { body } = await t.gql(BanksDocument, { country: 'Poland' });
    expect(body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'country' });
  });

  it('reports every provider healthy with a closed circuit', async () => {
    const { body } = await t.gql(ProvidersDocument, {});
    expect(body.data!.providers).toEqual([
      { provider: 'KONTIST', healthy: true, circuit: 'CLOSED' },
      { provider: 'BANKIMPORT', healthy: true, circuit: 'CLOSED' },
      { provider: 'KONTOMATIK', healthy: true, circuit: 'CLOSED' },
    ]);
  });

  it('reports a provider whose health check fails, and opens its circuit after repeated failures', async () => {
    await t.faults({ provider: 'KONTOMATIK', errorRate: 1, status: 503 });
    await t.gql(ProvidersDocument, {});
    const { body } = await t.gql(ProvidersDocument, {});
    expect(body.data!.providers[2]).toEqual({ provider: 'KONTOMATIK', healthy: false, circuit: 'OPEN' });
    await t.resetStats();
    await t.gql(ProvidersDocument, {});
    // An open circuit fails fast: the provider is not called at all.
    expect(await t.stats()).toEqual({});
  });
});
