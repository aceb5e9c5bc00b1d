/** Finds which route template (`/api/accounts/:id`) a request path belongs to. */
export type RouteTemplateMatcher = (path: string) => string | undefined;

function toPattern(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) => (segment.startsWith(':') ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * `formatSuffixes` are stripped first (Bankimport answers `/bank-accounts.xml` on the
 * same route as `/bank-accounts`); a trailing slash is ignored as Express ignores it.
 */
export function createRouteTemplateMatcher(
  templates: readonly string[],
  formatSuffixes: readonly string[] = [],
): RouteTemplateMatcher {
  const patterns = templates.map((template) => ({ template, pattern: toPattern(template) }));
  return (path) => {
    let normalized = path.length > 1 ? path.replace(/\/+$/, '') : path;
    const suffix = formatSuffixes.find((candidate) => normalized.endsWith(candidate));
    if (suffix) {
      normalized = normalized.slice(0, -suffix.length);
    }
    return patterns.find(({ pattern }) => pattern.test(normalized))?.template;
  };
}
