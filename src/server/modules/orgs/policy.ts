import type { TAbility } from '../../../domain/abilities';
import type { TActor } from '../../context';
import { authorize } from '../../policy';

const ORG_ACTIONS = {
  read: 'org.read',
  create: 'org.manage',
  update: 'org.manage',
  readTeachers: 'teacher.read',
} as const satisfies Record<string, TAbility>;

export type TOrgAction = keyof typeof ORG_ACTIONS;

/** Who may do what to an org. `org` is the target (for create: the parent). */
export function authorizeOrg(actor: TActor, action: TOrgAction, org?: { path: string } | null): void {
  authorize(actor, ORG_ACTIONS[action], org);
}
