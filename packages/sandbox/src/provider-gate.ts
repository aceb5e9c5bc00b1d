import type { RequestHandler } from 'express';
import { holdBackAnswer, spoilAnswer } from './after-write';
import type { Faults } from './faults';
import type { ProviderName } from './provider';
import { createRouteTemplateMatcher } from './route-template';
import type { Stats } from './stats';

export interface ProviderGateOptions {
  provider: ProviderName;
  /** The provider's route templates, as its docs write them. */
  routes: readonly string[];
  /** Path endings that choose a format rather than a route, e.g. `.xml`. */
  formatSuffixes?: readonly string[];
  stats: Stats;
  faults: Faults;
}

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Runs in front of a provider's routes: counts the request first (so that rejected and
 * faulted requests count too), then plays the provider's configured faults: those before
 * the route runs, and `afterWrite` on the answer of a write the route carried out.
 */
export function createProviderGate(options: ProviderGateOptions): RequestHandler {
  const { provider, stats, faults } = options;
  const templateOf = createRouteTemplateMatcher(options.routes, options.formatSuffixes);
  return (req, res, next) => {
    stats.record(provider, req.method, templateOf(req.path) ?? req.path);
    const fault = faults.get(provider);
    if (fault.down) {
      req.socket.destroy();
      return;
    }
    const answer = (): void => {
      if (fault.errorRate > 0 && Math.random() < fault.errorRate) {
        res.status(fault.status).json({ error: 'injected fault' });
        return;
      }
      if (fault.afterWrite && WRITES.has(req.method)) {
        holdBackAnswer(res, (held) => {
          // A refused write executed nothing, so its answer is the truth and goes out as it is.
          const spoiler = held.status >= 200 && held.status < 300 ? faults.claimAfterWrite(provider) : undefined;
          if (spoiler) {
            spoilAnswer(spoiler, held, req, res);
          } else {
            held.send();
          }
        });
      }
      next();
    };
    if (fault.latencyMs > 0) {
      // Never what keeps a process alive: a test's last request may still be held.
      setTimeout(answer, fault.latencyMs).unref();
    } else {
      answer();
    }
  };
}
