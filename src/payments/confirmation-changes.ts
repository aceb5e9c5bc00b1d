import type { GatewayPubSub } from '../live/pubsub';
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
  const opened = (id: string, sealed: unknown): Confirmation | null => {
    if (typeof sealed !== 'string') {
      return null;
    }
    try {
      return crypto.open<Confirmation>(sealed, binding(id));
    } catch {
      // Sealed under another secret, or for another id: not a change of this one.
      return null;
    }
  };

  return {
    publish(record) {
      pubsub.publish('confirmation', record.id, crypto.seal(record, binding(record.id)));
    },
    listen(id, onChange) {
      const changes = pubsub.subscribe('confirmation', id)[Symbol.asyncIterator]();
      void (async () => {
        for (let next = await changes.next(); !next.done; next = await changes.next()) {
          const record = opened(id, next.value);
          if (record) {
            onChange(record);
          }
        }
        // Should the pub/sub fail, nothing is lost for good: the watchers' next look at the store finds it.
      })().catch(() => undefined);
      return () => void changes.return?.();
    },
  };
}
