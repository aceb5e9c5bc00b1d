import type { TransactionRecord } from '../providers/provider';

export interface Edge {
  cursor: string;
  node: TransactionRecord;
}

/** A Relay connection page of transactions, as the schema's TransactionConnection. */
export interface Connection {
  edges: Edge[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
  totalCount: number | null;
}

export function toConnection(
  edges: Edge[],
  hasNextPage: boolean,
  hasPreviousPage: boolean,
  totalCount: number | null,
): Connection {
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    totalCount,
  };
}
