import request from 'supertest';

import { ProviderError, UnauthenticatedError } from '../../../src/errors/errors';
import { parseJson } from '../../../src/providers/http';
import {
  kontistStandingOrderListSchema,
  kontistStandingOrderRequestSchema,
  kontistStandingOrderSchema,
  kontistTimedOrderListSchema,
  kontistTimedOrderSchema,
  kontistTransferSchema,
} from '../../../src/providers/kontist/kontist-orders.payloads';
import { kontist } from '../../../src/providers/kontist/kontist.descriptor';
import {
  kontistAccountListSchema,
  kontistLegacyTransactionPageSchema,
  kontistLegacyTransactionSchema,
  kontistTokenSchema,
  kontistTransactionPageSchema,
  kontistTransactionSchema,
} from '../../../src/providers/kontist/kontist.payloads';
import { refusalOf, startContractSandbox, type ContractSandbox } from '../../support/contract';

/** The Accept headers the client sends for the v2.1 list and item. */
const V21_LIST = 'application/vnd.kontist.transactionlist.v2.1+json';
const V21_ITEM = 'application/vnd.kontist.transaction.v2.1+json';
const ALICE = 'Bearer sandbox-alice';
const ALICE_BASIC = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;
const ACCOUNT = 4711;

/** As the client reads every Kontist reply: lossless JSON (kontist.client.ts, kontist-orders.client.ts). */
const json = (reply: { text: string }): unknown => parseJson(reply.text);

/**
 * The sandbox's Kontist against the gateway's Kontist clients: every route they call,
 * over real HTTP, read with their own schemas (kontist.payloads.ts, kontist-orders.payloads.ts).
 */
