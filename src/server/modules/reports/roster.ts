import type { TLeadershipGroup } from '../../../domain/leadership/schemas';
import type { TDocBlock } from '../../../domain/reports/document';
import { sentence } from '../../../domain/reports/text';
import { label } from '../../../domain/i18n';

/**
 * A leadership group as the seed prints it: one line per member, the role (组长/副组长/成员)
 * on the first line of each role and aligned continuation lines under it, then where the
 * group's office sits and who directs it.
 */
export function rosterBlocks(group: TLeadershipGroup): TDocBlock[] {
  const out: TDocBlock[] = [];
  let prev: string | null = null;
  for (const m of group.members) {
    const prefix = m.role === prev ? label('rpt.roster.indent') : label(`rpt.roster.${m.role}`);
    prev = m.role;
    out.push({ kind: 'line', text: `${prefix}${m.name}${m.post ? `\u3000${m.post}` : ''}` });
  }
  if (group.officeLocation || group.officeDirector) {
    const director = group.officeDirector ? sentence('rpt.roster.director', { name: group.officeDirector }) : '';
    out.push({ kind: 'p', text: sentence('rpt.roster.office', { location: group.officeLocation ?? '', director }) });
  }
  return out;
}
