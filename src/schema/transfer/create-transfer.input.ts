import { InputType } from 'type-graphql';

import { PaymentOrderInput } from '../payment-order.type';

@InputType({ description: 'A SEPA credit transfer to register; confirmTransfer executes it.' })
export class CreateTransferInput extends PaymentOrderInput {}
