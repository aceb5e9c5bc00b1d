import type { RefusalReader } from '../http';

/** Kontomatik refuses with `<exception name="SessionNotSignedIn">words</exception>`. */
export const kontomatikRefusal: RefusalReader = (body) => {
  const exception = /<exception(?:\s+name="([^"]{1,100})")?[^>]*?(?:\/>|>([^<]{0,4000})<\/exception>)/.exec(body);
  if (!exception) {
    return undefined;
  }
  return { name: exception[1], text: [exception[1], exception[2]?.trim()].filter(Boolean).join(': ') };
};
