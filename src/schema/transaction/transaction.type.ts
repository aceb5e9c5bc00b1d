import { Field, ObjectType } from 'type-graphql';

import { TransactionStatusEnum } from '../enums';
import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
import { DateTimeScalar } from '../scalars';

@ObjectType({ implements: Node, description: 'Money that moved, or is about to move, on an account.' })
export class Transaction extends Node {
  @Field(() => String, { description: "The transaction's own id at its provider." })
  providerTransactionId!: string;

  @Field(() => Money, { description: 'Signed: negative for outgoing money.' })
  amount!: Money;

  @Field(() => Money, { nullable: true, description: 'The amount in its original foreign currency, where it had one.' })
  originalAmount!: Money | null;

  @Field(() => TransactionStatusEnum, { description: 'Booked, or still pending.' })
  status!: TransactionStatusEnum;

  @Field(() => String, { nullable: true, description: 'Who paid or was paid.' })
  counterpartyName!: string | null;

  @Field(() => String, { nullable: true, description: "The counterparty's IBAN." })
  counterpartyIban!: string | null;

  @Field(() => String, { nullable: true, description: 'The remittance text.' })
  purpose!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA end-to-end reference.' })
  endToEndId!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA direct-debit mandate reference.' })
  mandateNumber!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The booking type, e.g. SEPA_CREDIT_TRANSFER, SEPA_DIRECT_DEBIT, DIRECT_DEBIT, SEPA_DIRECT_DEBIT_RETURN.',
  })
  bookingType!: string | null;

  @Field(() => String, { nullable: true, description: 'How it was paid, e.g. bank_account, credit_card.' })
  paymentMethod!: string | null;

  @Field(() => String, { nullable: true, description: "The provider's category, where it has one." })
  category!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the bank booked it; null while pending.' })
  bookingDate!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the money counts for interest (value date).' })
  valueDate!: Date | null;
}
