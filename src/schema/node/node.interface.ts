import { Field, ID, InterfaceType } from 'type-graphql';

/** Values returned where a Node is expected carry the name of their type. */
export interface Typed {
  __typename: string;
}

@InterfaceType('Node', {
  description: 'An object with a globally unique, opaque id that node(id:) resolves.',
  resolveType: (value: Typed) => value.__typename,
})
export abstract class Node {
  @Field(() => ID, { description: 'The opaque global id.' })
  id!: string;
}
