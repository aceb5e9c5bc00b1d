/**
 * Kontomatik's JSON wire format as the sandbox writes it, spelled as the AIS OpenAPI
 * spells it (../shared/providers/kontomatik-ais-api.md, components/schemas). The XML
 * command replies (`CommandAccepted`, `CommandResult`, `MockSession`) are written
 * element by element in kontomatik.format.ts. Written from the docs, never from the
 * gateway's client: the contract tests (test/providers/kontomatik/) check both.
 */

export type KontomatikAccessMode = 'SINGLE' | 'MULTIPLE' | 'MIXED';

/** One bank of `GET /ais-catalog`. */
export interface KontomatikTargetPayload {
  id: string;
  /** `PL` */
  country: string;
  name: string;
  accessModes: KontomatikAccessMode[];
}

/** `GET /ais-catalog` (`AisCatalog`) */
export interface KontomatikCatalogPayload {
  targets: KontomatikTargetPayload[];
}

/** `GET /health`; the OpenAPI names no body, the sandbox answers `{"status": "UP"}`. */
export interface KontomatikHealthPayload {
  status: string;
}

/** `POST /signin/redirection` (`RedirectionSignInResponse`) */
export interface KontomatikSignInPayload {
  sessionId: string;
  sessionIdSignature: string;
  redirectUrl: string;
}

/** `GET /signin/redirection-status?sessionId=…` (`RedirectionSignInStatus`) */
export interface KontomatikSignInStatusPayload {
  sessionId: string;
  status: 'PENDING' | 'COMPLETED' | 'FAILED' | 'EXPIRED';
}

/** A refusal of a JSON route: `{"error": "UnknownTarget", "message": "…"}`. */
export interface KontomatikErrorPayload {
  error: string;
  message: string;
}
