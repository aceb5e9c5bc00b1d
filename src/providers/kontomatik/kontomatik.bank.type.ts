import { Field, ObjectType } from 'type-graphql';

import { AccessModeEnum } from '../../schema/enums';

@ObjectType({ description: 'A bank that Kontomatik sign-in sessions can target.' })
export class Bank {
  @Field(() => String, { description: 'The bank id to pass as `target` to startSignIn.' })
  id!: string;

  @Field(() => String, { description: 'ISO-3166 country code, e.g. PL.' })
  country!: string;

  @Field(() => String, { description: "The bank's name." })
  name!: string;

  @Field(() => [AccessModeEnum], { description: 'The access modes the bank supports.' })
  accessModes!: AccessModeEnum[];
}
