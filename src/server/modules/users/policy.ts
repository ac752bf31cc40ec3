import type { TAbility } from '../../../domain/abilities';
import { isSeparationRole, type TRole } from '../../../domain/roles';
import type { TAnyCtx } from '../../context';
import { AppError } from '../../http/errors';
import { authorize } from '../../policy';

const USER_ACTIONS = {
  read: 'user.read',
  create: 'user.manage',
  update: 'user.manage',
  resetPassword: 'user.manage',
  setRole: 'user.security',
  unlock: 'user.security',
} as const satisfies Record<string, TAbility>;

export type TUserAction = keyof typeof USER_ACTIONS;

/**
 * `target` is the user's org (scope) and role. The 三员 accounts are managed only from the
 * command line by the installer: no web role creates, edits or resets another 三员 account.
 * The CLI acts as the system (actor null) and is not checked here.
 */
export function authorizeUser(
  ctx: TAnyCtx,
  action: TUserAction,
  target?: { orgPath: string; role: TRole; userId?: number } | null,
): void {
  if (!ctx.actor) return;
  authorize(ctx.actor, USER_ACTIONS[action], target === undefined ? undefined : target === null ? null : { path: target.orgPath });
  if (action === 'read' || !target) return;
  if (isSeparationRole(target.role)) throw new AppError('FORBIDDEN');
  if (target.userId === ctx.actor.userId) throw new AppError('SELF_ACTION_FORBIDDEN');
}
