import { Field, ObjectType } from 'type-graphql';

import { SafeIntScalar } from '../scalars';

@ObjectType({ description: 'An exact amount of money. Never a float.' })
export class Money {
  @Field(() => SafeIntScalar, {
    description: "The amount in the currency's minor units (cents for EUR). Negative where money leaves the account.",
  })
  minorUnits!: number;

  @Field(() => String, { description: 'ISO-4217 code, e.g. EUR.' })
  currency!: string;

  @Field(() => String, { description: 'The same amount as an exact decimal string in major units, e.g. "-504.33".' })
  decimal!: string;
}
