import request from 'supertest';

import { NotFoundError, ProviderError, UnauthenticatedError } from '../../../src/errors/errors';
import { bankimport } from '../../../src/providers/bankimport/bankimport.descriptor';
import {
  bankimportBankAccountDetailSchema,
  bankimportBankAccountListSchema,
  bankimportImportSchema,
  bankimportTransactionDetailSchema,
  bankimportTransactionListSchema,
} from '../../../src/providers/bankimport/bankimport.payloads';
import { parseBankimportXml } from '../../../src/providers/bankimport/bankimport.xml';
import { parseJson } from '../../../src/providers/http';
import { refusalOf, startContractSandbox, type ContractSandbox } from '../../support/contract';

const ALICE = 'Token token=sandbox-alice';
/** Alice's largest account, and her other one. */
const GIRO = 7856278;
const SAVINGS = 7856279;
const IMPORT_MS = 300;

type Format = 'json' | 'xml';

/** As bankimport.client.ts reads a reply: lossless JSON, or Rails XML with a list's `<transaction_list>` root taken off. */
function read(format: Format, reply: { text: string }): unknown {
  if (format === 'json') {
    return parseJson(reply.text);
  }
  const tree = parseBankimportXml(reply.text) as Record<string, unknown>;
  return 'transaction_list' in tree ? tree.transaction_list : tree;
}

/**
 * The sandbox's Bankimport against the gateway's Bankimport client: every route it
 * calls, in JSON and in XML (`BANKIMPORT_FORMAT`), over real HTTP, read with its own
 * schemas (bankimport.payloads.ts) and XML reader (bankimport.xml.ts).
 */
