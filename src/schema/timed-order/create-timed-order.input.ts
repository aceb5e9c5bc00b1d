import { Field, ID, InputType, Int } from 'type-graphql';

import { DateTimeScalar } from '../scalars';

@InputType({ description: 'A timed order to register; confirmTimedOrder schedules it.' })
export class CreateTimedOrderInput {
  @Field(() => ID, { description: 'The Kontist account to send from.' })
  accountId!: string;

  @Field(() => String, { description: "The recipient's name: 1 to 70 SEPA characters." })
  recipient!: string;

  @Field(() => String, { description: "The recipient's IBAN." })
  iban!: string;

  @Field(() => Int, { description: 'Euro cents, greater than 0.' })
  amount!: number;

  @Field(() => DateTimeScalar, { description: 'When to execute: later than now.' })
  executeAt!: Date;

  @Field(() => String, { nullable: true, description: 'At most 140 SEPA characters.' })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 35 SEPA characters.' })
  endToEndId?: string | null;
}
