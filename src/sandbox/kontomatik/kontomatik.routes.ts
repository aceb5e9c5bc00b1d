import express, { type RequestHandler, type Router } from 'express';
import type { KontomatikCatalogPayload, KontomatikHealthPayload } from '../../providers/kontomatik/kontomatik.payloads';
import { paramOf } from '../query';
import { KONTOMATIK_API_KEY } from './kontomatik.data';
import type { KontomatikState } from './kontomatik.state';

/** Route templates as Kontomatik's OpenAPI writes them; the stats count requests under these. */
export const KONTOMATIK_ROUTES = {
  catalog: '/ais-catalog',
  health: '/health',
} as const;

const requireApiKey: RequestHandler = (req, res, next) => {
  if (req.get('x-api-key') !== KONTOMATIK_API_KEY) {
    res.status(401).json({ error: 'unauthorized' });
    return;
  }
  next();
};

export function createKontomatikRouter(state: KontomatikState): Router {
  const router = express.Router();

  // The OpenAPI marks only the health check as open (`security: []`).
  router.get(KONTOMATIK_ROUTES.health, (_req, res) => {
    const body: KontomatikHealthPayload = { status: 'UP' };
    res.json(body);
  });

  router.use(requireApiKey);

  router.get(KONTOMATIK_ROUTES.catalog, (req, res) => {
    const country = paramOf(req.query, 'country')?.toUpperCase();
    const body: KontomatikCatalogPayload = {
      targets: state.catalog
        .filter((target) => country === undefined || target.country === country)
        .map((target) => ({ ...target, accessModes: [...target.accessModes] })),
    };
    res.json(body);
  });

  router.use((_req, res) => {
    res.status(404).json({ error: 'not_found' });
  });
  return router;
}
