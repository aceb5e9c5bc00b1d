import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { GatewayError } from '../errors/errors';

const HASH = /^(?:sha256:)?([0-9a-f]{64})$/i;

/**
 * The documents a production gateway runs, and nothing else (CONTRACT.md, Configuration:
 * TRUSTED_DOCUMENTS). The manifest is the `{ "<sha256>": "<document>" }` file GraphQL Code
 * Generator's client preset writes for persisted documents; a client sends a document's
 * hash as `documentId` (with or without `sha256:`) or as Apollo's
 * `extensions.persistedQuery.sha256Hash`. Anything else is refused unparsed.
 */
export interface TrustedDocuments {
  readonly size: number;
  /**
   * The request as Apollo should run it: its trusted document as `query`, the id and
   * the persisted-query extension taken out. PERSISTED_QUERY_NOT_FOUND otherwise.
   */
  resolve(request: Record<string, unknown>): Record<string, unknown>;
}

/** Reads and checks a manifest; throws an Error whose message is one line saying what is wrong. */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot be read as JSON (${error instanceof Error ? error.message.split('\n')[0] : 'unknown'})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error('must be a JSON object of "<sha256 hash>": "<document>"');
  }
  const documents = new Map<string, string>();
  for (const [key, document] of Object.entries(manifest)) {
    const hash = HASH.exec(key)?.[1]?.toLowerCase();
    if (!hash || typeof document !== 'string') {
      throw new Error(`holds ${JSON.stringify(key.slice(0, 80))}, which is not a sha256 hash of a document`);
    }
    if (createHash('sha256').update(document).digest('hex') !== hash) {
      throw new Error(`holds ${key.slice(0, 80)}, which is not the sha256 hash of its document`);
    }
    documents.set(hash, document);
  }
  return createTrustedDocuments(documents);
}

export function createTrustedDocuments(documents: ReadonlyMap<string, string>): TrustedDocuments {
  const notFound = () =>
    new GatewayError(
      'PERSISTED_QUERY_NOT_FOUND',
      'Only trusted documents run on this gateway: send a known documentId (or persistedQuery sha256Hash).',
    );
  return {
    size: documents.size,
    resolve(request) {
      const { documentId, query: _query, extensions, ...rest } = request;
      const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const id = typeof documentId === 'string' ? documentId : persisted?.sha256Hash;
      const hash = typeof id === 'string' ? HASH.exec(id)?.[1]?.toLowerCase() : undefined;
      const document = hash ? documents.get(hash) : undefined;
      if (!document) {
        throw notFound();
      }
      const { persistedQuery: _persisted, ...otherExtensions } = (extensions ?? {}) as Record<string, unknown>;
      return {
        ...rest,
        query: document,
        ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}),
      };
    },
  };
}
