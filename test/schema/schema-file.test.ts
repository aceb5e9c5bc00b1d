import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  type GraphQLSchema,
} from 'graphql';

import { banks } from '../../src/providers/registry';
import { buildGatewaySchema } from '../../src/schema/build-schema';
import { printGatewaySchema } from '../../src/schema/print';

describe('schema.graphql', () => {
  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildGatewaySchema(banks);
  });

  it('is exactly what the code emits (run `npm run schema` after changing a type)', () => {
    const committed = readFileSync(join(__dirname, '../../schema.graphql'), 'utf8');
    expect(printGatewaySchema(schema)).toBe(committed);
  });

  it('describes every type, field, argument and enum value for the documentation explorer', () => {
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Boolean', 'Int', 'Float', 'ID'].includes(type.name)) {
        continue;
      }
      if (!type.description && !['Query', 'Mutation', 'Subscription'].includes(type.name)) {
        undocumented.push(type.name);
      }
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) {
            undocumented.push(`${type.name}.${field.name}`);
          }
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) {
              undocumented.push(`${type.name}.${field.name}(${arg.name})`);
            }
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) {
          if (!value.description) {
            undocumented.push(`${type.name}.${value.name}`);
          }
        }
      }
      if (isScalarType(type) && !type.description) {
        undocumented.push(type.name);
      }
    }
    expect(undocumented).toEqual([]);
  });
});
