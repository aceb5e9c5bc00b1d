import 'reflect-metadata';

import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { banks } from '../providers/registry';
import { buildGatewaySchema } from './build-schema';
import { printGatewaySchema } from './print';

/** `npm run schema`: writes the schema the code builds to the committed schema.graphql. */
async function main(): Promise<void> {
  const target = resolve(__dirname, '../../schema.graphql');
  writeFileSync(target, printGatewaySchema(await buildGatewaySchema(banks)));
  console.log(`schema written to ${target}`);
}

void main();
