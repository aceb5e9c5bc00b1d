import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log line: credentials in headers and
 * connection params, and the arguments that carry secrets (CONTRACT.md, Credentials).
 */
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-kontist-authorization"]',
  'req.headers["x-bankimport-token"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-kontist-authorization"]',
  'headers["x-bankimport-token"]',
  'connectionParams',
  'variables',
  '*.authorization',
  '*.Authorization',
  '*.kontistAuthorization',
  '*.bankimportToken',
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

export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'banking-gateway' },
      redact: { paths: redactedPaths, censor: '[redacted]' },
      // ioredis puts the whole command on its errors (`command.args`): a stored record.
      serializers: { err: withoutCommand },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
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
