/**
 * China's public holidays and make-up working days (放假调休), as published by the General Office
 * of the State Council: 2025 (国办发明电〔2024〕12号) and 2026 (published November 2025). 2027 is
 * not yet published at the time of writing: it is seeded provisionally from the statutory days
 * (名称带“预排”) and the office corrects it once the notice is out (`PUT /holidays/:date`).
 */
import { addDays, toDayNumber } from '../register/schoolYear';
import type { THolidayKind } from './workingDays';

export interface THolidaySeed {
  date: string;
  kind: THolidayKind;
  name: string;
}

function span(from: string, to: string, name: string): THolidaySeed[] {
  const out: THolidaySeed[] = [];
  for (let d = from; toDayNumber(d) <= toDayNumber(to); d = addDays(d, 1)) out.push({ date: d, kind: 'off', name });
  return out;
}

function work(date: string, name: string): THolidaySeed {
  return { date, kind: 'work', name: `${name}调休上班` };
}

export const CHINA_HOLIDAYS: readonly THolidaySeed[] = [
  // 2025
  ...span('2025-01-01', '2025-01-01', '元旦'),
  work('2025-01-26', '春节'),
  ...span('2025-01-28', '2025-02-04', '春节'),
  work('2025-02-08', '春节'),
  ...span('2025-04-04', '2025-04-06', '清明节'),
  work('2025-04-27', '劳动节'),
  ...span('2025-05-01', '2025-05-05', '劳动节'),
  ...span('2025-05-31', '2025-06-02', '端午节'),
  work('2025-09-28', '国庆节、中秋节'),
  ...span('2025-10-01', '2025-10-08', '国庆节、中秋节'),
  work('2025-10-11', '国庆节、中秋节'),
  // 2026
  ...span('2026-01-01', '2026-01-03', '元旦'),
  work('2026-01-04', '元旦'),
  work('2026-02-14', '春节'),
  ...span('2026-02-15', '2026-02-23', '春节'),
  work('2026-02-28', '春节'),
  ...span('2026-04-04', '2026-04-06', '清明节'),
  ...span('2026-05-01', '2026-05-05', '劳动节'),
  work('2026-05-09', '劳动节'),
  ...span('2026-06-19', '2026-06-21', '端午节'),
  work('2026-09-20', '国庆节'),
  ...span('2026-09-25', '2026-09-27', '中秋节'),
  ...span('2026-10-01', '2026-10-07', '国庆节'),
  work('2026-10-10', '国庆节'),
  // 2027 — provisional (预排): statutory days, a statutory day on a weekend moved to the next working day
  ...span('2027-01-01', '2027-01-03', '元旦（预排）'),
  ...span('2027-02-05', '2027-02-10', '春节（预排）'),
  ...span('2027-04-03', '2027-04-05', '清明节（预排）'),
  ...span('2027-05-01', '2027-05-04', '劳动节（预排）'),
  ...span('2027-06-09', '2027-06-09', '端午节（预排）'),
  ...span('2027-09-15', '2027-09-15', '中秋节（预排）'),
  work('2027-09-26', '国庆节（预排）'),
  ...span('2027-10-01', '2027-10-07', '国庆节（预排）'),
  work('2027-10-09', '国庆节（预排）'),
];
