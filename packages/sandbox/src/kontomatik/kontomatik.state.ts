import { createKontomatikCommands, type KontomatikCommands } from './kontomatik.commands';
import { KONTOMATIK_CATALOG, type KontomatikTarget } from './kontomatik.data';
import { createKontomatikMultipleAccess, type KontomatikMultipleAccess } from './kontomatik.multiple-access';
import { createKontomatikSessions, type KontomatikSessions } from './kontomatik.sessions';

export interface KontomatikStateOptions {
  /** How long an import command takes from QUEUED to COMPLETED. */
  importMs: number;
  /** @default Date.now */
  now?: () => number;
}

/** Everything one sandbox's Kontomatik knows; the routes share it, no two sandboxes do. */
export interface KontomatikState {
  readonly importMs: number;
  readonly catalog: readonly KontomatikTarget[];
  now(): number;
  targetOf(id: string): KontomatikTarget | undefined;
  readonly sessions: KontomatikSessions;
  readonly commands: KontomatikCommands;
  readonly multipleAccess: KontomatikMultipleAccess;
}

export function createKontomatikState(options: KontomatikStateOptions): KontomatikState {
  const now = options.now ?? Date.now;
  const catalog = KONTOMATIK_CATALOG;
  return {
    importMs: options.importMs,
    catalog,
    now,
    targetOf: (id) => catalog.find((target) => target.id === id),
    sessions: createKontomatikSessions(now),
    commands: createKontomatikCommands(options.importMs, now),
    multipleAccess: createKontomatikMultipleAccess(),
  };
}
