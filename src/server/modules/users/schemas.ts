import { z } from 'zod';
import { ROLES } from '../../../domain/roles';
import { ZPage } from '../../http/schemas';

export const ZUsername = z
  .string()
  .trim()
  .min(3)
  .max(32)
  .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/);

export const ZUserCreate = z.object({
  username: ZUsername,
  displayName: z.string().trim().min(1).max(50),
  orgId: z.number().int().positive(),
  role: z.enum(ROLES),
});
export type TUserCreate = z.infer<typeof ZUserCreate>;

export const ZUserUpdate = z
  .object({
    displayName: z.string().trim().min(1).max(50),
    orgId: z.number().int().positive(),
    status: z.enum(['active', 'disabled']),
    role: z.enum(ROLES),
  })
  .partial()
  .strict();
export type TUserUpdate = z.infer<typeof ZUserUpdate>;

export const ZUserQuery = ZPage.extend({
  orgId: z.coerce.number().int().positive().optional(),
  q: z.string().trim().max(50).optional(),
  role: z.enum(ROLES).optional(),
  status: z.enum(['active', 'disabled']).optional(),
});

export const ZUser = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.string(),
  orgId: z.number(),
  orgName: z.string(),
  status: z.string(),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
