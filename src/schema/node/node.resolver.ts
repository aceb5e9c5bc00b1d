import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';

import type { Context } from '../../context';
import { findAccount } from '../account/account.resolver';
import { BadUserInputError, NotFoundError } from '../../errors/errors';
import { findImport } from '../import/import.service';
import { findStandingOrder } from '../standing-order/standing-order.resolver';
import { findTimedOrder } from '../timed-order/timed-order.resolver';
import { findTransaction } from '../transaction/transaction.resolver';
import { findTransfer } from '../transfer/transfer.resolver';
import { fromGlobalId, type NodeType } from './global-id';
import { Node, type Typed } from './node.interface';

const finders: Record<NodeType, (context: Context, id: string, field: string) => Promise<object | null>> = {
  Account: findAccount,
  Transaction: findTransaction,
  Transfer: findTransfer,
  StandingOrder: findStandingOrder,
  TimedOrder: findTimedOrder,
  ImportCommand: async (context, id, field) => {
    try {
      return await findImport(context, id, field);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return null;
      }
      throw error;
    }
  },
  Confirmation: async () => {
    throw new BadUserInputError('id', 'id is a Confirmation, which is not a Node: ask confirmation(id).');
  },
};

@Resolver()
export class NodeResolver {
  @Query(() => Node, {
    nullable: true,
    description: 'Any object by its global id; null where the caller has no such object.',
  })
  async node(
    @Ctx() context: Context,
    @Arg('id', () => ID, { description: 'A global id from any `id` field.' }) id: string,
  ): Promise<(object & Typed) | null> {
    const { type } = fromGlobalId(id, 'id');
    const found = await finders[type](context, id, 'id');
    return found ? { ...found, __typename: type } : null;
  }
}
