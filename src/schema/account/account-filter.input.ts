import { Field, InputType } from 'type-graphql';

import { ProviderEnum } from '../provider/provider.enum';
import { DateTimeScalar, SafeIntScalar } from '../scalars';

@InputType({ description: 'Narrows `accounts`; every given condition must hold.' })
export class AccountFilter {
  @Field(() => ProviderEnum, { nullable: true, description: "Only this provider's accounts." })
  provider?: ProviderEnum;

  @Field(() => String, { nullable: true, description: 'Bank codes that start with this.' })
  bankCode?: string;

  @Field(() => String, { nullable: true, description: 'Account numbers that start with this.' })
  accountNumber?: string;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'Only accounts the provider updated after this instant.',
  })
  lastUpdatedAfter?: Date;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Balance at least this, in minor units.' })
  balanceMin?: number;

  @Field(() => SafeIntScalar, { nullable: true, description: 'Balance at most this, in minor units.' })
  balanceMax?: number;
}
