import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Router } from 'express';
import { paramOf } from '../query';
import { createKontomatikCommandRouter } from './kontomatik.commands.routes';
import { KONTOMATIK_API_KEY } from './kontomatik.data';
import { createKontomatikBankPageRouter, createKontomatikSignInRouter } from './kontomatik.signin.routes';
import type { KontomatikState } from './kontomatik.state';
import type { KontomatikCatalogPayload, KontomatikErrorPayload, KontomatikHealthPayload } from './kontomatik.wire';
import { respondXmlException } from './kontomatik.xml';

/** Route templates as Kontomatik's OpenAPI writes them; the stats count requests under these. */
export const KONTOMATIK_ROUTES = {
  catalog: '/ais-catalog',
  health: '/health',
  signIn: '/signin/redirection',
  signInStatus: '/signin/redirection-status',
  /** The sandbox bank's sign-in page, where `redirectUrl` leads; not in the OpenAPI. */
  bankPage: '/signin/bank/:sessionId',
  mockSession: '/mock-session.xml',
  // Before `command`: the stats take the first template that matches, and `:id.xml` matches these too.
  defaultImport: '/command/default-import.xml',
  reuseMultipleAccess: '/command/reuse-multiple-access.xml',
  deleteMultipleAccess: '/command/delete-multiple-access.xml',
  command: '/command/:id.xml',
} as const;

/** Command routes answer in XML, errors included; the rest in JSON. */
function wantsXml(req: Request): boolean {
  return req.path.endsWith('.xml');
}

const requireApiKey: RequestHandler = (req, res, next) => {
  if (req.get('x-api-key') !== KONTOMATIK_API_KEY) {
    if (wantsXml(req)) {
      respondXmlException(res, 401, 'Unauthorized', 'A valid X-Api-Key header is required');
    } else {
      res.status(401).json({ error: 'unauthorized' });
    }
    return;
  }
  next();
};

/** Bodies that cannot be read (malformed JSON, too large) are answered as Kontomatik answers bad input. */
const handleBodyError: ErrorRequestHandler = (error: unknown, req, res, next) => {
  const status = (error as { status?: unknown }).status;
  if (typeof status !== 'number' || status < 400 || status >= 500) {
    next(error);
    return;
  }
  const message = 'The request body could not be read';
  if (wantsXml(req)) {
    respondXmlException(res, status, 'InvalidRequest', message);
  } else {
    const body: KontomatikErrorPayload = { error: 'InvalidRequest', message };
    res.status(status).json(body);
  }
};

export function createKontomatikRouter(state: KontomatikState): Router {
  const router = express.Router();

  // The OpenAPI marks only the health check as open (`security: []`).
  router.get(KONTOMATIK_ROUTES.health, (_req, res) => {
    const body: KontomatikHealthPayload = { status: 'UP' };
    res.json(body);
  });
  // The end user's browser opens the bank page; it has no API key.
  router.use(createKontomatikBankPageRouter(state, KONTOMATIK_ROUTES));

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
  router.use(createKontomatikSignInRouter(state, KONTOMATIK_ROUTES));
  router.use(createKontomatikCommandRouter(state, KONTOMATIK_ROUTES));

  router.use((req, res) => {
    if (wantsXml(req)) {
      respondXmlException(res, 404, 'NotFound', 'No such route');
      return;
    }
    res.status(404).json({ error: 'not_found' });
  });
  router.use(handleBodyError);
  return router;
}
