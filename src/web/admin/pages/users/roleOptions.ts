import type { TLabelKey } from '../../../../domain/i18n';
import { ROLES, ROLE_ORG_KINDS, type TOrgKind, type TRole } from '../../../../domain/roles';

/** Roles that a user of an org of this kind may hold (all roles when the kind is unknown). */
export function rolesFor(kind: TOrgKind | undefined): TRole[] {
  return kind ? ROLES.filter((r) => ROLE_ORG_KINDS[r].includes(kind)) : [...ROLES];
}

export function roleOptions(roles: readonly TRole[], t: (key: TLabelKey) => string) {
  return roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
}
