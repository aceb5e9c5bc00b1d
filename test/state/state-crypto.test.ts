import { createDecipheriv, createHash, createHmac, hkdfSync } from 'node:crypto';

import { createStateCrypto } from '../../src/state/state-crypto';

const SECRET = 'a-state-secret-of-at-least-thirty-two-characters';
const OTHER_SECRET = 'another-state-secret-of-at-least-thirty-two-chars';

const aPendingOrder = () => ({
  recipient: 'Karl Brenner',
  iban: 'DE89370400440532013000',
  note: 'Thank you for paying my lunch',
  amount: 1250,
});

/** Flips one base64url character of the `index`th dot-separated part. */
function tamper(sealed: string, index: number): string {
  const parts = sealed.split('.');
  const part = parts[index]!;
  parts[index] = (part[0] === 'A' ? 'B' : 'A') + part.slice(1);
  return parts.join('.');
}

describe('the state crypto', () => {
  const crypto = createStateCrypto(SECRET);

  it('opens what it sealed', () => {
    const order = aPendingOrder();
    expect(crypto.open(crypto.seal(order))).toEqual(order);
    expect(crypto.open(crypto.seal(null))).toBeNull();
    expect(crypto.open(crypto.seal('äöü ß'))).toBe('äöü ß');
  });

  it('seals as v1.<iv>.<tag>.<ciphertext>, base64url, with a 12-byte IV', () => {
    const sealed = crypto.seal(aPendingOrder());
    const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
    expect(version).toBe('v1');
    expect(rest).toEqual([]);
    expect(Buffer.from(iv!, 'base64url')).toHaveLength(12);
    expect(Buffer.from(tag!, 'base64url')).toHaveLength(16);
    expect(ciphertext).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('is AES-256-GCM under a key derived with HKDF-SHA256 (info "gateway state encryption")', () => {
    const key = Buffer.from(hkdfSync('sha256', SECRET, Buffer.alloc(0), 'gateway state encryption', 32));
    const [, iv, tag, ciphertext] = crypto.seal(aPendingOrder()).split('.') as [string, string, string, string];
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
    expect(JSON.parse(plaintext.toString('utf8'))).toEqual(aPendingOrder());
  });

  it('shows nothing of the value: no recipient, IBAN, note or amount', () => {
    const sealed = crypto.seal(aPendingOrder());
    for (const text of ['Karl', 'DE89', 'lunch', '1250']) {
      expect(sealed).not.toContain(text);
    }
    const decoded = Buffer.from(sealed.split('.')[3]!, 'base64url').toString('latin1');
    expect(decoded).not.toContain('Karl');
  });

  it('never seals the same value to the same text twice (a fresh IV each time)', () => {
    const sealed = new Set(Array.from({ length: 20 }, () => crypto.seal(aPendingOrder())));
    expect(sealed.size).toBe(20);
    expect(new Set([...sealed].map((s) => s.split('.')[1])).size).toBe(20);
  });

  it.each([
    ['IV', 1],
    ['tag', 2],
    ['ciphertext', 3],
  ])('refuses to open a value whose %s was changed', (_part, index) => {
    const sealed = crypto.seal(aPendingOrder());
    expect(() => crypto.open(tamper(sealed, index))).toThrow();
  });

  it.each([
    ['an empty string', ''],
    ['plain JSON', '{"recipient":"Karl Brenner"}'],
    ['another version', 'v2.AAAAAAAAAAAAAAAA.AAAAAAAAAAAAAAAAAAAAAA.AAAA'],
    ['a part too many', 'v1.a.b.c.d'],
  ])('refuses %s', (_name, text) => {
    expect(() => crypto.open(text)).toThrow('Not a sealed state value.');
  });

  it('does not open what another secret sealed', () => {
    const sealed = createStateCrypto(OTHER_SECRET).seal(aPendingOrder());
    expect(() => crypto.open(sealed)).toThrow('does not open');
  });

  it('opens a value only with the binding it was sealed with (a record copied to another key)', () => {
    const sealed = crypto.seal(aPendingOrder(), 'gateway:idempotency:caller-a');
    expect(crypto.open(sealed, 'gateway:idempotency:caller-a')).toEqual(aPendingOrder());
    expect(() => crypto.open(sealed, 'gateway:idempotency:caller-b')).toThrow('does not open');
    expect(() => crypto.open(sealed)).toThrow('does not open');
  });

  it('refuses a secret shorter than 32 characters', () => {
    expect(() => createStateCrypto('too-short')).toThrow('32 characters');
  });

  describe('caller keys', () => {
    const alice = { KONTIST: 'Bearer sandbox-alice', BANKIMPORT: 'sandbox-alice' };

    it('are the same for the same credentials, in any order, and 64 hex digits', () => {
      const key = crypto.callerKey(alice);
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(crypto.callerKey({ BANKIMPORT: 'sandbox-alice', KONTIST: 'Bearer sandbox-alice' })).toBe(key);
      expect(createStateCrypto(SECRET).callerKey(alice)).toBe(key);
    });

    it('are HMAC-SHA256 under a second HKDF key (info "gateway caller keys") over the credentials', () => {
      const key = Buffer.from(hkdfSync('sha256', SECRET, Buffer.alloc(0), 'gateway caller keys', 32));
      const entries = JSON.stringify([
        ['BANKIMPORT', 'sandbox-alice'],
        ['KONTIST', 'Bearer sandbox-alice'],
      ]);
      expect(crypto.callerKey(alice)).toBe(createHmac('sha256', key).update(entries).digest('hex'));
      expect(crypto.providerCallerKey('BANKIMPORT', 'sandbox-alice')).toBe(
        createHmac('sha256', key).update('BANKIMPORT\nsandbox-alice').digest('hex'),
      );
    });

    it('differ for other credentials', () => {
      expect(crypto.callerKey({ KONTIST: 'Bearer sandbox-bob' })).not.toBe(
        crypto.callerKey({ KONTIST: 'Bearer sandbox-alice' }),
      );
      expect(crypto.callerKey({ KONTIST: 'sandbox-alice' })).not.toBe(
        crypto.callerKey({ BANKIMPORT: 'sandbox-alice' }),
      );
    });

    it('are null without credentials', () => {
      expect(crypto.callerKey({})).toBeNull();
    });

    it('differ between secrets, so one instance set cannot be matched with another', () => {
      const other = createStateCrypto(OTHER_SECRET);
      expect(other.callerKey(alice)).not.toBe(crypto.callerKey(alice));
      expect(other.providerCallerKey('BANKIMPORT', 'sandbox-alice')).not.toBe(
        crypto.providerCallerKey('BANKIMPORT', 'sandbox-alice'),
      );
      expect(other.keyedHash('idempotency key', 'caller', 'key-1')).not.toBe(
        crypto.keyedHash('idempotency key', 'caller', 'key-1'),
      );
    });

    it('are not the plain SHA-256 of the credentials, which a guessed password could be tested against', () => {
      const entries = Object.entries(alice).sort(([a], [b]) => a.localeCompare(b));
      const plain = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
      expect(crypto.callerKey(alice)).not.toBe(plain);
      const plainProvider = createHash('sha256').update('BANKIMPORT\nsandbox-alice').digest('hex');
      expect(crypto.providerCallerKey('BANKIMPORT', 'sandbox-alice')).not.toBe(plainProvider);
    });

    it("name one provider's credential apart from the caller's whole set", () => {
      const bankimport = crypto.providerCallerKey('BANKIMPORT', 'sandbox-alice');
      expect(bankimport).toMatch(/^[0-9a-f]{64}$/);
      expect(bankimport).toBe(crypto.providerCallerKey('BANKIMPORT', 'sandbox-alice'));
      expect(bankimport).not.toBe(crypto.providerCallerKey('KONTIST', 'sandbox-alice'));
      expect(bankimport).not.toBe(crypto.callerKey({ BANKIMPORT: 'sandbox-alice' }));
    });
  });

  describe('keyed hashes', () => {
    it('depend on the purpose and on where the parts split', () => {
      const hash = crypto.keyedHash('idempotency key', 'caller', 'key-1');
      expect(hash).toMatch(/^[0-9a-f]{64}$/);
      expect(crypto.keyedHash('idempotency key', 'caller', 'key-1')).toBe(hash);
      expect(crypto.keyedHash('idempotency arguments', 'caller', 'key-1')).not.toBe(hash);
      expect(crypto.keyedHash('idempotency key', 'caller\nkey-1')).not.toBe(hash);
      expect(crypto.keyedHash('idempotency key', 'calle', 'rkey-1')).not.toBe(hash);
    });
  });
});
