import { NotFoundError } from '../../errors/errors';
import { parseJson, type Upstream, type UpstreamRequest } from '../http';
import type { CommandResult, ImportStatusName, SignInSessionRecord, SignInStatusName } from '../imports';
import type { AccountRecord, TransactionRecord, TransactionSource } from '../provider';
import { toBanks, toCommandResult, toCommandState, type BankRecord } from './kontomatik.mapper';
import {
  kontomatikCatalogSchema,
  kontomatikCommandReplySchema,
  kontomatikHealthSchema,
  kontomatikMockSessionSchema,
  kontomatikSignInSchema,
  kontomatikSignInStatusSchema,
  type KontomatikAccessMode,
} from './kontomatik.payloads';
import { readKontomatikXml } from './kontomatik.xml';

/** The catalog changes rarely and is the same for every caller. */
const CATALOG_TTL_MS = 5 * 60_000;
/** Finished commands never change; keep the latest ones for `node`, paging and subscribers. */
const FINISHED_COMMANDS_KEPT = 200;
const COMMAND_ID = /^[A-Za-z0-9_-]{1,128}$/;

export interface SignInRequest {
  target: string;
  accessMode: KontomatikAccessMode;
  redirectUrl?: string;
  ownerExternalId?: string;
}

export interface ImportRequest {
  sessionId: string;
  sessionIdSignature: string;
  since?: Date;
  ownerExternalId?: string;
}

export interface StartedCommand {
  commandId: string;
  status: ImportStatusName;
}

/**
 * Kontomatik with the gateway's own API key. Sessions, commands and consent tokens are
 * capabilities, so nothing here needs the end user's credentials: an AccountProvider
 * whose accounts are reached through a command, never listed.
 */
export interface KontomatikProvider extends TransactionSource {
  readonly name: 'KONTOMATIK';
  banks(): Promise<BankRecord[]>;
  /** True when `/health` answers; false (never a throw) otherwise. */
  health(signal?: AbortSignal): Promise<boolean>;
  startSignIn(request: SignInRequest, signal?: AbortSignal): Promise<SignInSessionRecord>;
  signInStatus(sessionId: string, signal?: AbortSignal): Promise<SignInStatusName>;
  createMockSession(signal?: AbortSignal): Promise<SignInSessionRecord>;
  startImport(request: ImportRequest, signal?: AbortSignal): Promise<StartedCommand>;
  reuseConsent(multipleAccessToken: string, since: Date | undefined, signal?: AbortSignal): Promise<StartedCommand>;
  revokeConsent(multipleAccessToken: string, signal?: AbortSignal): Promise<void>;
  /** A command's state, and its results once finished (those are kept, they never change). */
  command(commandId: string, signal?: AbortSignal): Promise<CommandResult>;
  /** An account a command delivered, by its provider account id; null where there is none. */
  commandAccount(providerAccountId: string, signal?: AbortSignal): Promise<AccountRecord | null>;
}

