import { ConfirmTransferDocument, CreateTransferDocument } from '../generated/graphql';
import { alice, startGateway, type TestGateway } from '../support/gateway';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two gateway instances sharing Redis', () => {
  let a: TestGateway;
  let b: TestGateway;
  beforeAll(async () => {
    a = await startGateway({ REDIS_URL });
    b = await startGateway({ REDIS_URL }, {}, a);
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('confirms on instance B a transfer created on instance A, exactly once across both', async () => {
    const created = await a.gql(
      CreateTransferDocument,
      {
        input: {
          accountId: 'QWNjb3VudDpLT05USVNUOjQ3MTE',
          recipient: 'Karl Brenner',
          iban: 'DE89370400440532013000',
          amount: 2500,
        },
      },
      alice,
    );
    const confirmationId = created.body.data!.createTransfer.id;
    const tan = await a.latestTan();
    await a.resetStats();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? a : b).gql(ConfirmTransferDocument, { confirmationId, authorizationToken: tan }, alice),
      ),
    );
    const ok = answers.filter((r) => !r.body.errors);
    expect(ok).toHaveLength(1);
    expect(ok[0]!.body.data!.confirmTransfer).toMatchObject({ status: 'ACCEPTED', amount: { minorUnits: 2500 } });
    expect(answers.filter((r) => r.body.errors?.[0]?.extensions.code === 'CONFIRMATION_USED')).toHaveLength(19);
    expect((await a.stats())['KONTIST PUT /api/accounts/:id/transfer/:transferId']).toBe(1);
  });

  it('replays an Idempotency-Key used on A when retried on B', async () => {
    const headers = { ...alice, 'Idempotency-Key': `redis-${Date.now()}` };
    const input = {
      accountId: 'QWNjb3VudDpLT05USVNUOjQ3MTE',
      recipient: 'Karl',
      iban: 'DE89370400440532013000',
      amount: 3,
    };
    const first = await a.gql(CreateTransferDocument, { input }, headers);
    const sms = await a.smsCount();
    const second = await b.gql(CreateTransferDocument, { input }, headers);
    expect(second.body.data!.createTransfer.id).toBe(first.body.data!.createTransfer.id);
    expect(await a.smsCount()).toBe(sms);
  });
});