describe.each<Format>(['json', 'xml'])('the Bankimport contract in %s', (format) => {
  const suffix = format === 'xml' ? '.xml' : '';
  let sandbox: ContractSandbox;
  let get: (path: string, query?: Record<string, string | number>) => Promise<request.Response>;
  let post: (path: string, form?: Record<string, string>) => Promise<request.Response>;
  beforeAll(async () => {
    sandbox = await startContractSandbox({ transactions: 120, importMs: IMPORT_MS });
    const base = sandbox.endpoints.bankimport.url;
    const accept = format === 'xml' ? 'application/xml' : 'application/json';
    get = async (path, query = {}) =>
      request(base).get(`${path}${suffix}`).query(query).set('Authorization', ALICE).set('Accept', accept);
    post = async (path, form = {}) =>
      request(base).post(`${path}${suffix}`).type('form').send(form).set('Authorization', ALICE).set('Accept', accept);
  });
  afterAll(() => sandbox.close());

  it("lists the caller's accounts, and only those that match a filter", async () => {
    const all = bankimportBankAccountListSchema.parse(read(format, await get('/api/v1/bank-accounts'))).bank_accounts;
    expect(all.map((account) => account.id)).toEqual(expect.arrayContaining([GIRO, SAVINGS]));
    for (const account of all) {
      expect(account).toMatchObject({ currency: 'EUR', iban: expect.stringMatching(/^DE\d{20}$/) });
      expect(account.balance).toMatch(/^-?\d+(\.\d+)?$/);
    }
    const filtered = bankimportBankAccountListSchema.parse(
      read(format, await get('/api/v1/bank-accounts', { bank_code: '3007', balance_min: '0.00' })),
    ).bank_accounts;
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.length).toBeLessThanOrEqual(all.length);
    for (const account of filtered) {
      expect(account.bank_code.startsWith('3007')).toBe(true);
      expect(account.balance?.startsWith('-')).toBe(false);
    }
  });

  it('answers one account by its id', async () => {
    const { bank_account: account } = bankimportBankAccountDetailSchema.parse(
      read(format, await get(`/api/v1/bank-account/${GIRO}`)),
    );
    expect(account).toMatchObject({ id: GIRO, account_number: expect.any(String), last_update_at: expect.any(String) });
  });

  it("pages an account's transactions in the order, status and amount range asked for", async () => {
    const page = bankimportTransactionListSchema.parse(
      read(
        format,
        await get(`/api/v1/bank-account/${GIRO}/transactions`, {
          order_by: 'account_date_desc',
          status: 'completed',
          amount_max: '-0.01',
          page: 2,
          limit: 10,
        }),
      ),
    );
    expect(page.pagination).toMatchObject({ current_page: 2, per_page: 10 });
    expect(page.pagination.total_pages).toBe(Math.ceil(page.pagination.total_entries / 10));
    expect(page.transactions).toHaveLength(10);
    const days = page.transactions.map((transaction) => transaction.account_date ?? '');
    expect([...days].sort().reverse()).toEqual(days);
    for (const transaction of page.transactions) {
      expect(transaction).toMatchObject({ bank_account_id: GIRO, status: 'completed', currency: 'EUR' });
      expect(transaction.amount).toMatch(/^-\d+(\.\d+)?$/);
    }
  });

  it('searches every account of the caller, and answers one transaction by its id', async () => {
    const feed = bankimportTransactionListSchema.parse(
      read(format, await get('/api/v1/transactions', { order_by: 'account_date_desc', status: 'pending', limit: 5 })),
    );
    expect(feed.transactions.length).toBeGreaterThan(0);
    expect(new Set(feed.transactions.map((t) => t.status))).toEqual(new Set(['pending']));
    const listed = feed.transactions[0]!;
    const { transaction } = bankimportTransactionDetailSchema.parse(
      read(format, await get(`/api/v1/transaction/${listed.id}`)),
    );
    expect(transaction).toEqual(listed);
  });

  it('starts a forced import that moves the account once its estimated finish date has passed', async () => {
    const before = bankimportBankAccountDetailSchema.parse(read(format, await get(`/api/v1/bank-account/${SAVINGS}`)))
      .bank_account.last_update_at;
    const started = await post(`/api/v1/bank-account/${SAVINGS}/import`);
    expect(started.status).toBe(201);
    const { import: running } = bankimportImportSchema.parse(read(format, started));
    expect(running.bank_account_id).toBe(SAVINGS);
    const finish = Date.parse(running.estimated_finish_date);
    expect(finish).toBeGreaterThan(Date.now() - 1000);
    // Asked again while it runs: the same import.
    expect(
      bankimportImportSchema.parse(read(format, await post(`/api/v1/bank-account/${SAVINGS}/import`))).import.id,
    ).toBe(running.id);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, finish - Date.now()) + 50));
    const after = bankimportBankAccountDetailSchema.parse(read(format, await get(`/api/v1/bank-account/${SAVINGS}`)))
      .bank_account.last_update_at;
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  });

  it("links an HBCI login and answers that login's accounts", async () => {
    const linked = await post('/api/v1/bank-account/hbci', {
      title: `Tagesgeld ${format}`,
      hbci_bank_code: '30070024',
      username: 'alice',
      secret: 'alice-hbci-pin',
    });
    expect(linked.status).toBe(201);
    const accounts = bankimportBankAccountListSchema.parse(read(format, linked)).bank_accounts;
    expect(accounts).toContainEqual(expect.objectContaining({ bank_code: '30070024', title: `Tagesgeld ${format}` }));
  });

  it('refuses a wrong HBCI secret with the reason the gateway passes on', async () => {
    const refused = refusalOf(
      bankimport,
      await post('/api/v1/bank-account/hbci', {
        title: 'Wrong',
        hbci_bank_code: '30070024',
        username: 'alice',
        secret: 'not-the-pin',
      }),
    );
    expect(refused).toBeInstanceOf(ProviderError);
    expect(refused.extensions).toMatchObject({ code: 'PROVIDER_ERROR', status: 422, reason: 'HBCI_LOGIN_FAILED' });
    expect(refused.message).toContain('hbci_login_failed');
    expect(refused.message).not.toContain('not-the-pin');
  });

  it('answers an unknown account as NOT_FOUND and a wrong token as UNAUTHENTICATED', async () => {
    expect(refusalOf(bankimport, await get('/api/v1/bank-account/999999999'))).toBeInstanceOf(NotFoundError);
    const stranger = await request(sandbox.endpoints.bankimport.url)
      .get(`/api/v1/bank-accounts${suffix}`)
      .set('Authorization', 'Token token=not-a-token');
    expect(refusalOf(bankimport, stranger)).toBeInstanceOf(UnauthenticatedError);
  });
});
