import type { Confirmation } from './confirmation';
import { RETAIN_MS, type Claim, type ConfirmationStore } from './confirmation-store';

/** One instance's confirmations; claims are atomic because Node runs them on one thread. */
export function createMemoryStore(): ConfirmationStore {
  const entries = new Map<string, { confirmation: Confirmation; dropAt: number }>();

  const live = (id: string): Confirmation | null => {
    const entry = entries.get(id);
    if (!entry) {
      return null;
    }
    if (Date.now() > entry.dropAt) {
      entries.delete(id);
      return null;
    }
    return structuredClone(entry.confirmation);
  };

  return {
    async create(confirmation) {
      entries.set(confirmation.id, {
        confirmation: structuredClone(confirmation),
        dropAt: confirmation.expiresAt + RETAIN_MS,
      });
    },
    async get(id) {
      return live(id);
    },
    async claim(id, now): Promise<Claim> {
      const current = live(id);
      if (!current || current.state !== 'PENDING' || current.expiresAt <= now) {
        return { won: false, confirmation: current };
      }
      current.state = 'EXECUTING';
      await this.settle(current);
      return { won: true, confirmation: current };
    },
    async settle(confirmation) {
      const entry = entries.get(confirmation.id);
      if (entry) {
        entry.confirmation = structuredClone(confirmation);
      }
    },
  };
}
