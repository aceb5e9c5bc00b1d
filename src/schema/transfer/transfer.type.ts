import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';

export enum TransferStatusEnum {
  CONFIRMATION_REQUIRED = 'CONFIRMATION_REQUIRED',
  ACCEPTED = 'ACCEPTED',
}
registerEnumType(TransferStatusEnum, {
  name: 'TransferStatus',
  description: 'Where a SEPA credit transfer stands.',
  valuesConfig: {
    CONFIRMATION_REQUIRED: { description: 'Registered; waiting for the TAN.' },
    ACCEPTED: { description: 'Confirmed with the TAN and accepted by the bank for execution.' },
  },
});

@ObjectType({ implements: Node, description: 'A SEPA credit transfer from a Kontist account.' })
export class Transfer extends Node {
  @Field(() => TransferStatusEnum, { description: 'Where the transfer stands.' })
  status!: TransferStatusEnum;

  @Field(() => String, { description: "The recipient's name." })
  recipient!: string;

  @Field(() => String, { description: "The recipient's IBAN." })
  iban!: string;

  @Field(() => Money, { description: 'Positive: the amount sent.' })
  amount!: Money;

  @Field(() => String, { nullable: true, description: 'Remittance text on both bank statements.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA end-to-end reference.' })
  endToEndId!: string | null;
}
