import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: "Kontist's OAuth2 tokens for one user. Keep them secret: they act as the user." })
export class OAuthTokens {
  @Field(() => String, { description: 'Send as `X-Kontist-Authorization: Bearer <accessToken>`.' })
  accessToken!: string;

  @Field(() => String, { description: 'Always Bearer.' })
  tokenType!: string;

  @Field(() => Int, { description: 'Seconds until the access token expires.' })
  expiresIn!: number;

  @Field(() => String, {
    nullable: true,
    description: 'Present for the offline scope: gets new access tokens with refreshKontistToken.',
  })
  refreshToken!: string | null;

  @Field(() => String, { description: 'The granted scopes, space-separated.' })
  scope!: string;
}
