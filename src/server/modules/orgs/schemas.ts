import { z } from 'zod';
import { ORG_KINDS, SCHOOL_TYPES } from '../../../domain/roles';

const ZPhone = z.string().trim().max(40).regex(/^[0-9+\-() ]{5,40}$/);

export const ZOrgCreate = z.object({
  parentId: z.number().int().positive(),
  kind: z.enum(ORG_KINDS),
  name: z.string().trim().min(2).max(100),
  code: z.string().trim().toUpperCase().max(32).optional(),
  schoolType: z.enum(SCHOOL_TYPES).optional(),
  hotline: ZPhone.optional(),
  mailbox: z.string().trim().max(200).optional(),
});
export type TOrgCreate = z.infer<typeof ZOrgCreate>;

export const ZOrgUpdate = z
  .object({
    name: z.string().trim().min(2).max(100),
    hotline: ZPhone.nullable(),
    mailbox: z.string().trim().max(200).nullable(),
    status: z.enum(['active', 'disabled']),
  })
  .partial()
  .strict();
export type TOrgUpdate = z.infer<typeof ZOrgUpdate>;

export const ZOrg = z.object({
  id: z.number(),
  parentId: z.number().nullable(),
  kind: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  schoolType: z.string().nullable(),
  regionCode: z.string().nullable(),
  hotline: z.string().nullable(),
  mailbox: z.string().nullable(),
  status: z.string(),
});

export interface TOrgNode {
  id: number;
  parentId: number | null;
  kind: string;
  code: string | null;
  name: string;
  schoolType: string | null;
  status: string;
  children: TOrgNode[];
}
export const ZOrgNode: z.ZodType<TOrgNode> = z.lazy(() =>
  z.object({
    id: z.number(),
    parentId: z.number().nullable(),
    kind: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    schoolType: z.string().nullable(),
    status: z.string(),
    children: z.array(ZOrgNode),
  }),
);

export const ZTeacherListItem = z.object({
  id: z.number(),
  name: z.string(),
  gender: z.string(),
  birthDate: z.string(),
  idNumberMasked: z.string(),
  mobileMasked: z.string().nullable(),
  subject: z.string().nullable(),
  title: z.string().nullable(),
});
