import type { ImportStatusName } from '../providers/imports';
import { TERMINAL_STATUSES } from '../providers/imports';
import type { PollFailure } from '../live/poll-failure';

import type { ProviderName } from '../providers/provider-name';

export type ImportProvider = ProviderName;

/**
 * What the gateway knows of one import: stored (memory or Redis), published to every
 * instance, and what `ImportCommand` is resolved from. Plain JSON: no secrets (no
 * credentials, no consent tokens), dates as ISO text.
 */
export interface ImportSnapshot {
  provider: ImportProvider;
  /** The gateway's id: the bank's own where its ids are capabilities, else one of the gateway's. */
  id: string;
  /** The bank's import id. */
  providerImportId: string;
  status: ImportStatusName;
  startedAt: string | null;
  estimatedFinishAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** The refreshed account, where an import refreshes one. */
  accountId: string | null;
  /** A hash of the credential that started it (null: the id is a capability); others get NOT_FOUND. */
  ownerKey: string | null;
  /** The account's `lastUpdatedAt` before the import: a later one means it is done. */
  baseline: string | null;
}

/**
 * What a subscriber is told: a new state, or a failure (live/poll-failure.ts): the
 * provider unreachable for a while (the subscription stays open), the import's state lost
 * with nothing left to follow it with (`final`), or its owner's credentials rejected.
 * Both of the last end the subscription.
 */
export type ImportEvent = { kind: 'snapshot'; snapshot: ImportSnapshot } | PollFailure;

/** Whether a subscriber hears nothing more after this event. */
export function isLastEvent(event: ImportEvent): boolean {
  switch (event.kind) {
    case 'snapshot':
      return isFinished(event.snapshot);
    case 'unavailable':
      return event.final === true;
    case 'rejected':
      return true;
    default: {
      const never: never = event;
      throw new Error(`unknown import event ${JSON.stringify(never)}`);
    }
  }
}

export function importKey(provider: ImportProvider, id: string): string {
  return `${provider}:${id}`;
}

export function keyOf(snapshot: ImportSnapshot): string {
  return importKey(snapshot.provider, snapshot.id);
}

/** The provider an import key names. */
export function providerOfKey(key: string): ImportProvider {
  return key.slice(0, key.indexOf(':'));
}

export function isFinished(snapshot: ImportSnapshot): boolean {
  return TERMINAL_STATUSES.has(snapshot.status);
}

/** Whether a subscriber would see a difference. */
export function sameState(a: ImportSnapshot | null | undefined, b: ImportSnapshot): boolean {
  return (
    !!a &&
    a.status === b.status &&
    a.error === b.error &&
    a.finishedAt === b.finishedAt &&
    a.estimatedFinishAt === b.estimatedFinishAt
  );
}
