import { GraphQLScalarType } from 'graphql';
import { DateTimeResolver, SafeIntResolver } from 'graphql-scalars';

/** ISO-8601 date-times; always serialized in UTC with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType({
  ...DateTimeResolver.toConfig(),
  name: 'DateTime',
  description: 'An ISO-8601 date-time with offset, e.g. 2019-08-27T14:32:08.604Z.',
  serialize: (value) => {
    const date = value instanceof Date ? value : new Date(String(value));
    return date.toISOString();
  },
});

export const SafeIntScalar = new GraphQLScalarType({
  ...SafeIntResolver.toConfig(),
  name: 'SafeInt',
  description: 'An integer between -(2^53-1) and 2^53-1: money in minor units never overflows 32 bits.',
});
