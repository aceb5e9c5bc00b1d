import type { GraphQLObjectType, GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { createGatewayPubSub, type GatewayPubSub } from '../live/pubsub';

import { AccountResolver } from './account/account.resolver';
import { LinkAccountsResolver } from './account/link-accounts.resolver';
import { BankResolver } from './bank/bank.resolver';
import { ImportResolver } from './import/import.resolver';
import { SignInResolver } from './sign-in/sign-in.resolver';
import { SubscriptionResolver } from './subscription/subscription.resolver';
import { MoneyResolver } from './money/money.resolver';
import { NodeResolver } from './node/node.resolver';
import { OAuthResolver } from './oauth/oauth.resolver';
import { ProviderResolver } from './provider/provider.resolver';
import { ConfirmationResolver } from './confirmation/confirmation.resolver';
import { AccountStandingOrdersResolver, StandingOrderResolver } from './standing-order/standing-order.resolver';
import { AccountTimedOrdersResolver, TimedOrderResolver } from './timed-order/timed-order.resolver';
import { TransactionResolver } from './transaction/transaction.resolver';
import { TransferResolver } from './transfer/transfer.resolver';

/**
 * The gateway's GraphQL schema, built from the type-graphql classes. Subscriptions
 * bring their own event streams (`subscribe`); type-graphql still asks for the pub/sub.
 */
export async function buildGatewaySchema(pubSub: GatewayPubSub = createGatewayPubSub().pubsub): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    pubSub,
    resolvers: [
      NodeResolver,
      AccountResolver,
      TransactionResolver,
      MoneyResolver,
      BankResolver,
      ProviderResolver,
      OAuthResolver,
      ConfirmationResolver,
      TransferResolver,
      StandingOrderResolver,
      AccountStandingOrdersResolver,
      TimedOrderResolver,
      AccountTimedOrdersResolver,
      LinkAccountsResolver,
      SignInResolver,
      ImportResolver,
      SubscriptionResolver,
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
