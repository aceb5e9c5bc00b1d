/** The sandbox's alice, as a client sends her credentials. */
export const alice = {
  kontist: { 'X-Kontist-Authorization': 'Bearer sandbox-alice' },
  bankimport: { 'X-Bankimport-Token': 'sandbox-alice' },
  both: { 'X-Kontist-Authorization': 'Bearer sandbox-alice', 'X-Bankimport-Token': 'sandbox-alice' },
} as const;

/** alice's accounts as global ids. */
export const ACCOUNTS = {
  kontist: 'QWNjb3VudDpLT05USVNUOjQ3MTE',
  bankimportLarge: 'QWNjb3VudDpCQU5LSU1QT1JUOjc4NTYyNzg',
} as const;

export interface GraphQLAnswer<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** POSTs one operation and fails on any GraphQL error: a benchmark of errors proves nothing. */
export async function graphql<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as GraphQLAnswer<T>;
  if (body.errors?.length || !body.data) {
    throw new Error(`GraphQL answered ${response.status}: ${JSON.stringify(body.errors ?? body).slice(0, 500)}`);
  }
  return body.data;
}

/** `graphql`, timed in milliseconds. */
export async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

/** The sandbox's control routes (`/sandbox/*`). */
export function sandboxControl(sandboxUrl: string) {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandboxUrl}/sandbox${path}`, {
      method,
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      throw new Error(`${method} /sandbox${path}: ${response.status} ${await response.text()}`);
    }
    return response.status === 204 ? undefined : ((await response.json()) as unknown);
  };
  return {
    /** Upstream calls since the last reset, by `PROVIDER METHOD route`. */
    async stats(): Promise<Record<string, number>> {
      const { requests } = (await call('GET', '/stats')) as {
        requests: Array<{ provider: string; method: string; route: string; count: number }>;
      };
      return Object.fromEntries(requests.map((r) => [`${r.provider} ${r.method} ${r.route}`, r.count]));
    },
    resetStats: () => call('DELETE', '/stats').then(() => undefined),
    faults: (settings: { provider: string; latencyMs: number }) =>
      call('PUT', '/faults', settings).then(() => undefined),
    clearFaults: () => call('DELETE', '/faults').then(() => undefined),
    async latestTan(user: string): Promise<string> {
      const messages = (await call('GET', '/sms')) as Array<{ user: string; tan: string }>;
      const message = messages.find((m) => m.user === user);
      if (!message) {
        throw new Error(`no SMS for ${user}`);
      }
      return message.tan;
    },
  };
}

/** The sum and count of one Prometheus histogram in the gateway's `/metrics`, over all labels. */
export async function histogramTotals(gatewayUrl: string, name: string): Promise<{ sum: number; count: number }> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  let sum = 0;
  let count = 0;
  for (const line of text.split('\n')) {
    const [key, value] = line.split(' ');
    if (key?.startsWith(`${name}_sum`)) {
      sum += Number(value);
    } else if (key?.startsWith(`${name}_count`)) {
      count += Number(value);
    }
  }
  return { sum, count };
}