describe('the Kontist contract between the sandbox and the gateway client', () => {
  let sandbox: ContractSandbox;
  let api: () => ReturnType<typeof request>;
  beforeAll(async () => {
    sandbox = await startContractSandbox({ transactions: 10 });
    const base = sandbox.endpoints.kontist.url;
    api = () => request(base);
  });
  afterAll(() => sandbox.close());

  describe('accounts and transactions', () => {
    it('lists accounts in both APIs, the legacy one with its bank name', async () => {
      const current = kontistAccountListSchema.parse(
        json(await api().get('/api/accounts').set('Authorization', ALICE).expect(200)),
      );
      const legacy = kontistAccountListSchema.parse(
        json(await api().get('/api/accounts').set('Authorization', ALICE_BASIC).expect(200)),
      );
      expect(current).toEqual([expect.objectContaining({ id: ACCOUNT, iban: expect.stringMatching(/^DE\d{20}$/) })]);
      expect(legacy.map((account) => [account.id, account.iban, account.balance])).toEqual(
        current.map((account) => [account.id, account.iban, account.balance]),
      );
      expect(legacy[0]?.bankName).toBeTruthy();
      expect(Number.isInteger(current[0]?.balance)).toBe(true);
    });

    it('pages the v2.1 list, signed cents, with a path to the next page', async () => {
      const first = kontistTransactionPageSchema.parse(
        json(
          await api()
            .get(`/api/accounts/${ACCOUNT}/transactions`)
            .query({ page: 1 })
            .set('Authorization', ALICE)
            .set('Accept', V21_LIST)
            .expect(200),
        ),
      );
      expect(first.total).toBeGreaterThanOrEqual(250);
      expect(first.results).toHaveLength(50);
      expect(first.next).toBe(`/api/accounts/${ACCOUNT}/transactions?page=2`);
      expect(first.results.some((t) => t.amount < 0)).toBe(true);
      expect(first.results.some((t) => t.amount > 0)).toBe(true);

      const lastPage = Math.ceil(first.total / 50);
      const last = kontistTransactionPageSchema.parse(
        json(
          await api()
            .get(`/api/accounts/${ACCOUNT}/transactions`)
            .query({ page: lastPage })
            .set('Authorization', ALICE)
            .set('Accept', V21_LIST)
            .expect(200),
        ),
      );
      expect(last.next).toBeNull();
      expect(last.results).toHaveLength(first.total - (lastPage - 1) * 50);
    });

    it('pages the legacy list, unsigned, its direction in from and to', async () => {
      const [v21, legacy] = await Promise.all([
        api().get(`/api/accounts/${ACCOUNT}/transactions`).set('Authorization', ALICE).set('Accept', V21_LIST),
        api()
          .get(`/api/accounts/${ACCOUNT}/transactions`)
          .set('Authorization', ALICE_BASIC)
          .set('Accept', 'application/json'),
      ]);
      const current = kontistTransactionPageSchema.parse(json(v21));
      const old = kontistLegacyTransactionPageSchema.parse(json(legacy));
      expect(old.total).toBe(current.total);
      old.results.forEach((transaction, index) => {
        const same = current.results[index]!;
        expect(transaction.id).toBe(same.id);
        expect(transaction.amount).toBe(Math.abs(same.amount));
        expect(same.amount < 0 ? transaction.from : transaction.to).toBe(ACCOUNT);
      });
    });

    it('answers one transaction in the format asked for', async () => {
      const listed = kontistTransactionPageSchema.parse(
        json(
          await api().get(`/api/accounts/${ACCOUNT}/transactions`).set('Authorization', ALICE).set('Accept', V21_LIST),
        ),
      ).results[3]!;
      const one = kontistTransactionSchema.parse(
        json(
          await api()
            .get(`/api/accounts/${ACCOUNT}/transactions/${listed.id}`)
            .set('Authorization', ALICE)
            .set('Accept', V21_ITEM)
            .expect(200),
        ),
      );
      expect(one).toEqual(listed);
      const legacy = kontistLegacyTransactionSchema.parse(
        json(
          await api()
            .get(`/api/accounts/${ACCOUNT}/transactions/${listed.id}`)
            .set('Authorization', ALICE_BASIC)
            .set('Accept', 'application/json')
            .expect(200),
        ),
      );
      expect(legacy).toMatchObject({ id: listed.id, amount: Math.abs(listed.amount), e2e_id: listed.e2eId });
    });

    it('rejects a token the way the client reads as UNAUTHENTICATED', async () => {
      const reply = await api().get('/api/accounts').set('Authorization', 'Bearer not-a-token');
      expect(refusalOf(kontist, reply)).toBeInstanceOf(UnauthenticatedError);
    });
  });

  describe('transfers', () => {
    const transfer = {
      recipient: 'Karl Brenner',
      iban: 'DE89370400440532013000',
      amount: 1250,
      note: 'Contract lunch',
      e2eId: 'E2E-CONTRACT-1',
    };

    it('registers a transfer and executes it with the TAN and the same payload', async () => {
      const registered = kontistTransferSchema.parse(
        json(
          await api().post(`/api/accounts/${ACCOUNT}/transfer`).set('Authorization', ALICE).send(transfer).expect(200),
        ),
      );
      expect(registered).toMatchObject({ ...transfer, status: 'confirmation_required' });
      expect(registered.meta?.authorizationTokenLength).toBe(6);
      const self = registered.links?.self ?? '';
      expect(self).toMatch(new RegExp(`^/api/accounts/${ACCOUNT}/transfer/[A-Za-z0-9-]+$`));

      const tan = await sandbox.tanFor(self.split('/').pop()!);
      const executed = kontistTransferSchema.parse(
        json(
          await api()
            .put(self)
            .set('Authorization', ALICE)
            .send({ ...transfer, authorizationToken: tan })
            .expect(200),
        ),
      );
      expect(executed).toMatchObject({ ...transfer, status: 'accepted' });
    });

    it('refuses a wrong TAN and funds it does not have with the reasons the client acts on', async () => {
      const registered = kontistTransferSchema.parse(
        json(await api().post(`/api/accounts/${ACCOUNT}/transfer`).set('Authorization', ALICE).send(transfer)),
      );
      const tan = await sandbox.tanFor(registered.links!.self.split('/').pop()!);
      const wrong = String((Number(tan) + 1) % 1_000_000).padStart(6, '0');
      const refused = refusalOf(
        kontist,
        await api()
          .put(registered.links!.self)
          .set('Authorization', ALICE)
          .send({ ...transfer, authorizationToken: wrong }),
      ) as ProviderError;
      expect(refused).toBeInstanceOf(ProviderError);
      // kontist-orders.client.ts keeps the pending transfer for another attempt on exactly this reason.
      expect(refused.reason).toBe('invalid_tan');
      expect(refused.extensions).toMatchObject({ reason: 'TAN_INVALID', status: 400 });

      const broke = refusalOf(
        kontist,
        await api()
          .post(`/api/accounts/${ACCOUNT}/transfer`)
          .set('Authorization', ALICE)
          .send({ ...transfer, amount: 999_999_999 }),
      );
      expect(broke.extensions).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'INSUFFICIENT_FUNDS', status: 422 });
    });
  });

  describe('standing orders', () => {
    it('creates, lists, updates and cancels one, each change confirmed with a TAN', async () => {
      const confirm = async (requestId: string) =>
        kontistStandingOrderSchema.parse(
          json(
            await api()
              .post(`/api/accounts/${ACCOUNT}/standing-orders/confirm`)
              .set('Authorization', ALICE)
              .send({ requestId, authorizationToken: await sandbox.tanFor(requestId) })
              .expect(200),
          ),
        );
      const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
      const requested = kontistStandingOrderRequestSchema.parse(
        json(
          await api()
            .post(`/api/accounts/${ACCOUNT}/standing-orders`)
            .set('Authorization', ALICE)
            .send({
              recipient: 'John Smith',
              iban: 'DE89370400440532013000',
              amount: 12012,
              note: 'Contract rent',
              e2eId: null,
              reoccurrence: 'MONTHLY',
              firstExecutionDate: tomorrow,
              lastExecutionDate: null,
            })
            .expect(200),
        ),
      );
      expect(requested).toMatchObject({ status: 'CONFIRMATION_REQUIRED', amount: 12012, recipient: 'John Smith' });
      const created = await confirm(requested.requestId);
      expect(created).toMatchObject({
        status: 'ACTIVE',
        name: 'John Smith',
        iban: 'DE89370400440532013000',
        amount: 12012,
        description: 'Contract rent',
        reoccurrence: 'MONTHLY',
      });

      const listed = kontistStandingOrderListSchema.parse(
        json(await api().get(`/api/accounts/${ACCOUNT}/standing-orders`).set('Authorization', ALICE).expect(200)),
      );
      expect(listed.find((order) => order.id === created.id)).toEqual(created);

      const update = kontistStandingOrderRequestSchema.parse(
        json(
          await api()
            .patch(`/api/accounts/${ACCOUNT}/standing-orders/${created.id}`)
            .set('Authorization', ALICE)
            .send({ amount: 500, reoccurrence: 'QUARTERLY' })
            .expect(200),
        ),
      );
      expect(update).toMatchObject({ status: 'CONFIRMATION_REQUIRED', amount: 500 });
      expect(await confirm(update.requestId)).toMatchObject({ id: created.id, amount: 500, reoccurrence: 'QUARTERLY' });

      const cancel = kontistStandingOrderRequestSchema.parse(
        json(
          await api()
            .patch(`/api/accounts/${ACCOUNT}/standing-orders/${created.id}/cancel`)
            .set('Authorization', ALICE)
            .expect(200),
        ),
      );
      expect(await confirm(cancel.requestId)).toMatchObject({ id: created.id, status: 'CANCELED' });
    });
  });

  describe('timed orders', () => {
    it('creates one, confirms it, lists it while scheduled and cancels it', async () => {
      const date = new Date(Date.now() + 3 * 86_400_000).toISOString();
      const order = {
        recipient: 'John Smith',
        iban: 'DE89370400440532013000',
        amount: 777,
        note: 'Contract bill',
        e2eId: 'E2E-CONTRACT-TIMED',
        date,
      };
      const created = kontistTimedOrderSchema.parse(
        json(
          await api().post(`/api/accounts/${ACCOUNT}/timed-orders`).set('Authorization', ALICE).send(order).expect(200),
        ),
      );
      expect(created).toMatchObject({
        status: 'CONFIRMATION_REQUIRED',
        scheduled_transaction: {
          recipient_name: 'John Smith',
          recipient_iban: 'DE89370400440532013000',
          description: 'Contract bill',
          end_to_end_id: 'E2E-CONTRACT-TIMED',
          amount: { value: 777, currency: 'EUR' },
        },
      });

      const confirmed = kontistTimedOrderSchema.parse(
        json(
          await api()
            .post(`/api/accounts/${ACCOUNT}/timed-orders/${created.id}/confirm`)
            .set('Authorization', ALICE)
            .send({ token: await sandbox.tanFor(created.id) })
            .expect(200),
        ),
      );
      expect(confirmed).toMatchObject({ id: created.id, status: 'SCHEDULED' });

      const listed = kontistTimedOrderListSchema.parse(
        json(await api().get(`/api/accounts/${ACCOUNT}/timed-orders`).set('Authorization', ALICE).expect(200)),
      );
      expect(listed.find((item) => item.id === created.id)).toMatchObject({
        recipientName: 'John Smith',
        amount: -777,
        e2eId: 'E2E-CONTRACT-TIMED',
      });

      const canceled = kontistTimedOrderSchema.parse(
        json(
          await api()
            .patch(`/api/accounts/${ACCOUNT}/timed-orders/${created.id}/cancel`)
            .set('Authorization', ALICE)
            .expect(200),
        ),
      );
      expect(canceled).toMatchObject({ id: created.id, status: 'CANCELED' });
    });
  });

  describe('OAuth', () => {
    it('exchanges a code and a refresh token for tokens the client reads', async () => {
      const { clientId, clientSecret } = sandbox.endpoints.kontist;
      const redirectUri = 'http://localhost:3000/callback';
      const authorized = await api()
        .get('/api/oauth/authorize')
        .query({
          scope: 'offline accounts',
          response_type: 'code',
          client_id: clientId,
          redirect_uri: redirectUri,
          state: 's1',
        })
        .expect(302);
      const back = new URL(authorized.headers.location as string);
      expect(back.searchParams.get('state')).toBe('s1');
      const token = (form: Record<string, string>) =>
        api()
          .post('/api/oauth/token')
          .type('form')
          .send({ client_id: clientId, client_secret: clientSecret, ...form });

      const tokens = kontistTokenSchema.parse(
        json(
          await token({
            grant_type: 'authorization_code',
            code: back.searchParams.get('code')!,
            redirect_uri: redirectUri,
          }).expect(200),
        ),
      );
      expect(tokens).toMatchObject({ token_type: 'Bearer', scope: 'offline accounts' });
      expect(tokens.refresh_token).toBeTruthy();
      // The access token is alice's.
      await api().get('/api/accounts').set('Authorization', `Bearer ${tokens.access_token}`).expect(200);

      const refreshed = kontistTokenSchema.parse(
        json(await token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token! }).expect(200)),
      );
      expect(refreshed.access_token).not.toBe(tokens.access_token);

      const spent = refusalOf(
        kontist,
        await token({
          grant_type: 'authorization_code',
          code: back.searchParams.get('code')!,
          redirect_uri: redirectUri,
        }),
      );
      expect(spent.extensions).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'INVALID_GRANT', status: 400 });
    });
  });
});
