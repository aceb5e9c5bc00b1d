import pino, { type DestinationStream, type Logger } from 'pino';

import type { ProviderDescriptor } from '../providers/descriptor';
import { createRedaction } from './redaction';

/**
 * Paths pino blanks out wherever they appear in a log line: the banks' credentials in
 * headers and connection params (from their descriptors), and the arguments that carry
 * secrets (CONTRACT.md, Credentials).
 */
export function redactedPaths(banks: readonly ProviderDescriptor[]): string[] {
  const credentials = banks.flatMap(({ credentials: spec }) => (spec ? [spec] : []));
  return [
    ...credentials.flatMap(({ header, connectionInitKey }) => [
      `req.headers[${JSON.stringify(header.toLowerCase())}]`,
      `headers[${JSON.stringify(header.toLowerCase())}]`,
      `*.${connectionInitKey}`,
    ]),
    ...secretPaths,
  ];
}

const secretPaths = [
  'req.headers.authorization',
  'req.headers.cookie',
  'headers.authorization',
  'connectionParams',
  'variables',
  '*.authorization',
  '*.Authorization',
  '*.secret',
  '*.password',
  '*.token',
  '*.accessToken',
  '*.refreshToken',
  '*.authorizationToken',
  '*.multipleAccessToken',
  '*.sessionIdSignature',
  '*.clientSecret',
  '*.apiKey',
];

/** The gateway's logger; `providers` are the banks whose credential headers and keys it redacts. */
export function createLogger(
  level: string,
  destination?: DestinationStream,
  providers: readonly ProviderDescriptor[] = [],
): Logger {
  const redaction = createRedaction(redactedPaths(providers), '[redacted]', ['err']);
  return redaction.coverChildren(
    pino(
      {
        level,
        base: { service: 'banking-gateway' },
        redact: { paths: redaction.paths, censor: '[redacted]' },
        formatters: { log: redaction.log },
        // ioredis puts the whole command on its errors (`command.args`): a stored record.
        serializers: { err: redaction.serialized(withoutCommand) },
        timestamp: pino.stdTimeFunctions.isoTime,
      },
      destination,
    ),
  );
}

function withoutCommand(error: Error): unknown {
  const serialized = pino.stdSerializers.err(error) as unknown as Record<string, unknown>;
  if (serialized && typeof serialized === 'object') {
    delete serialized.command;
    delete serialized.args;
  }
  return serialized;
}
