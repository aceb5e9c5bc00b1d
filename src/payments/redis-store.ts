import type { Redis } from 'ioredis';

import type { StateCrypto } from '../state/state-crypto';
import { withDeadline } from '../state/with-deadline';
import type { Confirmation } from './confirmation';
import { RETAIN_MS, type ConfirmationStore } from './confirmation-store';
import { StoreUnavailableError } from '../errors/internal-errors';

/** Seals a record before it leaves the process, bound to its key, and opens it again. */
export type Sealer = Pick<StateCrypto, 'seal' | 'open'>;

export interface RedisStoreOptions {
  /** Longest wait for one Redis call before the store counts as unavailable. @default 1500 */
  timeoutMs?: number;
  now?: () => number;
}

const PREFIX = 'gateway:confirmation:';
const EXECUTING = 'gateway:confirmations:executing';
const PROBE = 'gateway:state:probe';

/**
 * Compare-and-set of one record on the Redis server, so that of any number of writers
 * on any number of instances exactly one moves a version on. The record itself is
 * sealed (recipient, IBAN, note and amount are nobody's business in Redis); version and
 * writer stay readable for the script. EXECUTING records are indexed by deadline, so
 * that any instance finds the ones whose executor died.
 */
const PUT = `
local current = redis.call('HMGET', KEYS[1], 'version', 'writer')
if current[1] then
  if current[1] == ARGV[1] and current[2] == ARGV[2] then return 1 end
  if ARGV[4] == '' or current[1] ~= ARGV[4] then return 0 end
  if ARGV[5] ~= '' and current[2] ~= ARGV[5] then return 0 end
elseif ARGV[4] ~= '' and ARGV[6] ~= '1' then
  return 0
end
redis.call('HSET', KEYS[1], 'version', ARGV[1], 'writer', ARGV[2], 'data', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[7])
if ARGV[8] ~= '' then
  redis.call('ZADD', KEYS[2], ARGV[8], ARGV[9])
else
  redis.call('ZREM', KEYS[2], ARGV[9])
end
return 1
`;

/** Confirmations shared by every gateway instance on one Redis, each with a TTL. */
export function createRedisStore(redis: Redis, sealer: Sealer, options: RedisStoreOptions = {}): ConfirmationStore {
  const timeoutMs = options.timeoutMs ?? 1500;
  const now = options.now ?? Date.now;
  const key = (id: string) => `${PREFIX}${id}`;

  // A command that times out may still run later (a paused Redis): writers are tagged,
  // so that a late write is recognized, and a claim is undone only by its own writer.
  const call = async <T>(command: () => Promise<T>): Promise<T> => {
    try {
      return await withDeadline(command(), timeoutMs);
    } catch (error) {
      throw new StoreUnavailableError(error);
    }
  };

  return {
    async checkWritable() {
      await call(() => redis.set(PROBE, String(now()), 'PX', 5000));
    },
    async get(id) {
      const data = await call(() => redis.hget(key(id), 'data'));
      if (!data) {
        return null;
      }
      try {
        return sealer.open<Confirmation>(data, key(id));
      } catch {
        // Sealed with another STATE_SECRET, or tampered with: not a record this gateway can trust.
        return null;
      }
    },
    async put(record, base, writer) {
      const ttl = Math.max(record.expiresAt + RETAIN_MS - now(), 1000);
      const deadline = record.state.status === 'EXECUTING' ? String(record.state.deadline) : '';
      const written = await call(() =>
        redis.eval(
          PUT,
          2,
          key(record.id),
          EXECUTING,
          String(record.version),
          writer,
          sealer.seal(record, key(record.id)),
          base.version === null ? '' : String(base.version),
          base.writer ?? '',
          base.orAbsent ? '1' : '0',
          String(ttl),
          deadline,
          record.id,
        ),
      );
      return written === 1;
    },
    async overdue(at) {
      return call(() => redis.zrangebyscore(EXECUTING, '-inf', String(at), 'LIMIT', 0, 100));
    },
  };
}
