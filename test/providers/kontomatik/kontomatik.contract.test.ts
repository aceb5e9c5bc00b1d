import request from 'supertest';

import { NotFoundError, ProviderError, UnauthenticatedError } from '../../../src/errors/errors';
import { parseJson } from '../../../src/providers/http';
import { kontomatik } from '../../../src/providers/kontomatik/kontomatik.descriptor';
import { toBanks, toCommandResult, toCommandState } from '../../../src/providers/kontomatik/kontomatik.mapper';
import {
  kontomatikCatalogSchema,
  kontomatikCommandReplySchema,
  kontomatikHealthSchema,
  kontomatikMockSessionSchema,
  kontomatikSignInSchema,
  kontomatikSignInStatusSchema,
} from '../../../src/providers/kontomatik/kontomatik.payloads';
import { readKontomatikXml } from '../../../src/providers/kontomatik/kontomatik.xml';
import { refusalOf, startContractSandbox, type ContractSandbox } from '../../support/contract';

const IMPORT_MS = 200;

/** As kontomatik.client.ts reads the JSON routes (lossless) and the XML command replies. */
const json = (reply: { text: string }): unknown => parseJson(reply.text);
const commandOf = (reply: { text: string }) =>
  kontomatikCommandReplySchema.parse(readKontomatikXml(reply.text)).reply.command;

/**
 * The sandbox's Kontomatik against the gateway's Kontomatik client: every route it
 * calls, over real HTTP, read with its own schemas (kontomatik.payloads.ts) and XML
 * reader (kontomatik.xml.ts), its refusals with its refusal reader.
 */
