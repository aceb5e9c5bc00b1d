import type { ImportStatusName } from '../providers/imports';
import { TERMINAL_STATUSES } from '../providers/imports';

export type ImportProvider = 'BANKIMPORT' | 'KONTOMATIK';

/**
 * What the gateway knows of one import: stored (memory or Redis), published to every
 * instance, and what `ImportCommand` is resolved from. Plain JSON: no secrets (no
 * credentials, no consent tokens), dates as ISO text.
 */
export interface ImportSnapshot {
  provider: ImportProvider;
  /** The gateway's id: Kontomatik's command id; for Bankimport one of the gateway's own. */
  id: string;
  /** Bankimport's import id (its ids are small counters, not unique across providers' resets). */
  providerImportId: string;
  status: ImportStatusName;
  startedAt: string | null;
  estimatedFinishAt: string | null;
  finishedAt: string | null;
  error: string | null;
  /** The refreshed account (BANKIMPORT). */
  accountId: string | null;
  /** A hash of the Bankimport token that started it; others get NOT_FOUND. */
  ownerKey: string | null;
  /** The account's `lastUpdatedAt` before the import: a later one means it is done. */
  baseline: string | null;
}

/**
 * What a subscriber is told: a new state, or that the provider has been unreachable for a
 * while. A `final` one means the gateway cannot follow the import any more (its state is
 * lost and nothing is left to ask the provider with): the subscription ends after it.
 */
export type ImportEvent =
  | { kind: 'snapshot'; snapshot: ImportSnapshot }
  | { kind: 'unavailable'; provider: ImportProvider; reason: string; final?: boolean };

/** Whether a subscriber hears nothing more after this event. */
export function isLastEvent(event: ImportEvent): boolean {
  return event.kind === 'snapshot' ? isFinished(event.snapshot) : event.final === true;
}

export function importKey(provider: ImportProvider, id: string): string {
  return `${provider}:${id}`;
}

export function keyOf(snapshot: ImportSnapshot): string {
  return importKey(snapshot.provider, snapshot.id);
}

/** The provider an import key names. */
export function providerOfKey(key: string): ImportProvider {
  return key.startsWith('BANKIMPORT:') ? 'BANKIMPORT' : 'KONTOMATIK';
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
