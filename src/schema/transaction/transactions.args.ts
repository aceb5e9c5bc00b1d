import { ArgsType, Field, Int } from 'type-graphql';

import { TransactionOrderEnum } from '../enums';
import { TransactionFilter } from './transaction-filter.input';

@ArgsType()
export class FeedArgs {
  @Field(() => Int, { nullable: true, defaultValue: 50, description: 'How many transactions: 1 to 500.' })
  first!: number;

  @Field(() => String, { nullable: true, description: "A cursor from this query's previous page." })
  after?: string;

  @Field(() => TransactionFilter, { nullable: true, description: 'Only transactions that match.' })
  filter?: TransactionFilter;
}

@ArgsType()
export class TransactionsArgs extends FeedArgs {
  @Field(() => TransactionOrderEnum, {
    nullable: true,
    defaultValue: TransactionOrderEnum.BOOKING_DATE_DESC,
    description: 'The order; newest first by default.',
  })
  orderBy!: TransactionOrderEnum;
}
