import { z } from 'zod';

/**
 * Kontomatik's wire format (../shared/providers/kontomatik-ais-api.md): a JSON catalog,
 * XML command replies, form-encoded command bodies, `X-Api-Key` on every call.
 */

export const kontomatikAccessModeSchema = z.enum(['SINGLE', 'MULTIPLE', 'MIXED']);
export type KontomatikAccessMode = z.infer<typeof kontomatikAccessModeSchema>;

/** `GET /ais-catalog` */
export const kontomatikCatalogSchema = z.object({
  targets: z.array(
    z.object({
      id: z.string(),
      country: z.string(),
      name: z.string(),
      accessModes: z.array(kontomatikAccessModeSchema),
    }),
  ),
});
export type KontomatikCatalogPayload = z.infer<typeof kontomatikCatalogSchema>;

/** `GET /health` */
export const kontomatikHealthSchema = z.object({ status: z.string() });
export type KontomatikHealthPayload = z.infer<typeof kontomatikHealthSchema>;
