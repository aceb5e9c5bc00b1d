/**
 * Kontomatik's refusals (`<exception name="…">`) whose stable code is not simply their
 * name in UPPER_SNAKE (kontomatik-ais-api.md: consents).
 */
export const kontomatikReasons: Readonly<Record<string, string>> = {
  MultipleAccessRevoked: 'CONSENT_REVOKED',
  InvalidMultipleAccessToken: 'CONSENT_INVALID',
};
