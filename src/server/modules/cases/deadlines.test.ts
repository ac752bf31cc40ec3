/**
 * Deadlines come from data: `dueOn` = `receivedOn` + the rule set's `complaintReplyWorkingDays`
 * working days on the holiday calendar, and an office edit of either moves the deadline of the
 * next case (the cases already open keep theirs).
 */
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarOf, weekdayOf } from '../../../domain/cases/workingDays';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { useTestApp } from '../../testing/app';
import { loggedIn } from '../../testing/client';
import { DIALECTS } from '../../testing/db';
import { TEST_PASSWORD } from '../../testing/fixture';
import { loadRuleValues } from '../register/ruleContext';
import { fileComplaint } from './testkit';

for (const dialect of DIALECTS) {
  describe(`deadlines from the rule set and the calendar [${dialect}]`, () => {
    const t = useTestApp(dialect);
    const today = chinaToday();
    const year = Number(today.slice(0, 4));
    const calendar = async () => calendarOf(await t.deps.db.selectFrom('holidays').select(['date', 'kind']).execute());
    const dueOf = async (trackingNo: string) => (await t.deps.db.selectFrom('cases').select(['due_on', 'received_on']).where('tracking_no', '=', trackingNo).executeTakeFirstOrThrow());

    it('dueOn = addWorkingDays(receivedOn, complaintReplyWorkingDays, calendar), for the web and for staff entry', async () => {
      const days = (await loadRuleValues(t.deps.db, { regionPath: t.fx.county.path, year })).complaintReplyWorkingDays;
      expect(days).toBe(15);
      const c = await fileComplaint(t.app, t.fx.schoolA.id);
      const row = await dueOf(c.trackingNo);
      expect(row.received_on).toBe(today);
      expect(c.dueOn).toBe(addWorkingDays(today, days, await calendar()));
      expect(row.due_on).toBe(c.dueOn);
      // typed in a week later: counted from the day it was received, not the day it was typed
      const receivedOn = addDays(today, -7).startsWith(String(year)) ? addDays(today, -7) : today;
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const entered = await office.post('/api/v1/cases', { channel: 'letter', category: 'fees', targetOrgId: t.fx.schoolA.id, text: '来信反映学校统一收取资料费。', receivedOn, anonymous: true });
      expect(entered.statusCode, entered.body).toBe(201);
      expect(entered.json().dueOn).toBe(addWorkingDays(receivedOn, days, await calendar()));
    });

    it('a rule-set change and a holiday edit move the deadline of the next complaint', async () => {
      const office = await loggedIn(t.app, t.fx.users.office, TEST_PASSWORD);
      const first = await fileComplaint(t.app, t.fx.schoolA.id);

      const saved = await office.request('PUT', `/api/v1/rulesets/${year}`, { values: { complaintReplyWorkingDays: 5 } });
      expect(saved.statusCode, saved.body).toBe(200);
      const shorter = await fileComplaint(t.app, t.fx.schoolA.id);
      expect(shorter.dueOn).toBe(addWorkingDays(today, 5, await calendar()));
      expect(shorter.dueOn < first.dueOn).toBe(true);
      expect((await dueOf(first.trackingNo)).due_on).toBe(first.dueOn); // an open case keeps its deadline

      // the next working day becomes a day off: the deadline moves one working day later
      const next = addWorkingDays(today, 1, await calendar());
      expect((await office.request('PUT', `/api/v1/holidays/${next}`, { kind: 'off', name: '县里补休' })).statusCode).toBe(200);
      const afterOff = await fileComplaint(t.app, t.fx.schoolA.id);
      const cal = await calendar();
      expect(cal.get(next)).toBe('off');
      expect(afterOff.dueOn).toBe(addWorkingDays(today, 5, cal));
      expect(afterOff.dueOn > shorter.dueOn).toBe(true);
      expect((await office.request('DELETE', `/api/v1/holidays/${next}`)).statusCode).toBe(204);

      // a weekend day inside the window becomes a make-up working day: the deadline moves earlier
      let weekend = addDays(today, 1);
      while (![0, 6].includes(weekdayOf(weekend)) || (await calendar()).has(weekend)) weekend = addDays(weekend, 1);
      expect((await office.request('PUT', `/api/v1/holidays/${weekend}`, { kind: 'work', name: '调休上班' })).statusCode).toBe(200);
      const afterWork = await fileComplaint(t.app, t.fx.schoolA.id);
      expect(afterWork.dueOn).toBe(addWorkingDays(today, 5, await calendar()));
      if (weekend < shorter.dueOn) expect(afterWork.dueOn < shorter.dueOn).toBe(true);
      expect((await office.request('DELETE', `/api/v1/holidays/${weekend}`)).statusCode).toBe(204);

      expect((await office.request('PUT', `/api/v1/rulesets/${year}`, { values: {} })).statusCode).toBe(200);
      const back = await fileComplaint(t.app, t.fx.schoolA.id);
      expect(back.dueOn).toBe(addWorkingDays(today, 15, await calendar()));
    });
  });
}