export function createKontomatikProvider(upstream: Upstream, apiKey: string): KontomatikProvider {
  let catalog: { at: number; banks: Promise<BankRecord[]> } | undefined;
  const finished = new Map<string, CommandResult>();
  const inFlight = new Map<string, Promise<CommandResult>>();

  /** Commands take form bodies, the sign-in JSON. */
  const call = <T>(
    request: Omit<UpstreamRequest<T>, 'headers' | 'data'>,
    accept: string,
    body?: { form: Record<string, string> } | { json: unknown },
  ) =>
    upstream.request<T>({
      ...request,
      headers: {
        'X-Api-Key': apiKey,
        Accept: accept,
        ...(body ? { 'Content-Type': 'form' in body ? 'application/x-www-form-urlencoded' : 'application/json' } : {}),
      },
      data: body ? ('form' in body ? new URLSearchParams(body.form).toString() : JSON.stringify(body.json)) : undefined,
    });

  const xmlCommand = (path: string, form: Record<string, string>, signal?: AbortSignal) =>
    call(
      {
        method: 'POST',
        path,
        signal,
        parse: (body): StartedCommand =>
          toCommandState(kontomatikCommandReplySchema.parse(readKontomatikXml(body)).reply.command),
      },
      'application/xml',
      { form },
    );

  const fetchCommand = (commandId: string, signal?: AbortSignal) =>
    call(
      {
        method: 'GET',
        path: `/command/${commandId}.xml`,
        signal,
        parse: (body) => toCommandResult(kontomatikCommandReplySchema.parse(readKontomatikXml(body)).reply.command),
      },
      'application/xml',
    );

  const command = async (commandId: string, signal?: AbortSignal): Promise<CommandResult> => {
    if (!COMMAND_ID.test(commandId)) {
      throw new NotFoundError('No such import command.');
    }
    const kept = finished.get(commandId);
    if (kept) {
      return kept;
    }
    let pending = inFlight.get(commandId);
    if (!pending) {
      // Shared by every caller who asks meanwhile, so no single caller's disconnect cancels it.
      pending = fetchCommand(commandId).finally(() => inFlight.delete(commandId));
      inFlight.set(commandId, pending);
    }
    const result = await (signal ? raceAbort(pending, signal) : pending);
    if (result.status === 'COMPLETED' || result.status === 'FAILED') {
      finished.delete(commandId);
      finished.set(commandId, result);
      if (finished.size > FINISHED_COMMANDS_KEPT) {
        finished.delete(finished.keys().next().value as string);
      }
    }
    return result;
  };

  const commandOf = (providerAccountId: string) => providerAccountId.slice(0, providerAccountId.indexOf(':'));

  const transactionsOf = async (providerAccountId: string): Promise<readonly TransactionRecord[]> => {
    const result = await command(commandOf(providerAccountId));
    const list = result.transactions.get(providerAccountId);
    if (!list) {
      throw new NotFoundError('No such account in this import.');
    }
    return list;
  };

  return {
    name: 'KONTOMATIK',

    banks() {
      if (!catalog || Date.now() - catalog.at > CATALOG_TTL_MS) {
        const banks = call(
          {
            method: 'GET',
            path: '/ais-catalog',
            // Shared by every caller, so no single caller's disconnect may cancel it.
            parse: (body) => toBanks(kontomatikCatalogSchema.parse(parseJson(body))),
          },
          'application/json',
        );
        catalog = { at: Date.now(), banks };
        // A failed fetch is not cached: the next caller tries again.
        banks.catch(() => {
          if (catalog?.banks === banks) {
            catalog = undefined;
          }
        });
      }
      return catalog.banks;
    },

    async health(signal) {
      try {
        await upstream.request({
          method: 'GET',
          path: '/health',
          headers: { Accept: 'application/json' },
          signal,
          parse: (body) => kontomatikHealthSchema.parse(parseJson(body)),
        });
        return true;
      } catch {
        return false;
      }
    },

    startSignIn(request, signal) {
      return call(
        {
          method: 'POST',
          path: '/signin/redirection',
          signal,
          parse: (body) => {
            const session = kontomatikSignInSchema.parse(parseJson(body));
            return { ...session, redirectUrl: session.redirectUrl ?? null };
          },
        },
        'application/json',
        { json: request },
      );
    },

    signInStatus(sessionId, signal) {
      return call(
        {
          method: 'GET',
          path: '/signin/redirection-status',
          params: { sessionId },
          signal,
          parse: (body) => kontomatikSignInStatusSchema.parse(parseJson(body)).status,
        },
        'application/json',
      );
    },

    createMockSession(signal) {
      return call(
        {
          method: 'POST',
          path: '/mock-session.xml',
          signal,
          parse: (body) => ({
            ...kontomatikMockSessionSchema.parse(readKontomatikXml(body)).reply,
            redirectUrl: null,
          }),
        },
        'application/xml',
      );
    },

    startImport({ sessionId, sessionIdSignature, since, ownerExternalId }, signal) {
      return xmlCommand(
        '/command/default-import.xml',
        definedOnly({ sessionId, sessionIdSignature, since: since && isoDay(since), ownerExternalId }),
        signal,
      );
    },

    reuseConsent(multipleAccessToken, since, signal) {
      return xmlCommand(
        '/command/reuse-multiple-access.xml',
        definedOnly({ multipleAccessToken, since: since && isoDay(since) }),
        signal,
      );
    },

    async revokeConsent(multipleAccessToken, signal) {
      await call(
        {
          method: 'POST',
          path: '/command/delete-multiple-access.xml',
          signal,
          parse: () => undefined,
        },
        'application/xml',
        { form: { multipleAccessToken } },
      );
    },

    command,

    async commandAccount(providerAccountId, signal) {
      try {
        const result = await command(commandOf(providerAccountId), signal);
        return result.accounts.find((account) => account.providerAccountId === providerAccountId) ?? null;
      } catch (error) {
        if (error instanceof NotFoundError) {
          return null;
        }
        throw error;
      }
    },

    transactions(_call, providerAccountId, _filter, order) {
      return {
        // All of it is in memory: the gateway's residual filter does every part.
        applied: new Set(),
        async read(offset, count) {
          const newestFirst = await transactionsOf(providerAccountId);
          const ordered = order === 'BOOKING_DATE_ASC' ? [...newestFirst].reverse() : newestFirst;
          return { items: ordered.slice(offset, offset + count), total: ordered.length };
        },
      };
    },

    async transaction(_call, providerAccountId, providerTransactionId) {
      try {
        const list = await transactionsOf(providerAccountId);
        return list.find((t) => t.providerTransactionId === providerTransactionId) ?? null;
      } catch (error) {
        if (error instanceof NotFoundError) {
          return null;
        }
        throw error;
      }
    },
  };
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

function definedOnly(fields: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** Waits for a shared promise, but lets one caller stop waiting when it goes away. */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) {
    return Promise.reject(signal.reason as Error);
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason as Error);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error as Error);
      },
    );
  });
}
