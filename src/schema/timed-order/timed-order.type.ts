import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
import { PaymentOrder } from '../payment-order.type';
import { DateTimeScalar } from '../scalars';

export enum TimedOrderStatusEnum {
  CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED',
  SCHEDULED = 'SCHEDULED',
  EXECUTED = 'EXECUTED',
  CANCELED = 'CANCELED',
  FAILED = 'FAILED',
}
registerEnumType(TimedOrderStatusEnum, {
  name: 'TimedOrderStatus',
  description: 'Where a timed order stands.',
  valuesConfig: {
    CONFIRMATION_REQUIRED: { description: 'Registered; waiting for the TAN.' },
    SCHEDULED: { description: 'Confirmed; executes at executeAt.' },
    EXECUTED: { description: 'Executed.' },
    CANCELED: { description: 'Canceled before it executed.' },
    FAILED: { description: 'The bank could not execute it.' },
  },
});

@ObjectType({ implements: Node, description: 'A SEPA credit transfer pre-authorized to execute once, at a set time.' })
export class TimedOrder extends PaymentOrder {
  @Field(() => TimedOrderStatusEnum, { description: 'Where the order stands.' })
  status!: TimedOrderStatusEnum;

  @Field(() => Money, { description: 'Positive: the amount sent.' })
  amount!: Money;

  @Field(() => DateTimeScalar, { description: 'When it executes.' })
  executeAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it executed.' })
  executedAt!: Date | null;
}
