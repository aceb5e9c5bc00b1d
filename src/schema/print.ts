import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The committed schema.graphql's text: sorted, so that its diff is the API's changelog. */
export function printGatewaySchema(schema: GraphQLSchema): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
