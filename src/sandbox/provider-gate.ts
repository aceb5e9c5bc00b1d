import type { RequestHandler } from 'express';
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

/**
 * Runs in front of a provider's routes: counts the request first (so that rejected and
 * faulted requests count too), then plays the provider's configured faults.
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
      next();
    };
    if (fault.latencyMs > 0) {
      setTimeout(answer, fault.latencyMs);
    } else {
      answer();
    }
  };
}