describe('the Kontomatik contract between the sandbox and the gateway client', () => {
  let sandbox: ContractSandbox;
  let api: () => ReturnType<typeof request>;
  let apiKey: string;
  const postForm = (path: string, form: Record<string, string>) =>
    api().post(path).set('X-Api-Key', apiKey).set('Accept', 'application/xml').type('form').send(form);
  const mockSession = async () =>
    kontomatikMockSessionSchema.parse(
      readKontomatikXml((await api().post('/mock-session.xml').set('X-Api-Key', apiKey).expect(200)).text),
    ).reply;
  const finished = async (commandId: string) => {
    const deadline = Date.now() + 10 * IMPORT_MS + 2000;
    for (;;) {
      const command = commandOf(await api().get(`/command/${commandId}.xml`).set('X-Api-Key', apiKey).expect(200));
      const { status } = toCommandState(command);
      if (status === 'COMPLETED' || status === 'FAILED' || Date.now() > deadline) {
        return command;
      }
      await new Promise((resolve) => setTimeout(resolve, IMPORT_MS / 4));
    }
  };

  beforeAll(async () => {
    sandbox = await startContractSandbox({ importMs: IMPORT_MS });
    const base = sandbox.endpoints.kontomatik.url;
    apiKey = sandbox.endpoints.kontomatik.apiKey;
    api = () => request(base);
  });
  afterAll(() => sandbox.close());

  it('serves the catalog, each bank with its access modes, and a health check', async () => {
    const catalog = kontomatikCatalogSchema.parse(
      json(await api().get('/ais-catalog').set('X-Api-Key', apiKey).set('Accept', 'application/json').expect(200)),
    );
    expect(catalog.targets).toContainEqual({
      id: 'KontoBank',
      country: 'PL',
      name: expect.any(String),
      accessModes: ['SINGLE', 'MULTIPLE', 'MIXED'],
    });
    expect(toBanks(catalog).length).toBe(catalog.targets.length);
    expect(kontomatikHealthSchema.parse(json(await api().get('/health').expect(200)))).toEqual({ status: 'UP' });
  });

  it('starts a redirection sign-in whose status turns COMPLETED once the bank page approves it', async () => {
    const started = kontomatikSignInSchema.parse(
      json(
        await api()
          .post('/signin/redirection')
          .set('X-Api-Key', apiKey)
          .send({ target: 'PlMbank', accessMode: 'SINGLE', ownerExternalId: 'owner-7' })
          .expect(200),
      ),
    );
    const status = async () =>
      kontomatikSignInStatusSchema.parse(
        json(
          await api()
            .get('/signin/redirection-status')
            .query({ sessionId: started.sessionId })
            .set('X-Api-Key', apiKey)
            .expect(200),
        ),
      );
    expect(await status()).toEqual({ sessionId: started.sessionId, status: 'PENDING' });
    expect(started.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    await request(started.redirectUrl!).get('').expect(200);
    expect(await status()).toEqual({ sessionId: started.sessionId, status: 'COMPLETED' });
  });

  it('refuses a sign-in at a bank it does not know with a named reason', async () => {
    const refused = refusalOf(
      kontomatik,
      await api().post('/signin/redirection').set('X-Api-Key', apiKey).send({ target: 'NoBank', accessMode: 'SINGLE' }),
    );
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused.extensions).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'UNKNOWN_TARGET', status: 400 });
  });

  it('imports from a mock session: QUEUED at once, then COMPLETED with accounts, transactions and a consent', async () => {
    const session = await mockSession();
    const accepted = commandOf(
      await postForm('/command/default-import.xml', { ...session, ownerExternalId: 'owner-42' }).expect(200),
    );
    const { commandId, status } = toCommandState(accepted);
    expect(status).toBe('QUEUED');

    const result = toCommandResult(await finished(commandId));
    expect(result).toMatchObject({ commandId, status: 'COMPLETED', target: 'KontoBank', error: null });
    expect(result.owners[0]?.externalId).toBe('owner-42');
    expect(result.accounts.length).toBeGreaterThanOrEqual(2);
    const withTransactions = result.accounts.filter(
      (account) => (result.transactions.get(account.providerAccountId)?.length ?? 0) > 0,
    );
    expect(withTransactions.length).toBeGreaterThanOrEqual(2);
    for (const account of result.accounts) {
      expect(account.providerAccountId.startsWith(`${commandId}:`)).toBe(true);
      for (const transaction of result.transactions.get(account.providerAccountId) ?? []) {
        expect(Number.isInteger(transaction.amount.minorUnits)).toBe(true);
      }
    }
    expect(result.multipleAccessToken).toBeTruthy();
  });

  it('imports again through the consent, then refuses it once revoked, with the reason the gateway maps', async () => {
    const session = await mockSession();
    const first = toCommandResult(
      await finished(toCommandState(commandOf(await postForm('/command/default-import.xml', session))).commandId),
    );
    const token = first.multipleAccessToken!;

    const reused = commandOf(
      await postForm('/command/reuse-multiple-access.xml', { multipleAccessToken: token }).expect(200),
    );
    const again = toCommandResult(await finished(toCommandState(reused).commandId));
    expect(again.commandId).not.toBe(first.commandId);
    expect(again.status).toBe('COMPLETED');
    expect(again.accounts.map((account) => account.iban)).toEqual(first.accounts.map((account) => account.iban));

    await postForm('/command/delete-multiple-access.xml', { multipleAccessToken: token }).expect(200);
    const revoked = refusalOf(
      kontomatik,
      await postForm('/command/reuse-multiple-access.xml', { multipleAccessToken: token }),
    );
    expect(revoked.extensions).toMatchObject({ code: 'PROVIDER_ERROR', reason: 'CONSENT_REVOKED', status: 400 });
  });

  it('ends an import from further back than five years FAILED, with its error text', async () => {
    const session = await mockSession();
    const accepted = commandOf(
      await postForm('/command/default-import.xml', { ...session, since: '2001-01-01' }).expect(200),
    );
    const result = toCommandResult(await finished(toCommandState(accepted).commandId));
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatch(/five years/);
    expect(result.accounts).toEqual([]);
  });

  it('names refusals of commands as the gateway reads XML exceptions', async () => {
    const session = await mockSession();
    const forged = refusalOf(
      kontomatik,
      await postForm('/command/default-import.xml', { ...session, sessionIdSignature: 'forged' }),
    );
    expect(forged.extensions).toMatchObject({
      code: 'PROVIDER_ERROR',
      reason: 'INVALID_SESSION_SIGNATURE',
      status: 400,
    });
    expect(
      refusalOf(kontomatik, await api().get('/command/no-such-command.xml').set('X-Api-Key', apiKey)),
    ).toBeInstanceOf(NotFoundError);
    expect(refusalOf(kontomatik, await api().post('/mock-session.xml').set('X-Api-Key', 'wrong-key'))).toBeInstanceOf(
      UnauthenticatedError,
    );
  });
});
