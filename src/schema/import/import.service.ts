import { randomUUID } from 'node:crypto';

import type { Context } from '../../context';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { importKey, isFinished, type ImportEvent, type ImportSnapshot } from '../../imports/import-snapshot';
import type { StartedCommand } from '../../providers/kontomatik/kontomatik.client';
import { findAccount } from '../account/account.resolver';
import { fromGlobalId } from '../node/global-id';

/** A known import and the credential its poller needs (Bankimport's token; none for Kontomatik). */
interface FoundImport {
  snapshot: ImportSnapshot;
  credential: string | undefined;
}

/**
 * An import by global id, as this caller may see it: a Bankimport refresh only by the
 * token that started it; a Kontomatik command by whoever holds its id (a capability),
 * even one started elsewhere. NOT_FOUND otherwise.
 */
async function locateImport(context: Context, id: string, field: string): Promise<FoundImport> {
  const { provider, parts } = fromGlobalId(id, field, ['ImportCommand']);
  const [importId] = parts as [string];
  if (provider === 'BANKIMPORT') {
    const { credential } = context.callFor('BANKIMPORT');
    const snapshot = await context.imports.current(importKey('BANKIMPORT', importId));
    if (!snapshot || snapshot.ownerKey !== context.stateCrypto.providerCallerKey('BANKIMPORT', credential)) {
      throw new NotFoundError('No such import.');
    }
    return { snapshot, credential };
  }
  if (provider !== 'KONTOMATIK') {
    throw new NotFoundError('No such import.');
  }
  const known = await context.imports.current(importKey('KONTOMATIK', importId));
  if (known) {
    return { snapshot: known, credential: undefined };
  }
  const command = await context.providers.kontomatik.command(importId, context.signal);
  const snapshot = kontomatikSnapshot({ commandId: command.commandId, status: command.status }, null);
  return { snapshot: { ...snapshot, error: command.error }, credential: undefined };
}

/** `importCommand(id)` and `node(id)`: the state now, asked upstream unless someone polls it. */
export async function findImport(context: Context, id: string, field: string): Promise<ImportSnapshot> {
  const { snapshot, credential } = await locateImport(context, id, field);
  return isFinished(snapshot) ? snapshot : context.imports.refresh(snapshot, credential);
}

/** `importStatusChanged(id)`: checked when the client subscribes, then watched. */
export async function watchImport(context: Context, id: string): Promise<AsyncIterableIterator<ImportEvent>> {
  const { snapshot, credential } = await locateImport(context, id, 'id');
  const key = importKey(snapshot.provider, snapshot.id);
  if (!(await context.imports.current(key))) {
    // A command started outside the gateway: remembered now, so that it can be watched.
    await context.imports.start(snapshot, credential);
  }
  return context.imports.watch(key, credential);
}

/** `refreshAccount`: a forced Bankimport import of one linked account. */
export async function refreshAccount(context: Context, accountId: string): Promise<ImportSnapshot> {
  const account = await findAccount(context, accountId, 'accountId');
  if (!account) {
    throw new NotFoundError('No such account.');
  }
  if (account.provider !== 'BANKIMPORT') {
    throw new BadUserInputError('accountId', 'accountId is not a Bankimport account: only those can be refreshed.');
  }
  const call = context.callFor('BANKIMPORT');
  const started = await context.providers.bankimport.startImport(call, account.providerAccountId);
  const snapshot: ImportSnapshot = {
    provider: 'BANKIMPORT',
    // Bankimport's import ids are small counters: the gateway's own id never collides.
    id: randomUUID(),
    providerImportId: started.importId,
    status: 'RUNNING',
    startedAt: new Date().toISOString(),
    estimatedFinishAt: started.estimatedFinishAt.toISOString(),
    finishedAt: null,
    error: null,
    accountId: started.providerAccountId,
    ownerKey: context.stateCrypto.providerCallerKey('BANKIMPORT', call.credential),
    baseline: account.lastUpdatedAt?.toISOString() ?? null,
  };
  await context.imports.start(snapshot, call.credential);
  return snapshot;
}

/** A Kontomatik command the gateway just started, remembered and polled from now on. */
export async function trackCommand(context: Context, started: StartedCommand): Promise<ImportSnapshot> {
  const snapshot = kontomatikSnapshot(started, new Date().toISOString());
  await context.imports.start(snapshot);
  return snapshot;
}

function kontomatikSnapshot(started: StartedCommand, startedAt: string | null): ImportSnapshot {
  return {
    provider: 'KONTOMATIK',
    id: started.commandId,
    providerImportId: started.commandId,
    status: started.status,
    startedAt,
    estimatedFinishAt: null,
    finishedAt: null,
    error: null,
    accountId: null,
    ownerKey: null,
    baseline: null,
  };
}
