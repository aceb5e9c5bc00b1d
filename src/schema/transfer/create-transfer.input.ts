import { Field, ID, InputType, Int } from 'type-graphql';

@InputType({ description: 'A SEPA credit transfer to register; confirmTransfer executes it.' })
export class CreateTransferInput {
  @Field(() => ID, { description: 'The Kontist account to send from.' })
  accountId!: string;

  @Field(() => String, { description: "The recipient's name: 1 to 70 SEPA characters." })
  recipient!: string;

  @Field(() => String, { description: "The recipient's IBAN; spaces are removed, letters upper-cased." })
  iban!: string;

  @Field(() => Int, { description: 'Euro cents, greater than 0.' })
  amount!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Remittance text on both bank statements: at most 140 SEPA characters.',
  })
  note?: string | null;

  @Field(() => String, { nullable: true, description: 'At most 35 SEPA characters.' })
  endToEndId?: string | null;
}
