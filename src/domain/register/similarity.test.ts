import { describe, expect, it } from 'vitest';
import {
  findSimilar,
  isDuplicate,
  isoWeekOf,
  normalizeText,
  overlapsWindow,
  sameWeek,
  SIMILARITY_THRESHOLD,
  textSimilarity,
} from './similarity';

const SAFETY =
  '关于开展2026年春季学期校园安全专项督查检查的通知。各中小学校：为切实做好春季学期校园安全工作，县教体局定于2026年3月16日至3月27日对全县中小学校开展校园安全专项督查检查，重点检查消防设施、食品安全、校车管理等情况。请各校做好自查工作。';

/** The same demand, worded or addressed differently: must be flagged. */
const DUPLICATES: [string, string, string][] = [
  [
    'the same inspection, reworded',
    SAFETY,
    '县教体局关于开展2026年春季校园安全专项督查的通知 各学校：为做好春季学期校园安全工作，定于3月16日至27日对全县中小学开展校园安全专项督查检查，重点检查消防设施、食品安全和校车管理情况，请各学校认真做好自查。',
  ],
  [
    'one template, two schools',
    '关于对青山镇中心小学开展2026年度教育教学常规管理检查的通知。检查时间：2026年4月8日。检查内容：教学计划、备课、作业批改、课堂教学。请学校按正常教学安排，不需另行准备汇报材料。',
    '关于对红旗路第二小学开展2026年度教育教学常规管理检查的通知。检查时间：2026年4月10日。检查内容：教学计划、备课、作业批改、课堂教学。请学校按正常教学安排，不需另行准备汇报材料。',
  ],
  ['two titles of one inspection', '2026年春季学期校园安全专项督查', '2026年春季校园安全专项督查检查'],
  [
    'a meeting notice re-sent with a new date',
    '关于召开2026年全县教育工作会议的通知 各中小学校：定于2026年2月20日上午9:00在县教体局三楼会议室召开全县教育工作会议，请各校校长准时参加。',
    '关于召开2026年全县教育工作会议的补充通知 各中小学校：全县教育工作会议改于2026年2月21日上午9:00在县教体局三楼会议室召开，请各校校长准时参加，不得请假。',
  ],
  [
    'one survey issued by two offices',
    '关于开展中小学教师心理健康状况问卷调查的通知：请全体教师于4月30日前通过问卷星完成心理健康状况调查问卷。',
    '关于组织全县中小学教师参加心理健康状况问卷调查的通知：请全体教师于5月10日前在问卷星上完成教师心理健康状况调查问卷。',
  ],
];

/** Different demands, often in the same template: must not be flagged. */
const DIFFERENT: [string, string, string][] = [
  [
    'an inspection and a statistics form',
    SAFETY,
    '关于报送2026年教师基本信息统计表的通知。各中小学校：根据工作安排，请各校于2026年3月20日前报送本校教师基本信息统计表，包括姓名、身份证号、学历、职称等，报送至人事股邮箱。',
  ],
  [
    'two inspections in one template',
    SAFETY,
    '关于开展2026年春季学期义务教育课后服务专项督查的通知。各中小学校：为规范课后服务工作，县教体局定于2026年4月13日至4月24日对全县义务教育学校开展课后服务专项督查，重点检查服务时间、收费、教师补助发放等情况。请各校做好自查工作。',
  ],
  ['two social-affair titles', '关于开展防溺水安全教育进校园活动的通知', '关于开展禁毒宣传教育进校园活动的通知'],
  [
    'two social affairs in full',
    '关于开展2026年防溺水安全教育进校园活动的通知。各中小学校：为预防学生溺水事故，县应急局联合县教体局于5月在全县中小学开展防溺水安全教育，每校举办一次专题讲座，由消防救援人员主讲。',
    '关于开展2026年禁毒宣传教育进校园活动的通知。各中小学校：为增强学生禁毒意识，县禁毒办联合县教体局于6月在全县中小学开展禁毒宣传教育，每校举办一次禁毒知识讲座，由禁毒民警主讲。',
  ],
  ['two training titles', '关于举办全县中小学班主任能力提升培训的通知', '关于举办全县中小学信息技术应用能力提升培训的通知'],
  [
    'a meeting and a training',
    '关于召开全县中小学教学工作会议的通知。会议时间：3月10日上午9时，地点：县教体局三楼会议室，参会人员：各校分管教学副校长。',
    '关于举办全县中小学班主任能力提升培训的通知。培训时间：3月12日至14日，地点：县教师进修学校，参训人员：各校班主任，每校2人。',
  ],
  ['two evaluations', '关于开展2026年度优秀班主任评选活动的通知', '关于开展2026年度中小学生书法比赛的通知'],
  ['two app tasks', '关于组织教师参加“学习强国”答题活动的通知', '关于组织教师下载安装反诈APP的通知'],
];

