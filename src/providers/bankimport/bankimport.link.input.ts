import { Field, InputType } from 'type-graphql';

@InputType({
  description: 'HBCI credentials of an online-banking login. The secret is never stored, logged or returned.',
})
export class LinkBankAccountInput {
  @Field(() => String, { description: 'A title for the linked accounts, 1 to 100 characters.' })
  title!: string;

  @Field(() => String, { description: 'The German bank code (BLZ, 8 digits) of the HBCI login.' })
  bankCode!: string;

  @Field(() => String, { description: 'The HBCI username.' })
  username!: string;

  @Field(() => String, { description: 'The HBCI PIN or password: passed to the provider once, never kept.' })
  secret!: string;

  @Field(() => String, { nullable: true, description: 'The customer number, where the bank asks for one.' })
  customerNumber?: string | null;
}
