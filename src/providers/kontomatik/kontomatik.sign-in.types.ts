import { Field, InputType, ObjectType } from 'type-graphql';

import { AccessModeEnum } from '../../schema/enums';
import { DateTimeScalar } from '../../schema/scalars';

@InputType({ description: 'A redirection sign-in at a bank (KONTOMATIK).' })
export class StartSignInInput {
  @Field(() => String, { description: 'A bank id from the banks query.' })
  target!: string;

  @Field(() => AccessModeEnum, { description: 'How often the bank may be read; one the bank supports.' })
  accessMode!: AccessModeEnum;

  @Field(() => String, { nullable: true, description: 'Where the bank page sends the user back to (http or https).' })
  redirectUrl?: string | null;

  @Field(() => String, { nullable: true, description: "The app's own id for the user, returned with the owners." })
  ownerExternalId?: string | null;
}

@ObjectType({ description: 'A sign-in session at a bank; its id and signature start imports.' })
export class SignInSession {
  @Field(() => String, { description: "The session's id." })
  sessionId!: string;

  @Field(() => String, { description: "The session's signature: a secret; keep it server-side." })
  sessionIdSignature!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Where to send the user to sign in at their bank; absent for a mock session.',
  })
  redirectUrl!: string | null;
}

@InputType({ description: 'The default import of a signed-in session (KONTOMATIK).' })
export class StartImportInput {
  @Field(() => String, { description: 'From startSignIn or createMockSession.' })
  sessionId!: string;

  @Field(() => String, { description: 'From startSignIn or createMockSession.' })
  sessionIdSignature!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Import transactions from this day on.' })
  since?: Date | null;

  @Field(() => String, { nullable: true, description: "The app's own id for the user, returned with the owners." })
  ownerExternalId?: string | null;
}

@InputType({ description: 'An import with a MULTIPLE-access consent token, without the user (KONTOMATIK).' })
export class ReuseConsentInput {
  @Field(() => String, { description: 'The multipleAccessToken of a COMPLETED import.' })
  multipleAccessToken!: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Import transactions from this day on.' })
  since?: Date | null;
}
