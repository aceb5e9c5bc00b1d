import { print } from 'graphql';
import request from 'supertest';

import {
  AccountsDocument,
  ConfirmTransferDocument,
  CreateMockSessionDocument,
  CreateTransferDocument,
  ExchangeKontistCodeDocument,
  FeedDocument,
  ImportCommandDocument,
  ImportStatusChangedDocument,
  LinkBankAccountsDocument,
  RefreshKontistTokenDocument,
  ReuseConsentDocument,
  RevokeConsentDocument,
  StartImportDocument,
  TransactionAddedDocument,
} from '../generated/graphql';
import { alice, startGateway } from '../support/gateway';
import { aliceConnection, subscribe, wsClient } from '../support/subscriptions';

describe('secrets in logs', () => {
  it('never logs credentials, OAuth codes or client secrets, even at debug', async () => {
    const t = await startGateway({ LOG_LEVEL: 'debug', KONTIST_CLIENT_SECRET: 'sandbox-secret' });
    try {
      const basic = `Basic ${Buffer.from('alice:alice-password').toString('base64')}`;
      await t.gql(
        AccountsDocument,
        {},
        { 'X-Kontist-Authorization': 'Bearer sandbox-alice', 'X-Bankimport-Token': 'sandbox-alice' },
      );
      await t.gql(
        FeedDocument,
        { first: 5 },
        { 'X-Kontist-Authorization': basic, 'X-Bankimport-Token': 'wrong-token-123' },
      );
      await t.gql(ExchangeKontistCodeDocument, { code: 'secret-oauth-code-42', redirectUri: 'http://localhost/cb' });
      const created = await t.gql(
        CreateTransferDocument,
        {
          input: {
            accountId: 'QWNjb3VudDpLT05USVNUOjQ3MTE',
            recipient: 'Karl',
            iban: 'DE89370400440532013000',
            amount: 5,
          },
        },
        { 'X-Kontist-Authorization': 'Bearer sandbox-alice' },
      );
      const tan = await t.latestTan();
      await t.gql(
        ConfirmTransferDocument,
        { confirmationId: created.body.data!.createTransfer.id, authorizationToken: tan },
        { 'X-Kontist-Authorization': 'Bearer sandbox-alice' },
      );
      expect(t.logs.join('\n')).not.toContain(tan);
      expect(t.logs.length).toBeGreaterThan(0);
      const everything = t.logs.join('\n');
      for (const secret of [
        'sandbox-alice',
        basic,
        'YWxpY2U6YWxpY2UtcGFzc3dvcmQ',
        'wrong-token-123',
        'secret-oauth-code-42',
        'sandbox-secret',
      ]) {
        expect(everything).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });

  it('never logs HBCI secrets, consent tokens, session signatures, API keys or TANs in the newer flows, at debug', async () => {
    // The sandbox's Kontomatik accepts its own API key, which the gateway sends on every call.
    const t = await startGateway(
      {
        LOG_LEVEL: 'debug',
        KONTOMATIK_API_KEY: 'sandbox-api-key',
        IMPORT_POLL_MS: '50',
        IMPORT_POLL_MAX_MS: '100',
        TRANSACTION_POLL_MS: '100',
      },
      { importMs: 200 },
    );
    try {
      // An HBCI login: a wrong PIN (refused upstream) and the right one.
      for (const secret of ['wrong-hbci-pin-77', 'alice-hbci-pin']) {
        await t.gql(
          LinkBankAccountsDocument,
          { input: { title: 'Tagesgeld', bankCode: '30070024', username: 'alice', secret } },
          alice,
        );
      }
      await t.gql(RefreshKontistTokenDocument, { refreshToken: 'refresh-token-secret-5' });
      // A Kontomatik import, watched over the WebSocket with credentials in connection_init.
      const session = (await t.gql(CreateMockSessionDocument, {})).body.data!.createMockSession;
      const started = (
        await t.gql(StartImportDocument, {
          input: { sessionId: session.sessionId, sessionIdSignature: session.sessionIdSignature },
        })
      ).body.data!.startImport;
      const client = wsClient(t.url, aliceConnection);
      await subscribe(client, print(ImportStatusChangedDocument), { id: started.id }).done;
      // transactionAdded takes its credentials from connection_init and polls with them.
      const listings = async () => (await t.stats())['KONTIST GET /api/accounts'] ?? 0;
      const listed = await listings();
      const added = subscribe(client, print(TransactionAddedDocument), {});
      // Each look lists the Kontist accounts: two looks, and the poller has polled with them.
      while ((await listings()) < listed + 2) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      added.stop();
      await client.dispose();
      const token = (await t.gql(ImportCommandDocument, { id: started.id })).body.data!.importCommand!
        .multipleAccessToken!;
      await t.gql(ReuseConsentDocument, { input: { multipleAccessToken: token } });
      await t.gql(RevokeConsentDocument, { token });
      await t.gql(ReuseConsentDocument, { input: { multipleAccessToken: token } });
      // A TAN, wrong first, then right.
      const created = await t.gql(
        CreateTransferDocument,
        {
          input: {
            accountId: 'QWNjb3VudDpLT05USVNUOjQ3MTE',
            recipient: 'Karl',
            iban: 'DE89370400440532013000',
            amount: 5,
          },
        },
        alice,
      );
      const id = created.body.data!.createTransfer.id;
      await t.gql(ConfirmTransferDocument, { confirmationId: id, authorizationToken: '000000' }, alice);
      const tan = await t.latestTan();
      await t.gql(ConfirmTransferDocument, { confirmationId: id, authorizationToken: tan }, alice);
      const metrics = (await request(t.url).get('/metrics')).text;

      const everything = t.logs.join('\n');
      expect(t.logs.length).toBeGreaterThan(20);
      for (const secret of [
        'alice-hbci-pin',
        'wrong-hbci-pin-77',
        'refresh-token-secret-5',
        session.sessionIdSignature,
        token,
        'sandbox-api-key',
        'sandbox-alice',
        tan,
      ]) {
        expect(everything).not.toContain(secret);
        expect(metrics).not.toContain(secret);
      }
    } finally {
      await t.close();
    }
  });
});
