import type { RefusalReader } from '../http';

/**
 * Bankimport's XML refusals are Rails': `<errors><error>…</error></errors>`, or a Hash's
 * `to_xml` with words for people, `<hash><error>hbci_login_failed</error><message>…</message></hash>`.
 * The code is the refusal's name (as JSON's `{"error": code, "message": …}` is).
 */
export const bankimportRefusal: RefusalReader = (body) => {
  const code = /<error[^>]*>([^<]{1,4000})<\/error>/.exec(body)?.[1]?.trim();
  if (code === undefined) {
    return undefined;
  }
  const message = /<message[^>]*>([^<]{1,4000})<\/message>/.exec(body)?.[1]?.trim();
  return { name: code, text: message ? `${code}: ${message}` : code };
};
