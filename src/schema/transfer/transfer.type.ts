import { Field, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { Node } from '../node/node.interface';
import { PaymentOrder } from '../payment-order.type';

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
export class Transfer extends PaymentOrder {
  @Field(() => TransferStatusEnum, { description: 'Where the transfer stands.' })
  status!: TransferStatusEnum;

  @Field(() => Money, { description: 'Positive: the amount sent.' })
  amount!: Money;
}
