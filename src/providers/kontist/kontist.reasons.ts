/** Kontist's refusals (`{"error": "…"}`) whose stable code is not simply their name in UPPER_SNAKE. */
export const kontistReasons: Readonly<Record<string, string>> = {
  authorization_token_required: 'TAN_REQUIRED',
  invalid_tan: 'TAN_INVALID',
};
