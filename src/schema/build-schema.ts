import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { createGatewayPubSub, type GatewayPubSub } from '../live/pubsub';
import type { ProviderDescriptor } from '../providers/descriptor';

import { AccountResolver } from './account/account.resolver';
import { ImportResolver } from './import/import.resolver';
import { SubscriptionResolver } from './subscription/subscription.resolver';
import { MoneyResolver } from './money/money.resolver';
import { NodeResolver } from './node/node.resolver';
import { defineProviderEnum } from './provider/provider.enum';
import { ProviderResolver } from './provider/provider.resolver';
import { ConfirmationResolver } from './confirmation/confirmation.resolver';
import { AccountStandingOrdersResolver, StandingOrderResolver } from './standing-order/standing-order.resolver';
import { AccountTimedOrdersResolver, TimedOrderResolver } from './timed-order/timed-order.resolver';
import { TransactionResolver } from './transaction/transaction.resolver';
import { TransferResolver } from './transfer/transfer.resolver';

/**
 * The gateway's GraphQL schema, built from the type-graphql classes: the shared
 * entities, and the operations only some banks offer, from their descriptors.
 * Subscriptions bring their own event streams (`subscribe`); type-graphql still asks
 * for the pub/sub.
 */
export async function buildGatewaySchema(
  banks: readonly ProviderDescriptor[],
  pubSub: GatewayPubSub = createGatewayPubSub().pubsub,
): Promise<GraphQLSchema> {
  defineProviderEnum(banks);
  const schema = await buildSchema({
    pubSub,
    resolvers: [
      NodeResolver,
      AccountResolver,
      TransactionResolver,
      MoneyResolver,
      ProviderResolver,
      ConfirmationResolver,
      TransferResolver,
      StandingOrderResolver,
      AccountStandingOrdersResolver,
      TimedOrderResolver,
      AccountTimedOrdersResolver,
      ImportResolver,
      SubscriptionResolver,
      ...banks.flatMap((bank) => bank.resolvers ?? []),
    ],
    validate: false,
  });
  // type-graphql gives the root types no way to carry a description.
  describe(schema.getQueryType(), 'What can be read: accounts, transactions, orders, confirmations, imports.');
  describe(schema.getMutationType(), 'What changes something: payments with their TAN step, imports, consents.');
  describe(schema.getSubscriptionType(), 'Events as they happen: imports, new transactions, confirmations.');
  return schema;
}

function describe(type: GraphQLObjectType | null | undefined, description: string): void {
  if (type) {
    type.description = description;
  }
}
