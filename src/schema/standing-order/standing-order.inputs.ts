import { Field, InputType, Int } from 'type-graphql';

import { PaymentOrderInput } from '../payment-order.type';

import { DateTimeScalar } from '../scalars';
import { ReoccurrenceEnum } from './standing-order.type';

@InputType({ description: 'A standing order to register; confirmStandingOrder executes it.' })
export class CreateStandingOrderInput extends PaymentOrderInput {
  @Field(() => ReoccurrenceEnum, { description: 'How often it executes.' })
  reoccurrence!: ReoccurrenceEnum;

  @Field(() => DateTimeScalar, { description: 'The first execution: today (UTC) or later.' })
  firstExecutionDate!: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The last execution: not before the first.' })
  lastExecutionDate?: Date | null;
}

@InputType({ description: 'Only these attributes of an ACTIVE standing order can change.' })
export class UpdateStandingOrderInput {
  @Field(() => Int, { nullable: true, description: 'Euro cents, greater than 0.' })
  amount?: number | null;

  @Field(() => String, { nullable: true, description: 'At most 140 SEPA characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 35 SEPA characters.' })
  endToEndId?: string | null;

  @Field(() => ReoccurrenceEnum, { nullable: true, description: 'How often it executes.' })
  reoccurrence?: ReoccurrenceEnum | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'The last execution.' })
  lastExecutionDate?: Date | null;
}
