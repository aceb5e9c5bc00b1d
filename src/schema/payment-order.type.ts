import { Field, InputType, ID, Int, ObjectType } from 'type-graphql';

import { Node } from './node/node.interface';

/** What transfers, standing orders and timed orders have in common. */
@ObjectType()
export abstract class PaymentOrder extends Node {
  @Field(() => String, { description: "The recipient's name." })
  recipient!: string;

  @Field(() => String, { description: "The recipient's IBAN." })
  iban!: string;

  @Field(() => String, { nullable: true, description: 'Remittance text on both bank statements.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA end-to-end reference.' })
  endToEndId!: string | null;
}

/** What every new payment order asks for. */
@InputType()
export abstract class PaymentOrderInput {
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
