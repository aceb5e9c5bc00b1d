/** graphql-js's "did you mean" hint, e.g. ` Did you mean "banks"?` or ` Did you mean the enum value "X"?`. */
const SUGGESTION = / Did you mean [^?]*\?/g;

/**
 * An error message without graphql-js's suggestions: they would spell out the schema
 * field by field to anyone guessing names, also when introspection is off.
 */
export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, '');
}
