import 'reflect-metadata';

// graphql-js outside production checks every `instanceof` it makes a second way, to warn
// about two copies of graphql in node_modules: 7 % of the CPU of a suite that starts a
// gateway. The suites load it as production does (`npm run start:prod`, the benchmarks);
// test/schema/graphql-copies.test.ts guards against the two copies instead.
const nodeEnv = process.env.NODE_ENV;
process.env.NODE_ENV = 'production';
require('graphql');
process.env.NODE_ENV = nodeEnv;
