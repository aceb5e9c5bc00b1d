import { Field, InputType } from 'type-graphql';

import { PaymentOrderInput } from '../payment-order.type';

import { DateTimeScalar } from '../scalars';

@InputType({ description: 'A timed order to register; confirmTimedOrder schedules it.' })
export class CreateTimedOrderInput extends PaymentOrderInput {
  @Field(() => DateTimeScalar, { description: 'When to execute: later than now.' })
  executeAt!: Date;
}
