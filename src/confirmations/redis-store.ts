import type { Redis } from 'ioredis';

import type { Confirmation, ConfirmationState } from './confirmation';
import { RETAIN_MS, type Claim, type ConfirmationStore } from './confirmation-store';

const PREFIX = 'gateway:confirmation:';

/**
 * Moves a PENDING, unexpired confirmation to EXECUTING in one step on the Redis server,
 * so that of many instances and requests exactly one wins. The state lives in its own
 * hash field, so the script never has to re-encode the record's JSON.
 */
const CLAIM = `
local fields = redis.call('HMGET', KEYS[1], 'state', 'expiresAt', 'data')
if not fields[3] then return {0, false, false} end
if fields[1] ~= 'PENDING' or tonumber(fields[2]) <= tonumber(ARGV[1]) then
  return {0, fields[1], fields[3]}
end
redis.call('HSET', KEYS[1], 'state', 'EXECUTING')
return {1, 'EXECUTING', fields[3]}
`;

/** Confirmations shared by every gateway instance on one Redis, each with a TTL. */
export function createRedisStore(redis: Redis): ConfirmationStore {
  const key = (id: string) => `${PREFIX}${id}`;
  const decode = (data: string | null | false, state: string | null | false): Confirmation | null =>
    data ? { ...(JSON.parse(data) as Confirmation), state: (state || 'PENDING') as ConfirmationState } : null;
  const write = (confirmation: Confirmation) =>
    redis.hset(key(confirmation.id), {
      data: JSON.stringify(confirmation),
      state: confirmation.state,
      expiresAt: String(confirmation.expiresAt),
    });

  return {
    async create(confirmation) {
      const ttl = Math.max(confirmation.expiresAt + RETAIN_MS - Date.now(), 1000);
      await redis
        .multi()
        .hset(key(confirmation.id), {
          data: JSON.stringify(confirmation),
          state: confirmation.state,
          expiresAt: String(confirmation.expiresAt),
        })
        .pexpire(key(confirmation.id), ttl)
        .exec();
    },
    async get(id) {
      const [data, state] = await redis.hmget(key(id), 'data', 'state');
      return decode(data, state);
    },
    async claim(id, now): Promise<Claim> {
      const [won, state, data] = (await redis.eval(CLAIM, 1, key(id), String(now))) as [
        number,
        string | null,
        string | null,
      ];
      const confirmation = decode(data, state);
      return won === 1 && confirmation ? { won: true, confirmation } : { won: false, confirmation };
    },
    async settle(confirmation) {
      await write(confirmation);
    },
  };
}
