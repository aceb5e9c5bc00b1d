import { toUpstreamError } from '../../../src/providers/http';
import { bankimportRefusal } from '../../../src/providers/bankimport/bankimport.refusal';

const refusal = (body: string) =>
  toUpstreamError('BANKIMPORT', { status: 422, body }, undefined, { refusal: bankimportRefusal });

describe('bankimportRefusal', () => {
  it('names an XML refusal by its code and keeps the words for people, as in JSON', () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>\n<hash>\n  <error>hbci_login_failed</error>\n  <message>The bank refused the HBCI login.</message>\n</hash>\n';
    expect(bankimportRefusal(body)).toEqual({
      name: 'hbci_login_failed',
      text: 'hbci_login_failed: The bank refused the HBCI login.',
    });
    expect(refusal(body).extensions).toMatchObject({ reason: 'HBCI_LOGIN_FAILED', status: 422 });
    expect(refusal(body).message).toBe(
      'BANKIMPORT refused the request: hbci_login_failed: The bank refused the HBCI login.',
    );
  });

  it('reads a bare error element, and gives no reason code for a sentence', () => {
    expect(bankimportRefusal('<error>invalid_purpose</error>')).toEqual({
      name: 'invalid_purpose',
      text: 'invalid_purpose',
    });
    const sentence = refusal('<errors><error>Title can not be blank</error></errors>');
    expect(sentence.message).toBe('BANKIMPORT refused the request: Title can not be blank');
    expect(sentence.extensions.reason).toBeUndefined();
  });

  it('finds nothing in a body without an error element', () => {
    expect(bankimportRefusal('<html><body>Bad Gateway</body></html>')).toBeUndefined();
  });
});
