import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'Where a connection page stands (Relay cursor connections).' })
export class PageInfo {
  @Field(() => Boolean, { description: 'True where more items follow this page.' })
  hasNextPage!: boolean;

  @Field(() => Boolean, { description: 'True where this page does not start at the beginning.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null on an empty page." })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor: pass it as `after` for the next page; null on an empty page.",
  })
  endCursor!: string | null;
}
