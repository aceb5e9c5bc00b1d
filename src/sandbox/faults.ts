import { PROVIDERS, isProviderName, type ProviderName } from './provider';

export interface FaultSettings {
  provider: ProviderName;
  /** Delay before every answer. @default 0 */
  latencyMs: number;
  /** Fraction of answers replaced by `status`; 1 means all. @default 0 */
  errorRate: number;
  /** @default 503 */
  status: number;
  /** Reset every connection without an answer. @default false */
  down: boolean;
}

export interface Faults {
  get(provider: ProviderName): FaultSettings;
  set(settings: FaultSettings): void;
  list(): FaultSettings[];
  clear(): void;
}

const MAX_LATENCY_MS = 600_000;

function noFaults(provider: ProviderName): FaultSettings {
  return { provider, latencyMs: 0, errorRate: 0, status: 503, down: false };
}

export function createFaults(): Faults {
  const settings = new Map<ProviderName, FaultSettings>();
  return {
    get: (provider) => settings.get(provider) ?? noFaults(provider),
    set: (next) => {
      settings.set(next.provider, { ...next });
    },
    list: () => PROVIDERS.map((provider) => ({ ...(settings.get(provider) ?? noFaults(provider)) })),
    clear: () => settings.clear(),
  };
}

const FIELDS = new Set(['provider', 'latencyMs', 'errorRate', 'status', 'down']);

/** Validates a `PUT /sandbox/faults` body: the settings, or the reason it is refused. */
export function parseFaultSettings(body: unknown): FaultSettings | { error: string } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { error: 'body must be a JSON object' };
  }
  const input = body as Record<string, unknown>;
  const unknown = Object.keys(input).find((key) => !FIELDS.has(key));
  if (unknown !== undefined) {
    return { error: `unknown field ${unknown}` };
  }
  if (!isProviderName(input.provider)) {
    return { error: `provider must be one of ${PROVIDERS.join(', ')}` };
  }
  const settings = noFaults(input.provider);
  const { latencyMs, errorRate, status, down } = input;
  if (latencyMs !== undefined) {
    if (!Number.isInteger(latencyMs) || (latencyMs as number) < 0 || (latencyMs as number) > MAX_LATENCY_MS) {
      return { error: `latencyMs must be an integer from 0 to ${MAX_LATENCY_MS}` };
    }
    settings.latencyMs = latencyMs as number;
  }
  if (errorRate !== undefined) {
    if (typeof errorRate !== 'number' || !(errorRate >= 0 && errorRate <= 1)) {
      return { error: 'errorRate must be a number from 0 to 1' };
    }
    settings.errorRate = errorRate;
  }
  if (status !== undefined) {
    if (!Number.isInteger(status) || (status as number) < 400 || (status as number) > 599) {
      return { error: 'status must be an HTTP error status from 400 to 599' };
    }
    settings.status = status as number;
  }
  if (down !== undefined) {
    if (typeof down !== 'boolean') {
      return { error: 'down must be a boolean' };
    }
    settings.down = down;
  }
  return settings;
}
