import type { GatewayPubSub } from '../imports/pubsub';
import type { StateCrypto } from '../state/state-crypto';
import type { Confirmation } from './confirmation';
import type { ConfirmationChanges } from './payment-service';

const binding = (id: string) => `confirmation-change:${id}`;

/**
 * Confirmation changes over the gateway's pub/sub, so that every instance's watchers see
 * each step. A change crosses Redis sealed, like the record it is.
 */
export function confirmationChanges(
  pubsub: GatewayPubSub,
  crypto: Pick<StateCrypto, 'seal' | 'open'>,
): ConfirmationChanges {
  return {
    publish(record) {
      pubsub.publish('confirmation', record.id, crypto.seal(record, binding(record.id)));
    },
    listen(id) {
      const iterator = pubsub.subscribe('confirmation', id)[Symbol.asyncIterator]();
      return {
        async next() {
          const { value, done } = await iterator.next();
          if (done || typeof value !== 'string') {
            return null;
          }
          try {
            return crypto.open<Confirmation>(value, binding(id));
          } catch {
            return null;
          }
        },
        close: () => void iterator.return?.(),
      };
    },
  };
}
