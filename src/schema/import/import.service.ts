import type { Context } from '../../context';
import { NotFoundError } from '../../errors/errors';
import { importKey, isFinished, type ImportEvent, type ImportSnapshot } from '../../imports/import-snapshot';
import type { ImportStatusName } from '../../providers/imports';
import type { ProviderName } from '../../providers/provider-name';
import { fromGlobalId } from '../node/global-id';

/** A known import and the credential its poller needs (its owner's; none where the id is a capability). */
interface FoundImport {
  snapshot: ImportSnapshot;
  credential: string | undefined;
}

/**
 * An import by global id, as this caller may see it. At a bank with user credentials
 * an import belongs to the credential that started it; at one without, its id is a
 * capability: whoever holds it sees it, even one started elsewhere. NOT_FOUND otherwise.
 */
async function locateImport(context: Context, id: string, field: string): Promise<FoundImport> {
  const { provider, parts } = fromGlobalId(id, field, ['ImportCommand']);
  const [importId] = parts as [string];
  const source = context.providers.imports(provider);
  if (!source) {
    throw new NotFoundError('No such import.');
  }
  if (context.providers.descriptor(provider)?.credentials) {
    const { credential } = context.callFor(provider);
    const snapshot = await context.imports.current(importKey(provider, importId));
    if (!snapshot || snapshot.ownerKey !== context.stateCrypto.providerCallerKey(provider, credential)) {
      throw new NotFoundError('No such import.');
    }
    return { snapshot, credential };
  }
  const known = await context.imports.current(importKey(provider, importId));
  if (known) {
    return { snapshot: known, credential: undefined };
  }
  if (!source.find) {
    throw new NotFoundError('No such import.');
  }
  const found = await source.find(importId, context.signal);
  const snapshot = capabilitySnapshot(provider, { id: found.id, status: found.status }, null);
  return { snapshot: { ...snapshot, error: found.error }, credential: undefined };
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
    // An import started outside the gateway: remembered now, so that it can be watched.
    await context.imports.start(snapshot, credential);
  }
  return context.imports.watch(key, credential);
}

/**
 * An import the gateway just started at a bank whose import ids are capabilities
 * (no owner), remembered and polled from now on.
 */
export async function trackImport(
  context: Context,
  provider: ProviderName,
  started: { id: string; status: ImportStatusName },
): Promise<ImportSnapshot> {
  const snapshot = capabilitySnapshot(provider, started, new Date().toISOString());
  await context.imports.start(snapshot);
  return snapshot;
}

function capabilitySnapshot(
  provider: ProviderName,
  started: { id: string; status: ImportStatusName },
  startedAt: string | null,
): ImportSnapshot {
  return {
    provider,
    id: started.id,
    providerImportId: started.id,
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
