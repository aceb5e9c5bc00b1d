import { Field, ObjectType } from 'type-graphql';

import { CircuitStateEnum } from '../enums';
import { ProviderEnum } from './provider.enum';

@ObjectType({ description: 'How the gateway sees one provider right now.' })
export class ProviderStatus {
  @Field(() => ProviderEnum, { description: 'The provider.' })
  provider!: ProviderEnum;

  @Field(() => Boolean, { description: 'False where the provider is not configured or its last calls failed.' })
  healthy!: boolean;

  @Field(() => CircuitStateEnum, { description: "The state of the gateway's circuit breaker in front of it." })
  circuit!: CircuitStateEnum;
}
