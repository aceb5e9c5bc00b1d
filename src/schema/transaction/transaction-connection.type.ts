import { Field, Int, ObjectType } from 'type-graphql';

import { PageInfo } from '../page-info.type';
import { Transaction } from './transaction.type';

@ObjectType({ description: 'A transaction with the cursor that resumes right after it.' })
export class TransactionEdge {
  @Field(() => String, { description: 'Pass as `after` to continue after this transaction.' })
  cursor!: string;

  @Field(() => Transaction, { description: 'The transaction.' })
  node!: Transaction;
}

@ObjectType({ description: 'One page of transactions (a Relay cursor connection).' })
export class TransactionConnection {
  @Field(() => [TransactionEdge], { description: 'The transactions of this page, in order.' })
  edges!: TransactionEdge[];

  @Field(() => PageInfo, { description: 'Where this page stands.' })
  pageInfo!: PageInfo;

  @Field(() => Int, { nullable: true, description: 'Total matching transactions, where the provider tells.' })
  totalCount!: number | null;
}
