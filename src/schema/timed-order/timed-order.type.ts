import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
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
export class TimedOrder extends Node {
  @Field(() => TimedOrderStatusEnum, { description: 'Where the order stands.' })
  status!: TimedOrderStatusEnum;

  @Field(() => String, { description: "The recipient's name." })
  recipient!: string;

  @Field(() => String, { description: "The recipient's IBAN." })
  iban!: string;

  @Field(() => Money, { description: 'Positive: the amount sent.' })
  amount!: Money;

  @Field(() => String, { nullable: true, description: 'Remittance text on both bank statements.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA end-to-end reference.' })
  endToEndId!: string | null;

  @Field(() => DateTimeScalar, { description: 'When it executes.' })
  executeAt!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it executed.' })
  executedAt!: Date | null;
}
