import {
  AccountsDocument,
  ConfirmTransferDocument,
  CreateTransferDocument,
  ExchangeKontistCodeDocument,
  FeedDocument,
} from '../generated/graphql';
import { startGateway } from '../support/gateway';

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
});
