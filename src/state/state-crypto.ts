import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

import type { Credentials } from '../providers/credentials';
import type { ProviderName } from '../providers/provider-name';

/**
 * What the gateway keeps in its state store is sealed, and callers are named there by a
 * keyed hash, both with keys derived from STATE_SECRET (CONTRACT.md, Payment outcomes).
 * Without the secret, a copy of Redis reveals no recipient, IBAN or note, and a guessed
 * token or password cannot be checked against a caller key offline.
 */
export interface StateCrypto {
  /**
   * JSON, then AES-256-GCM with a fresh IV: `v1.<iv>.<tag>.<ciphertext>` (base64url).
   * `binding` (e.g. the Redis key it is stored under) must be given again to open it,
   * so that a sealed value copied to another key does not open there.
   */
  seal(value: unknown, binding?: string): string;
  /** The value `seal` was given; throws when the text was changed, or sealed with another key or binding. */
  open<T>(sealed: string, binding?: string): T;
  /** Who the caller is, for confirmations, idempotency keys, rate limits and pollers. Null without any credentials. */
  callerKey(credentials: Credentials): string | null;
  /** Who holds one provider's credential (a Bankimport refresh belongs to its token, not to the Kontist one sent beside it). */
  providerCallerKey(provider: ProviderName, credential: string): string;
  /** A keyed hash of `parts` for one `purpose` (e.g. an Idempotency-Key under its caller); never equal to a caller key. */
  keyedHash(purpose: string, ...parts: string[]): string;
}

/** STATE_SECRET's shortest length (CONTRACT.md, Configuration). */
export const MIN_STATE_SECRET_LENGTH = 32;

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createStateCrypto(secret: string): StateCrypto {
  if (secret.length < MIN_STATE_SECRET_LENGTH) {
    throw new Error(`A state secret needs at least ${MIN_STATE_SECRET_LENGTH} characters.`);
  }
  // Two keys from one secret: a leaked caller key says nothing about the encryption key.
  const encryptionKey = derive(secret, 'gateway state encryption');
  const callerKeysKey = derive(secret, 'gateway caller keys');
  const hmac = (input: string) => createHmac('sha256', callerKeysKey).update(input).digest('hex');

  return {
    seal(value, binding = '') {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv);
      cipher.setAAD(Buffer.from(binding, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return [VERSION, iv, cipher.getAuthTag(), ciphertext].map(encode).join('.');
    },
    open<T>(sealed: string, binding = ''): T {
      const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
      if (version !== VERSION || !iv || !tag || ciphertext === undefined || rest.length > 0) {
        throw new Error('Not a sealed state value.');
      }
      const ivBytes = Buffer.from(iv, 'base64url');
      const tagBytes = Buffer.from(tag, 'base64url');
      if (ivBytes.length !== IV_BYTES || tagBytes.length !== TAG_BYTES) {
        throw new Error('Not a sealed state value.');
      }
      const decipher = createDecipheriv('aes-256-gcm', encryptionKey, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(binding, 'utf8'));
      decipher.setAuthTag(tagBytes);
      let plaintext: Buffer;
      try {
        plaintext = Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]);
      } catch {
        throw new Error('A sealed state value does not open: changed, or sealed with another key.');
      }
      return JSON.parse(plaintext.toString('utf8')) as T;
    },
    callerKey(credentials) {
      const entries = Object.entries(credentials).sort(([a], [b]) => a.localeCompare(b));
      return entries.length === 0 ? null : hmac(JSON.stringify(entries));
    },
    providerCallerKey(provider, credential) {
      return hmac(`${provider}\n${credential}`);
    },
    keyedHash(purpose, ...parts) {
      // A flat JSON array of strings: never the input of a caller key (an array of pairs,
      // or a provider name and a line break).
      return hmac(JSON.stringify([purpose, ...parts]));
    },
  };
}

function derive(secret: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), info, 32));
}

function encode(part: string | Buffer): string {
  return typeof part === 'string' ? part : part.toString('base64url');
}
