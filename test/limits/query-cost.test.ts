import { buildSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';

import { createCostEstimator } from '../../src/limits/query-cost';

// The gateway's shapes in small: a connection with `first`, its edges, plain lists.
const schema = buildSchema(`
  type Query {
    accounts: [Account!]!
    banks: [Bank!]!
    transactions(first: Int = 50, after: String): TransactionConnection!
    node(id: ID!): Node
  }
  interface Node { id: ID! }
  type Bank { id: String! name: String! }
  type Account implements Node {
    id: ID!
    iban: String
    standingOrders: [Order!]!
    transactions(first: Int = 50): TransactionConnection!
  }
  type Order { id: ID! }
  type TransactionConnection { totalCount: Int edges: [TransactionEdge!]! pageInfo: PageInfo! }
  type TransactionEdge { cursor: String! node: Transaction! }
  type PageInfo { hasNextPage: Boolean! }
  type Transaction implements Node { id: ID! purpose: String account: Account! }
`);

const costOf = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [createCostEstimator(schema)] });

describe('the query cost (CONTRACT.md, Cost)', () => {
  it('charges 1 for every selected field', () => {
    expect(costOf('{ node(id: "x") { id } }')).toBe(2);
  });

  it('multiplies the selection of a list that is not a connection by 10', () => {
    expect(costOf('{ banks { id name } }')).toBe(1 + 10 * 2);
    expect(costOf('{ accounts { standingOrders { id } } }')).toBe(1 + 10 * (1 + 10 * 1));
  });

  it("multiplies a connection's selection by `first`, and not again for its edges", () => {
    // edges: 1 + cursor 1 + node (1 + id 1) = 4; the selection: totalCount 1 + edges 4 = 5
    expect(costOf('{ transactions(first: 5) { totalCount edges { cursor node { id } } } }')).toBe(1 + 5 * 5);
  });

  it("takes `first`'s default when it is absent and the variable's value when it is one", () => {
    expect(costOf('{ transactions { totalCount } }')).toBe(1 + 50 * 1);
    const query = 'query ($n: Int) { transactions(first: $n) { totalCount } }';
    expect(costOf(query, { n: 7 })).toBe(1 + 7 * 1);
    expect(costOf(query)).toBe(1 + 50 * 1);
  });

  it('multiplies nested connections and lists together', () => {
    // inner connection: 1 + 2 * (edges 1 + node (1 + id 1)) = 7; account 1 + 7 = 8; node 9; edges 10
    const query =
      '{ transactions(first: 3) { edges { node { account { transactions(first: 2) { edges { node { id } } } } } } } }';
    expect(costOf(query)).toBe(1 + 3 * 10);
    expect(costOf('{ accounts { transactions(first: 2) { totalCount } } }')).toBe(1 + 10 * (1 + 2 * 1));
  });

  it('counts fields of fragments as if they were written out', () => {
    expect(costOf('{ accounts { ...A } } fragment A on Account { id iban }')).toBe(1 + 10 * 2);
    expect(costOf('{ node(id: "x") { ... on Account { id iban } } }')).toBe(1 + 2);
  });

  it('charges introspection 1, whatever it selects', () => {
    expect(costOf('{ __schema { types { name fields { name args { name } } } } }')).toBe(1);
  });
});
