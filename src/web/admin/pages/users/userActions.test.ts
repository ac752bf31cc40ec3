import { describe, expect, it } from 'vitest';
import { abilitiesOf, type TAbility } from '../../../../domain/abilities';
import { ORG_KINDS, ROLES, SEPARATION_ROLES, type TRole } from '../../../../domain/roles';
import type { TActor, TAnyCtx } from '../../../../server/context';
import { authorizeUser, type TUserAction as TServerAction } from '../../../../server/modules/users/policy';
import { rolesFor } from './roleOptions';
import { rowActions, type TUserAction } from './userColumns';

const canOf = (role: TRole) => (a: TAbility) => abilitiesOf(role).includes(a);
const SERVER_ACTION: Record<TUserAction, TServerAction> = { edit: 'update', reset: 'resetPassword', role: 'setRole', unlock: 'unlock' };

/** Whether the server's user policy lets a viewer of `role` do `action` to a user of `target` role (same org, in scope). */
function serverAllows(role: TRole, action: TUserAction, target: TRole): boolean {
  const actor = { userId: 1, role, orgPath: '/1/', scopePath: '/1/' } as TActor;
  try {
    authorizeUser({ actor } as TAnyCtx, SERVER_ACTION[action], { orgPath: '/1/2/', role: target, userId: 2 });
    return true;
  } catch {
    return false;
  }
}

describe('user management in the web follows the server policy', () => {
  it('never offers a 三员 role in the create or role dialogs', () => {
    for (const kind of [...ORG_KINDS, undefined]) {
      const roles = rolesFor(kind);
      expect(roles.filter((r) => (SEPARATION_ROLES as readonly TRole[]).includes(r)), String(kind)).toEqual([]);
    }
    expect(rolesFor('region')).toEqual(['leader']);
    expect(rolesFor('school')).toEqual(['school_admin', 'teacher']);
    expect(rolesFor(undefined)).toEqual(ROLES.filter((r) => !(SEPARATION_ROLES as readonly TRole[]).includes(r)));
  });

  it('offers no row action on a 三员 row, nor on one’s own', () => {
    for (const viewer of ROLES) {
      const can = canOf(viewer);
      for (const target of SEPARATION_ROLES) expect(rowActions({ id: 2, role: target, locked: true }, can, 1), `${viewer} → ${target}`).toEqual([]);
      expect(rowActions({ id: 1, role: 'teacher', locked: true }, can, 1)).toEqual([]);
    }
    expect(rowActions({ id: 2, role: 'teacher', locked: true }, canOf('secadmin'), 1)).toEqual(['role', 'unlock']);
    expect(rowActions({ id: 2, role: 'office', locked: false }, canOf('sysadmin'), 1)).toEqual(['edit', 'reset']);
  });

  it('offers an action exactly when the server would allow it (unlock only on a locked row)', () => {
    for (const viewer of ROLES) {
      for (const target of ROLES) {
        const offered = rowActions({ id: 2, role: target, locked: true }, canOf(viewer), 1);
        const allowed = (Object.keys(SERVER_ACTION) as TUserAction[]).filter((a) => serverAllows(viewer, a, target));
        expect(offered, `${viewer} → ${target}`).toEqual(allowed);
      }
    }
  });
});
