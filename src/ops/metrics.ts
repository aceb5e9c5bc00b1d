import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The gateway's Prometheus metrics; one registry per server so instances never mix. */
export interface Metrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'status'>;
  readonly operations: Histogram<'type' | 'outcome' | 'operation'>;
  readonly upstreamCalls: Histogram<'provider' | 'outcome'>;
  readonly upstreamDeduplicated: Counter<'provider'>;
  readonly circuitState: Gauge<'provider'>;
  readonly openSubscriptions: Gauge;
  readonly activePollers: Gauge<'kind'>;
  readonly importPolls: Counter<'provider'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return {
    registry,
    httpRequests: new Counter({
      name: 'gateway_http_requests_total',
      help: 'HTTP requests by method and status code.',
      labelNames: ['method', 'status'],
      registers: [registry],
    }),
    operations: new Histogram({
      name: 'gateway_graphql_operation_duration_seconds',
      help: 'GraphQL operations over HTTP by type (query, mutation, subscription), outcome (ok, error) and operation name (a bounded set: the first METRICS_MAX_OPERATIONS names, then (other); (anonymous) without one).',
      labelNames: ['type', 'outcome', 'operation'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamCalls: new Histogram({
      name: 'gateway_upstream_call_duration_seconds',
      help: 'Calls to providers by provider and outcome.',
      labelNames: ['provider', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    upstreamDeduplicated: new Counter({
      name: 'gateway_upstream_deduplicated_total',
      help: 'Reads that joined an identical call already in flight instead of calling the provider again.',
      labelNames: ['provider'],
      registers: [registry],
    }),
    circuitState: new Gauge({
      name: 'gateway_upstream_circuit_state',
      help: 'Circuit breaker state per provider: 0 closed, 1 half-open, 2 open.',
      labelNames: ['provider'],
      registers: [registry],
    }),
    openSubscriptions: new Gauge({
      name: 'gateway_open_subscriptions',
      help: 'GraphQL subscriptions currently open, over the WebSocket, Server-Sent Events and multipart HTTP.',
      registers: [registry],
    }),
    activePollers: new Gauge({
      name: 'gateway_active_pollers',
      help: 'Pollers this instance runs: import (one per watched import), transactions (one per account and credentials) and confirmation (one per watched or unresolved confirmation).',
      labelNames: ['kind'],
      registers: [registry],
    }),
    importPolls: new Counter({
      name: 'gateway_import_polls_total',
      help: 'Times this instance asked a provider where an import stands.',
      labelNames: ['provider'],
      registers: [registry],
    }),
  };
}
