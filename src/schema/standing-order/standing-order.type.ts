import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
import { PaymentOrder } from '../payment-order.type';
import { DateTimeScalar } from '../scalars';

export enum ReoccurrenceEnum {
  MONTHLY = 'MONTHLY',
  QUARTERLY = 'QUARTERLY',
  EVERY_SIX_MONTHS = 'EVERY_SIX_MONTHS',
  ANNUALLY = 'ANNUALLY',
}
registerEnumType(ReoccurrenceEnum, {
  name: 'Reoccurrence',
  description: 'How often a standing order executes.',
  valuesConfig: {
    MONTHLY: { description: 'Every month.' },
    QUARTERLY: { description: 'Every three months.' },
    EVERY_SIX_MONTHS: { description: 'Every six months.' },
    ANNUALLY: { description: 'Every year.' },
  },
});

export enum StandingOrderStatusEnum {
  ACTIVE = 'ACTIVE',
  CANCELED = 'CANCELED',
}
registerEnumType(StandingOrderStatusEnum, {
  name: 'StandingOrderStatus',
  description: 'Whether a standing order still executes.',
  valuesConfig: {
    ACTIVE: { description: 'Executes at each occurrence.' },
    CANCELED: { description: 'Canceled: executes no more.' },
  },
});

@ObjectType({ implements: Node, description: 'A SEPA credit transfer executed at regular intervals.' })
export class StandingOrder extends PaymentOrder {
  @Field(() => StandingOrderStatusEnum, { description: 'Whether it still executes.' })
  status!: StandingOrderStatusEnum;

  @Field(() => Money, { description: 'Positive: the amount sent each time.' })
  amount!: Money;

  @Field(() => ReoccurrenceEnum, { description: 'How often it executes.' })
  reoccurrence!: ReoccurrenceEnum;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The last day it executes; null: until canceled.' })
  lastExecutionDate!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it executes next.' })
  nextOccurrence!: Date | null;
}
