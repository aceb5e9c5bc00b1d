import { KONTOMATIK_CATALOG, type KontomatikTarget } from './kontomatik.data';

export interface KontomatikStateOptions {
  /** How long an import command takes from QUEUED to COMPLETED. */
  importMs: number;
}

/** Everything one sandbox's Kontomatik knows; the routes share it, no two sandboxes do. */
export interface KontomatikState {
  readonly importMs: number;
  readonly catalog: readonly KontomatikTarget[];
}

export function createKontomatikState(options: KontomatikStateOptions): KontomatikState {
  return { importMs: options.importMs, catalog: KONTOMATIK_CATALOG };
}
