import { Field, ObjectType } from 'type-graphql';

import { ProviderEnum } from '../provider/provider.enum';
import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
import { DateTimeScalar } from '../scalars';

@ObjectType({ implements: Node, description: 'A bank account at one provider.' })
export class Account extends Node {
  @Field(() => ProviderEnum, { description: 'The provider that holds the account.' })
  provider!: ProviderEnum;

  @Field(() => String, { description: "The account's own id at its provider." })
  providerAccountId!: string;

  @Field(() => String, { nullable: true, description: 'International bank account number, without spaces.' })
  iban!: string | null;

  @Field(() => String, { nullable: true, description: "The bank's BIC, where the provider tells." })
  bic!: string | null;

  @Field(() => String, { nullable: true, description: "The bank's name." })
  bankName!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The national bank code (German BLZ), from the IBAN where the provider sends no other.',
  })
  bankCode!: string | null;

  @Field(() => String, { nullable: true, description: 'The national account number.' })
  accountNumber!: string | null;

  @Field(() => String, { nullable: true, description: "The account holder's name, where the provider tells." })
  owner!: string | null;

  @Field(() => String, { nullable: true, description: 'The title the user gave the account, where there is one.' })
  title!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's account type, e.g. Kontokorrentkonto." })
  type!: string | null;

  @Field(() => String, { description: 'ISO-4217 currency of the account.' })
  currency!: string;

  @Field(() => Money, { nullable: true, description: 'The booked balance.' })
  balance!: Money | null;

  @Field(() => Money, { nullable: true, description: 'What can be spent now, where the provider tells.' })
  availableBalance!: Money | null;

  @Field(() => DateTimeScalar, {
    nullable: true,
    description: 'When the provider last read the account from the bank.',
  })
  lastUpdatedAt!: Date | null;

  @Field(() => Boolean, {
    description: 'True where transfers, standing orders and timed orders can be started from this account.',
  })
  canInitiatePayments!: boolean;
}
