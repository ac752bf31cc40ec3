/**
 * Leadership groups (领导小组, DESIGN §3 "orgs"): per org and topic, a named group with its
 * office (where it sits, who directs it) and its members in order — 组长, 副组长, 成员.
 */
import { z } from 'zod';

export const LEADERSHIP_TOPICS = ['teacher_burden', 'student_burden', 'enterprise_burden'] as const;
export type TLeadershipTopic = (typeof LEADERSHIP_TOPICS)[number];

export const LEADERSHIP_ROLES = ['leader', 'deputy', 'member'] as const;
export type TLeadershipRole = (typeof LEADERSHIP_ROLES)[number];

const text = (max: number) => z.string().trim().max(max);

export const ZLeadershipMember = z.strictObject({
  role: z.enum(LEADERSHIP_ROLES),
  name: text(50).min(1),
  post: text(100).default(''),
});

/** A group as saved: members in the order given; at least one 组长, 组长 and 副组长 before 成员. */
export const ZLeadershipGroupInput = z
  .strictObject({
    name: text(100).min(2),
    officeLocation: text(200).nullable().default(null),
    officeDirector: text(50).nullable().default(null),
    members: z.array(ZLeadershipMember).min(1).max(80),
  })
  .superRefine((g, ctx) => {
    if (!g.members.some((m) => m.role === 'leader')) ctx.addIssue({ code: 'custom', path: ['members'], message: 'a group needs a leader (组长)' });
    const rank = { leader: 0, deputy: 1, member: 2 } as const;
    g.members.forEach((m, i) => {
      const prev = g.members[i - 1];
      if (prev && rank[prev.role] > rank[m.role]) ctx.addIssue({ code: 'custom', path: ['members', i, 'role'], message: 'list 组长, then 副组长, then 成员' });
    });
  });
export type TLeadershipGroupInput = z.input<typeof ZLeadershipGroupInput>;
export type TLeadershipGroupData = z.output<typeof ZLeadershipGroupInput>;

export interface TLeadershipGroup {
  topic: TLeadershipTopic;
  name: string;
  officeLocation: string | null;
  officeDirector: string | null;
  members: { role: TLeadershipRole; name: string; post: string }[];
  updatedAt: string;
}