describe('textSimilarity on realistic pairs', () => {
  it.each(DUPLICATES)('duplicate: %s', (_name, a, b) => {
    const score = textSimilarity(a, b);
    expect(score).toBeGreaterThanOrEqual(0.7);
    expect(isDuplicate(a, b)).toBe(true);
  });
  it.each(DIFFERENT)('not a duplicate: %s', (_name, a, b) => {
    const score = textSimilarity(a, b);
    expect(score).toBeLessThan(0.55);
    expect(isDuplicate(a, b)).toBe(false);
  });
  it('the threshold sits in the gap between the two sets', () => {
    const lowestDuplicate = Math.min(...DUPLICATES.map(([, a, b]) => textSimilarity(a, b)));
    const highestDifferent = Math.max(...DIFFERENT.map(([, a, b]) => textSimilarity(a, b)));
    expect(highestDifferent).toBeLessThan(SIMILARITY_THRESHOLD);
    expect(lowestDuplicate).toBeGreaterThan(SIMILARITY_THRESHOLD);
    expect(SIMILARITY_THRESHOLD).toBeGreaterThanOrEqual(0.6);
    expect(SIMILARITY_THRESHOLD).toBeLessThanOrEqual(0.75);
  });
});

describe('textSimilarity properties', () => {
  it('is 1 for texts equal after normalising', () => {
    expect(textSimilarity(SAFETY, SAFETY)).toBe(1);
    expect(textSimilarity('ＡＰＰ 下载　通知，2026！', 'app下载通知2026')).toBe(1);
  });
  it('is 0 with an empty side, without crashing', () => {
    expect(textSimilarity('', '')).toBe(0);
    expect(textSimilarity('', SAFETY)).toBe(0);
    expect(textSimilarity(SAFETY, '')).toBe(0);
    expect(textSimilarity('，。！ ', '、；：')).toBe(0);
    expect(isDuplicate('', '')).toBe(false);
  });
  it('is 0 for texts sharing nothing', () => {
    expect(textSimilarity('防溺水', '统计表')).toBe(0);
  });
  it('is symmetric and within [0, 1]', () => {
    for (const [, a, b] of [...DUPLICATES, ...DIFFERENT]) {
      const ab = textSimilarity(a, b);
      expect(ab).toBe(textSimilarity(b, a));
      expect(ab).toBeGreaterThanOrEqual(0);
      expect(ab).toBeLessThanOrEqual(1);
    }
  });
  it('uses single characters for very short texts, so one changed character does not zero them', () => {
    expect(textSimilarity('安全检', '安全查')).toBeGreaterThan(0.5);
    expect(textSimilarity('会', '会')).toBe(1);
    expect(textSimilarity('会', '议')).toBe(0);
  });
  it('compares texts that are nothing but boilerplate as they are', () => {
    expect(textSimilarity('通知', '通知')).toBe(1);
    expect(textSimilarity('关于开展工作的通知', '关于做好工作的通知')).toBeGreaterThan(0);
  });
  it('penalises a large length difference: a title is not a duplicate of the notice quoting it', () => {
    expect(SAFETY).toContain('校园安全专项督查');
    expect(textSimilarity('校园安全专项督查', SAFETY)).toBeLessThan(0.3);
  });
  it('handles characters outside the BMP as single characters', () => {
    expect(textSimilarity('𠀀𠀁𠀂𠀃', '𠀀𠀁𠀂𠀃')).toBe(1);
    expect(textSimilarity('𠀀𠀁𠀂𠀃𠀄', '𠀀𠀁𠀂𠀃𠀅')).toBeCloseTo(0.75, 5);
  });
  it('compares 100,000-character documents', () => {
    const base = '为切实减轻中小学教师负担，县教体局决定开展专项整治，现将有关事项通知如下：一、全面清理各类督查检查评比考核事项。二、规范社会事务进校园。三、精简报表填写。';
    const a = base.repeat(Math.ceil(100_000 / base.length)).slice(0, 100_000);
    let seed = 1;
    const b = Array.from({ length: 100_000 }, () => String.fromCodePoint(0x4e00 + ((seed = (seed * 48_271) % 2_147_483_647) % 3000))).join('');
    const score = textSimilarity(a, b);
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThan(0.1);
    expect(textSimilarity(a, `${a}附件`)).toBeGreaterThan(0.99);
  });
});

describe('normalizeText', () => {
  it('folds width and case and drops spaces, punctuation and symbols', () => {
    expect(normalizeText('  关于“ＡＰＰ”下载的通知（第２号）！\n\t ')).toBe('关于app下载的通知第2号');
    expect(normalizeText('〔2026〕7号 《办法》【重要】…—·、；：？')).toBe('20267号办法重要');
    expect(normalizeText('a\u200Bb\u3000c')).toBe('abc');
    expect(normalizeText('')).toBe('');
  });
});

