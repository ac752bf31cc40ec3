import { BUSINESS_ABILITIES, can, type TAbility } from '../domain/abilities';
import { isSeparationRole } from '../domain/roles';
import type { TActor } from './context';
import { AppError } from './http/errors';

/** Is an org (by its materialised path) inside the actor's org subtree? */
export function inScope(actor: Pick<TActor, 'scopePath'>, orgPath: string): boolean {
  return orgPath.startsWith(actor.scopePath);
}

/** `LIKE` pattern selecting the actor's subtree (paths hold only digits and slashes). */
export function scopePattern(actor: Pick<TActor, 'scopePath'>): string {
  return `${actor.scopePath}%`;
}

/**
 * The one gate every module's policy goes through. A resource outside the actor's scope is
 * NOT_FOUND (never revealing that it exists); a missing ability is FORBIDDEN, and a business
 * ability asked for by one of the 三员 is SEPARATION_OF_DUTIES.
 */
export function authorize(actor: TActor, ability: TAbility, resource?: { path: string } | null): void {
  if (resource !== undefined && (resource === null || !inScope(actor, resource.path))) throw new AppError('NOT_FOUND');
  if (can(actor.role, ability)) return;
  if (isSeparationRole(actor.role) && BUSINESS_ABILITIES.includes(ability)) throw new AppError('SEPARATION_OF_DUTIES');
  throw new AppError('FORBIDDEN');
}
