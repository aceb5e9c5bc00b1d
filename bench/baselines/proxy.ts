import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * The floor for one hop: a node:http server that answers any request by calling the
 * sandbox's `GET /kontist/api/accounts` with the caller's Kontist credentials over a
 * keep-alive connection and sending back the sandbox's JSON unchanged.
 */
export function createProxy(sandboxUrl: string): { listen(port: number): Promise<string>; close(): Promise<void> } {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
  const upstream = new URL(`${sandboxUrl}/kontist/api/accounts`);
  const server = http.createServer((req, res) => {
    // Read (and drop) the GraphQL body, as a real hop would.
    req.resume();
    req.on('end', () => {
      const call = http.request(
        upstream,
        { agent, headers: { Authorization: String(req.headers['x-kontist-authorization'] ?? '') } },
        (answer) => {
          const length = answer.headers['content-length'];
          res.writeHead(answer.statusCode ?? 502, {
            'Content-Type': 'application/json',
            ...(length ? { 'Content-Length': length } : {}),
          });
          answer.pipe(res);
        },
      );
      call.on('error', () => {
        res.writeHead(502).end();
      });
      call.end();
    });
  });
  return {
    listen(port) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      });
    },
    close() {
      agent.destroy();
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
