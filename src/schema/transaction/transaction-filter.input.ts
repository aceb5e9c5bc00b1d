import { Field, InputType } from 'type-graphql';

import { TransactionStatusEnum } from '../enums';
import { DateTimeScalar, SafeIntScalar } from '../scalars';

@InputType({
  description:
    'Narrows transactions; every given condition must hold. Bounds are inclusive; date bounds leave out transactions without a booking date.',
})
export class TransactionFilter {
  @Field(() => TransactionStatusEnum, { nullable: true, description: 'Only booked, or only pending, transactions.' })
  status?: TransactionStatusEnum;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Amount at least this, in minor units (signed).' })
  amountMin?: number;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Amount at most this, in minor units (signed).' })
  amountMax?: number;

  @Field(() => String, {
    nullable: true,
    description: 'Purpose contains this, case-insensitive; 3 to 140 characters.',
  })
  purpose?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Booked at or after this instant.' })
  bookedFrom?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Booked at or before this instant.' })
  bookedTo?: Date;
}
