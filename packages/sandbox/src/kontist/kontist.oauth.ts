import express, { type Request, type Router } from 'express';
import { paramOf } from '../query';
import type { KontistState } from './kontist.state';

/** The sandbox's one OAuth client; `sandboxEndpoints` gives it to the gateway. */
export const KONTIST_OAUTH_CLIENT = { id: 'sandbox-client', secret: 'sandbox-secret' } as const;

/** The user the authorize page signs in and approves at once. */
const APPROVING_USER = 'alice';

function isAbsoluteUrl(text: string): boolean {
  try {
    return new URL(text).protocol.length > 0;
  } catch {
    return false;
  }
}

function decodeFormPart(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** RFC 6749 lets a client authenticate with HTTP Basic or with body parameters. */
function clientOf(req: Request): { id?: string; secret?: string } {
  const basic = /^Basic +(\S+)$/i.exec(req.get('authorization') ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const separator = decoded.indexOf(':');
    if (separator >= 0) {
      return {
        id: decodeFormPart(decoded.slice(0, separator)),
        secret: decodeFormPart(decoded.slice(separator + 1)),
      };
    }
  }
  const body = req.body as Record<string, unknown> | undefined;
  return { id: paramOf(body, 'client_id'), secret: paramOf(body, 'client_secret') };
}

/** `/api/oauth/authorize` and `/api/oauth/token`, reachable without a token. */
export function createKontistOAuthRouter(state: KontistState, routes: { authorize: string; token: string }): Router {
  const router = express.Router();

  router.get(routes.authorize, (req, res) => {
    const clientId = paramOf(req.query, 'client_id');
    const redirectUri = paramOf(req.query, 'redirect_uri');
    if (clientId !== KONTIST_OAUTH_CLIENT.id) {
      res.status(400).json({ error: 'invalid_client' });
      return;
    }
    if (paramOf(req.query, 'response_type') !== 'code') {
      res.status(400).json({ error: 'unsupported_response_type' });
      return;
    }
    if (redirectUri === undefined || !isAbsoluteUrl(redirectUri)) {
      res.status(400).json({ error: 'invalid_request', message: 'redirect_uri must be an absolute URL' });
      return;
    }
    const code = state.grants.issueCode({
      user: APPROVING_USER,
      clientId,
      redirectUri,
      scope: paramOf(req.query, 'scope') ?? '',
    });
    const target = new URL(redirectUri);
    target.searchParams.set('code', code);
    const stateParam = paramOf(req.query, 'state');
    if (stateParam !== undefined) {
      target.searchParams.set('state', stateParam);
    }
    res.redirect(302, target.toString());
  });

  router.post(routes.token, express.urlencoded({ extended: false }), express.json(), (req, res) => {
    res.set('Cache-Control', 'no-store');
    const client = clientOf(req);
    if (client.id !== KONTIST_OAUTH_CLIENT.id || client.secret !== KONTIST_OAUTH_CLIENT.secret) {
      res.status(401).json({ error: 'invalid_client' });
      return;
    }
    const body = req.body as Record<string, unknown> | undefined;
    const grantType = paramOf(body, 'grant_type');
    if (grantType === 'authorization_code') {
      const grant = state.grants.redeemCode(paramOf(body, 'code') ?? '');
      if (!grant || grant.clientId !== client.id || grant.redirectUri !== paramOf(body, 'redirect_uri')) {
        res.status(400).json({ error: 'invalid_grant' });
        return;
      }
      res.json(state.grants.issueTokens(grant));
      return;
    }
    if (grantType === 'refresh_token') {
      const tokens = state.grants.refresh(paramOf(body, 'refresh_token') ?? '', client.id);
      if (!tokens) {
        res.status(400).json({ error: 'invalid_grant' });
        return;
      }
      res.json(tokens);
      return;
    }
    res.status(400).json({ error: grantType === undefined ? 'invalid_request' : 'unsupported_grant_type' });
  });

  return router;
}
