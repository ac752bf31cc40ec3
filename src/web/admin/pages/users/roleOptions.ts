import type { TLabelKey } from '../../../../domain/i18n';
import { ROLES, ROLE_ORG_KINDS, isSeparationRole, type TOrgKind, type TRole } from '../../../../domain/roles';

/**
 * Roles the web may give a user of an org of this kind (any kind when it is unknown). Never the
 * 三员: those accounts are made on the command line only, and the server refuses them here.
 */
export function rolesFor(kind: TOrgKind | undefined): TRole[] {
  return ROLES.filter((r) => !isSeparationRole(r) && (!kind || ROLE_ORG_KINDS[r].includes(kind)));
}

export function roleOptions(roles: readonly TRole[], t: (key: TLabelKey) => string) {
  return roles.map((r) => ({ value: r, label: t(`role.${r}`) }));
}
