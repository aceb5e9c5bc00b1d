import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';

import { AccountResolver } from './account/account.resolver';
import { BankResolver } from './bank/bank.resolver';
import { MoneyResolver } from './money/money.resolver';
import { NodeResolver } from './node/node.resolver';
import { OAuthResolver } from './oauth/oauth.resolver';
import { ProviderResolver } from './provider/provider.resolver';
import { ConfirmationResolver } from './confirmation/confirmation.resolver';
import { AccountStandingOrdersResolver, StandingOrderResolver } from './standing-order/standing-order.resolver';
import { AccountTimedOrdersResolver, TimedOrderResolver } from './timed-order/timed-order.resolver';
import { TransactionResolver } from './transaction/transaction.resolver';
import { TransferResolver } from './transfer/transfer.resolver';

/** The gateway's GraphQL schema, built from the type-graphql classes. */
export function buildGatewaySchema(): Promise<GraphQLSchema> {
  return buildSchema({
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
    ],
    validate: false,
  });
}
