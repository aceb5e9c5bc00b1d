import type { ImportSource } from '../imports';
import type { KontomatikProvider } from './kontomatik.client';

/** Kontomatik's import commands: their ids are capabilities, their results kept once done. */
export function createKontomatikImports(client: KontomatikProvider): ImportSource {
  return {
    async progress(state, call) {
      const command = await client.command(state.providerImportId, call.signal);
      return {
        status: command.status,
        error: command.status === 'FAILED' ? (command.error ?? 'The import failed.') : null,
      };
    },
    async find(providerImportId, signal) {
      const command = await client.command(providerImportId, signal);
      return { id: command.commandId, status: command.status, error: command.error };
    },
    result: (providerImportId, signal) => client.command(providerImportId, signal),
  };
}
