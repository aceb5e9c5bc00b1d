import { Field, ObjectType } from 'type-graphql';

import { ImportStatusEnum } from '../enums';
import { ProviderEnum } from '../provider/provider.enum';
import { Node } from '../node/node.interface';
import { DateTimeScalar } from '../scalars';

@ObjectType({ description: 'Someone who owns the imported accounts, as the bank tells.' })
export class AccountOwner {
  @Field(() => String, { nullable: true, description: "The owner's name." })
  name!: string | null;

  @Field(() => String, { nullable: true, description: "The owner's e-mail address, where the bank tells." })
  email!: string | null;

  @Field(() => String, { nullable: true, description: 'The ownerExternalId given at sign-in or import.' })
  externalId!: string | null;
}

/** Fields resolved from an import snapshot; account, accounts, owners and the token by the resolver. */
@ObjectType({
  implements: Node,
  description: 'A background import of bank data at a provider, watched until it ends.',
})
export class ImportCommand extends Node {
  @Field(() => ProviderEnum, { description: 'The provider that runs the import.' })
  provider!: ProviderEnum;

  @Field(() => ImportStatusEnum, { description: 'Where the import stands.' })
  status!: ImportStatusEnum;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When the gateway started it; null where it did not.' })
  startedAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: "The provider's estimate of when it is done." })
  estimatedFinishAt!: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it ended, as far as the gateway saw.' })
  finishedAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it failed, where it did.' })
  error!: string | null;
}