describe('findSimilar', () => {
  const candidates = [
    { id: 1, text: DIFFERENT[0]?.[2] ?? '' },
    { id: 2, text: DUPLICATES[0]?.[2] ?? '' },
    { id: 3, text: SAFETY },
    { id: 4, text: '' },
    { id: 5, text: DIFFERENT[1]?.[2] ?? '' },
  ];
  it('returns candidates above the threshold, most similar first', () => {
    const hits = findSimilar({ text: SAFETY, candidates });
    expect(hits.map((h) => h.id)).toEqual([3, 2]);
    expect(hits[0]?.score).toBe(1);
    expect(hits[1]?.score).toBeCloseTo(textSimilarity(SAFETY, candidates[1]?.text ?? ''), 10);
  });
  it('honours a custom threshold and a limit', () => {
    expect(findSimilar({ text: SAFETY, candidates, threshold: 0.1 }).map((h) => h.id)).toEqual([3, 2, 5, 1]);
    expect(findSimilar({ text: SAFETY, candidates, threshold: 0.1, limit: 2 }).map((h) => h.id)).toEqual([3, 2]);
  });
  it('never returns zero scores, even with threshold 0', () => {
    expect(findSimilar({ text: SAFETY, candidates, threshold: 0 }).map((h) => h.id)).not.toContain(4);
    expect(findSimilar({ text: '', candidates, threshold: 0 })).toEqual([]);
  });
  it('works with string ids and no candidates', () => {
    expect(findSimilar({ text: SAFETY, candidates: [{ id: 'a', text: SAFETY }] })).toEqual([{ id: 'a', score: 1 }]);
    expect(findSimilar({ text: SAFETY, candidates: [] })).toEqual([]);
  });
});

describe('overlapsWindow', () => {
  const march = { start: '2026-03-01', end: '2026-03-31' };
  it('sees shared days, inclusive at both ends', () => {
    expect(overlapsWindow(march, { start: '2026-03-31', end: '2026-04-10' })).toBe(true);
    expect(overlapsWindow(march, { start: '2026-02-01', end: '2026-03-01' })).toBe(true);
    expect(overlapsWindow(march, { start: '2026-03-10', end: '2026-03-12' })).toBe(true);
    expect(overlapsWindow({ start: '2026-03-10', end: '2026-03-12' }, march)).toBe(true);
    expect(overlapsWindow(march, { start: '2026-03-05', end: '2026-03-05' })).toBe(true);
  });
  it('sees disjoint windows', () => {
    expect(overlapsWindow(march, { start: '2026-04-01', end: '2026-04-10' })).toBe(false);
    expect(overlapsWindow(march, { start: '2026-01-01', end: '2026-02-28' })).toBe(false);
  });
  it('rejects a window that ends before it starts, and bad dates', () => {
    expect(() => overlapsWindow(march, { start: '2026-03-10', end: '2026-03-01' })).toThrow(RangeError);
    expect(() => overlapsWindow(march, { start: '2026-03-10', end: 'soon' })).toThrow(RangeError);
  });
});

describe('isoWeekOf and sameWeek', () => {
  it.each([
    ['2026-01-01', 2026, 1], // a Thursday
    ['2025-12-29', 2026, 1], // Monday of 2026-W01
    ['2027-01-01', 2026, 53], // a Friday: 2026 has 53 ISO weeks
    ['2027-01-04', 2027, 1],
    ['2021-01-03', 2020, 53],
    ['2026-11-28', 2026, 48],
    ['2024-12-30', 2025, 1],
  ])('%s is ISO week %i-W%i', (date, year, week) => {
    expect(isoWeekOf(date)).toEqual({ year, week });
  });
  it('groups Monday to Sunday', () => {
    expect(sameWeek('2026-03-16', '2026-03-22')).toBe(true); // Mon – Sun
    expect(sameWeek('2026-03-22', '2026-03-23')).toBe(false); // Sun – next Mon
    expect(sameWeek('2026-03-18', '2026-03-18')).toBe(true);
    expect(sameWeek('2026-03-18', '2025-03-18')).toBe(false);
  });
  it('works across a year end', () => {
    expect(sameWeek('2025-12-31', '2026-01-03')).toBe(true);
    expect(sameWeek('2026-12-31', '2027-01-03')).toBe(true);
    expect(sameWeek('2027-01-03', '2027-01-04')).toBe(false);
  });
  it('agrees with isoWeekOf over two years of days', () => {
    let d = new Date(Date.UTC(2025, 11, 1));
    const days: string[] = [];
    for (let i = 0; i < 730; i++, d = new Date(d.getTime() + 86_400_000)) days.push(d.toISOString().slice(0, 10));
    for (let i = 1; i < days.length; i++) {
      const [a, b] = [days[i - 1] as string, days[i] as string];
      const [wa, wb] = [isoWeekOf(a), isoWeekOf(b)];
      expect(sameWeek(a, b)).toBe(wa.year === wb.year && wa.week === wb.week);
    }
  });
  it('rejects bad dates', () => {
    expect(() => sameWeek('2026-02-30', '2026-03-01')).toThrow(RangeError);
    expect(() => isoWeekOf('2026-W10')).toThrow(RangeError);
  });
});
