import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

import { Money } from '../money/money.type';
import { DateTimeScalar } from '../scalars';

export enum ConfirmationOperationEnum {
  CREATE_TRANSFER = 'CREATE_TRANSFER',
  CREATE_STANDING_ORDER = 'CREATE_STANDING_ORDER',
  UPDATE_STANDING_ORDER = 'UPDATE_STANDING_ORDER',
  CANCEL_STANDING_ORDER = 'CANCEL_STANDING_ORDER',
  CREATE_TIMED_ORDER = 'CREATE_TIMED_ORDER',
}
registerEnumType(ConfirmationOperationEnum, {
  name: 'ConfirmationOperation',
  description: 'What a confirmation executes once the TAN is given.',
  valuesConfig: {
    CREATE_TRANSFER: { description: 'A SEPA credit transfer (confirmTransfer).' },
    CREATE_STANDING_ORDER: { description: 'A new standing order (confirmStandingOrder).' },
    UPDATE_STANDING_ORDER: { description: 'A change to a standing order (confirmStandingOrder).' },
    CANCEL_STANDING_ORDER: { description: 'The cancelation of a standing order (confirmStandingOrder).' },
    CREATE_TIMED_ORDER: { description: 'A new timed order (confirmTimedOrder).' },
  },
});

export enum ConfirmationStatusEnum {
  PENDING = 'PENDING',
  EXECUTING = 'EXECUTING',
  CONFIRMED = 'CONFIRMED',
  EXPIRED = 'EXPIRED',
  FAILED = 'FAILED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(ConfirmationStatusEnum, {
  name: 'ConfirmationStatus',
  description: 'Where a confirmation stands.',
  valuesConfig: {
    PENDING: { description: 'Waiting for the TAN.' },
    EXECUTING: { description: 'A confirm is running at the provider now.' },
    CONFIRMED: { description: 'The TAN was right and the operation ran.' },
    EXPIRED: { description: 'Not confirmed in time.' },
    FAILED: { description: 'No attempts left, or the provider refused: the operation did not run.' },
    UNKNOWN: {
      description:
        "The provider's answer to the execution was lost (timeout, broken connection, 5xx, the executing instance died): the operation may or may not have run. The gateway keeps looking for evidence at the provider and moves it to CONFIRMED when it finds the operation; it never reports FAILED for an operation that may have run, and never executes it again by itself.",
    },
  },
});

@ObjectType({
  description:
    'The first step of a two-step TAN flow: nothing has been executed yet. The provider has sent a TAN (authorization token) to the account holder; the matching confirm mutation executes the operation with it, exactly once.',
})
export class Confirmation {
  @Field(() => ID, { description: 'Pass as confirmationId to the matching confirm mutation.' })
  id!: string;

  @Field(() => ConfirmationOperationEnum, { description: 'What will be executed.' })
  operation!: ConfirmationOperationEnum;

  @Field(() => ConfirmationStatusEnum, { description: 'Where the confirmation stands.' })
  status!: ConfirmationStatusEnum;

  @Field(() => Int, { nullable: true, description: 'Length of the TAN that was sent, where the provider tells.' })
  tokenLength!: number | null;

  @Field(() => DateTimeScalar, { description: 'The TAN must be given before this instant.' })
  expiresAt!: Date;

  @Field(() => Int, { description: 'Wrong TANs still allowed before the confirmation FAILS.' })
  attemptsLeft!: number;

  @Field(() => String, { nullable: true, description: 'What will be executed once confirmed: the recipient.' })
  recipient!: string | null;

  @Field(() => String, { nullable: true, description: "The recipient's IBAN." })
  iban!: string | null;

  @Field(() => Money, { nullable: true, description: 'The amount, positive.' })
  amount!: Money | null;

  @Field(() => String, { nullable: true, description: 'The remittance text.' })
  note!: string | null;

  @Field(() => String, { nullable: true, description: 'The SEPA end-to-end reference.' })
  endToEndId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it FAILED or is UNKNOWN, where it is.' })
  failureReason!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      "How the status is known, where the provider's own answer did not say it: an execution CONFIRMED although its answer was unreadable, or found at the provider after it was UNKNOWN; what the gateway does about an UNKNOWN one.",
  })
  statusDetail!: string | null;
}
