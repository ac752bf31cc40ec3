import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../validators/idNumber';
import { makeSchoolCode } from '../validators/schoolCode';
import { makeUscc } from '../validators/uscc';
import { CATALOG, CATALOG_KEYS, ETHNICITIES, type TCatalogKey, deriveValue, getCatalogField, isCatalogKey, parseChineseDate, validateValue } from './catalog';

/** DESIGN §6, key and label as written there. */
const DESIGN_6: Record<string, string> = {
  'teacher.name': '姓名', 'teacher.formerName': '曾用名', 'teacher.gender': '性别', 'teacher.idType': '身份证件类型', 'teacher.idNumber': '身份证件号',
  'teacher.birthDate': '出生日期', 'teacher.age': '年龄', 'teacher.nationality': '国籍/地区', 'teacher.nativePlace': '籍贯', 'teacher.birthPlace': '出生地',
  'teacher.ethnicity': '民族', 'teacher.politicalStatus': '政治面貌', 'teacher.partyJoinDate': '入党时间', 'teacher.maritalStatus': '婚姻状况',
  'teacher.healthStatus': '健康状况', 'teacher.workStartDate': '参加工作年月', 'teacher.teachingYears': '教龄', 'teacher.schoolJoinDate': '进本校年月',
  'teacher.staffCategory': '教职工类别', 'teacher.onEstablishment': '是否在编', 'teacher.employmentForm': '用人形式', 'teacher.highestEducation': '最高学历',
  'teacher.graduateSchool': '毕业院校', 'teacher.major': '所学专业', 'teacher.graduationDate': '毕业时间', 'teacher.isNormalMajor': '是否师范类专业',
  'teacher.highestDegree': '最高学位', 'teacher.professionalTitle': '专业技术职务', 'teacher.titleDate': '职称取得时间', 'teacher.postCategory': '岗位类别',
  'teacher.postLevel': '岗位等级', 'teacher.adminPosition': '行政职务', 'teacher.isClassTeacher': '是否班主任', 'teacher.teachingStage': '任教学段',
  'teacher.teachingSubject': '任教学科', 'teacher.weeklyLessons': '周课时数', 'teacher.certificateType': '教师资格种类', 'teacher.certificateNumber': '教师资格证号码',
  'teacher.mobile': '手机号码', 'teacher.email': '电子邮箱', 'teacher.address': '通讯地址', 'teacher.school': '所在学校', 'teacher.staffNo': '教职工号',
  'school.name': '学校名称', 'school.code': '学校标识码', 'school.uscc': '统一社会信用代码', 'school.type': '办学类型', 'school.divisionCode': '行政区划代码',
  'school.address': '学校地址', 'school.principal': '校长姓名', 'school.phone': '学校联系电话', 'school.studentCount': '在校学生数', 'school.classCount': '教学班数',
  'school.staffCount': '教职工数', 'school.fullTimeTeacherCount': '专任教师数', 'school.foundedYear': '建校年份', 'school.area': '占地面积', 'school.postalCode': '邮政编码',
};

const f = getCatalogField;
const v = (key: TCatalogKey, raw: string) => validateValue(f(key), raw);

describe('catalog', () => {
  it('holds every key of DESIGN §6 once, with its label, a type, a sensitivity and synonyms', () => {
    expect([...CATALOG_KEYS]).toEqual(Object.keys(DESIGN_6));
    for (const field of CATALOG) {
      expect(field.zh, field.key).toBe(DESIGN_6[field.key]);
      expect(field.en.length, field.key).toBeGreaterThan(0);
      expect(field.subject).toBe(field.key.split('.')[0]);
      expect(field.synonyms.length, field.key).toBeGreaterThan(0);
      if (field.type === 'enum') expect(field.enumValues?.length, field.key).toBeGreaterThan(1);
    }
    expect(isCatalogKey('teacher.name')).toBe(true);
    expect(isCatalogKey('teacher.salary')).toBe(false);
  });

  it('marks ID numbers and mobiles sensitive (stored encrypted), and nothing else', () => {
    expect(CATALOG.filter((x) => x.sensitivity === 'sensitive').map((x) => x.key)).toEqual(['teacher.idNumber', 'teacher.mobile']);
    expect(CATALOG.filter((x) => x.subject === 'school').every((x) => x.sensitivity === 'public')).toBe(true);
  });

  it('derives age from the date of birth and years of teaching from the start of work', () => {
    expect(CATALOG.filter((x) => x.derived).map((x) => [x.key, x.derived?.from])).toEqual([
      ['teacher.age', 'teacher.birthDate'],
      ['teacher.teachingYears', 'teacher.workStartDate'],
    ]);
  });

  it('lists the 56 民族 once each', () => {
    expect(ETHNICITIES).toHaveLength(56);
    expect(new Set(ETHNICITIES).size).toBe(56);
  });
});

describe('validateValue', () => {
  it('reads dates the ways Chinese forms write them, as ISO days', () => {
    for (const s of ['1985-03-01', '1985/3/1', '1985.3.1', '1985年3月1日', '1985年03月01日', '19850301', '31107', '1985-03-01T00:00:00.000Z', '１９８５－０３－０１', ' 1985-03-01 ']) {
      expect(v('teacher.birthDate', s), s).toEqual({ ok: true, value: '1985-03-01' });
    }
    for (const s of ['1985-02-29', '1985-13-01', '1985-03', '去年', '0', '1850-01-01']) expect(v('teacher.birthDate', s).ok, s).toBe(false);
    const bad = v('teacher.birthDate', '1985-02-30');
    expect(bad.ok ? '' : bad.reason.zh).toContain('1985-03-01');
  });

  it('reads months for month fields and cuts full dates to the month', () => {
    for (const s of ['1985.3', '1985.03', '1985年3月', '1985-03', '198503', '1985-03-01', '1985年3月15日', '31107']) expect(v('teacher.workStartDate', s), s).toEqual({ ok: true, value: '1985-03' });
    expect(v('teacher.workStartDate', '1985.13').ok).toBe(false);
    expect(parseChineseDate('1985年3月', { month: false })).toBeNull();
  });

  it('checks ID numbers with the reason, and normalises spacing and a lower-case x', () => {
    const id = makeIdNumber({ regionCode: '530529', birthDate: '1985-03-01', seq: 12 });
    expect(v('teacher.idNumber', id.toLowerCase())).toEqual({ ok: true, value: id });
    expect(v('teacher.idNumber', `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`)).toEqual({ ok: true, value: id });
    const bad = v('teacher.idNumber', `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`);
    expect(bad.ok ? '' : bad.reason.zh).toContain('校验位');
    const short = v('teacher.idNumber', id.slice(0, 15));
    expect(short.ok ? '' : short.reason.en).toContain('18');
  });

  it('checks mobiles, emails and the school codes', () => {
    expect(v('teacher.mobile', '138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(v('teacher.mobile', '+86 138-0013-8000')).toEqual({ ok: true, value: '13800138000' });
    expect(v('teacher.mobile', '0871-1234567').ok).toBe(false);
    expect(v('teacher.email', 'Li.Hua@Example.cn')).toEqual({ ok: true, value: 'li.hua@example.cn' });
    expect(v('teacher.email', 'lihua@').ok).toBe(false);
    const code = makeSchoolCode({ type: 'primary', provinceCode: '53', seq: 7 });
    expect(v('school.code', code)).toEqual({ ok: true, value: code });
    expect(v('school.code', '12345').ok).toBe(false);
    const uscc = makeUscc({ regionCode: '530529', seq: 42, kind: 'institution' });
    expect(v('school.uscc', uscc.toLowerCase())).toEqual({ ok: true, value: uscc });
    expect(v('school.uscc', `${uscc.slice(0, 17)}${uscc.endsWith('1') ? '2' : '1'}`).ok).toBe(false);
    expect(v('school.divisionCode', '530529')).toEqual({ ok: true, value: '530529' });
    expect(v('school.divisionCode', '990529').ok).toBe(false);
    expect(v('school.postalCode', '654100')).toEqual({ ok: true, value: '654100' });
    expect(v('school.postalCode', '65410').ok).toBe(false);
    expect(v('school.phone', '0871-6512 3456')).toEqual({ ok: true, value: '0871-65123456' });
    expect(v('school.phone', '校长室').ok).toBe(false);
  });

  it('takes the everyday spellings of enumerations and says what is allowed', () => {
    expect(v('teacher.gender', '女性')).toEqual({ ok: true, value: '女' });
    expect(v('teacher.gender', '1')).toEqual({ ok: true, value: '男' });
    expect(v('teacher.politicalStatus', '党员')).toEqual({ ok: true, value: '中共党员' });
    expect(v('teacher.politicalStatus', '团员')).toEqual({ ok: true, value: '共青团员' });
    expect(v('teacher.politicalStatus', '群众')).toEqual({ ok: true, value: '群众' });
    expect(v('teacher.ethnicity', '蒙古')).toEqual({ ok: true, value: '蒙古族' });
    expect(v('teacher.ethnicity', '维吾尔族')).toEqual({ ok: true, value: '维吾尔族' });
    expect(v('teacher.highestEducation', '本科学历')).toEqual({ ok: true, value: '大学本科' });
    expect(v('teacher.highestEducation', '大专')).toEqual({ ok: true, value: '大学专科' });
    expect(v('teacher.highestDegree', '硕士学位')).toEqual({ ok: true, value: '硕士' });
    expect(v('teacher.teachingStage', '初级中学')).toEqual({ ok: true, value: '初中' });
    expect(v('teacher.maritalStatus', '再婚')).toEqual({ ok: true, value: '已婚' });
    const bad = v('teacher.ethnicity', '火星族');
    expect(bad.ok ? '' : bad.reason.zh).toContain('汉族');
  });

  it('reads 是/否 and whole numbers with their units, inside plausible ranges', () => {
    for (const s of ['是', '√', 'Y', '有']) expect(v('teacher.isClassTeacher', s), s).toEqual({ ok: true, value: '是' });
    for (const s of ['否', '×', 'no', '无']) expect(v('teacher.isClassTeacher', s), s).toEqual({ ok: true, value: '否' });
    expect(v('teacher.onEstablishment', '在编')).toEqual({ ok: true, value: '是' });
    expect(v('teacher.isClassTeacher', '也许').ok).toBe(false);
    expect(v('school.studentCount', '1,234人')).toEqual({ ok: true, value: '1234' });
    expect(v('school.studentCount', '-3').ok).toBe(false);
    expect(v('school.studentCount', '12.5').ok).toBe(false);
    expect(v('school.studentCount', '1.2万').ok).toBe(false);
    expect(v('school.area', '35,000.5平方米')).toEqual({ ok: true, value: '35000.5' });
    expect(v('teacher.weeklyLessons', '14节')).toEqual({ ok: true, value: '14' });
    expect(v('teacher.weeklyLessons', '140').ok).toBe(false);
    expect(v('school.foundedYear', '1958年9月')).toEqual({ ok: true, value: '1958' });
    expect(v('school.foundedYear', '958').ok).toBe(false);
  });

  it('refuses empty and overlong text, and keeps other text as typed', () => {
    expect(v('teacher.name', '  ').ok).toBe(false);
    expect(v('teacher.address', '街'.repeat(501)).ok).toBe(false);
    expect(v('teacher.name', ' 欧阳 明 ')).toEqual({ ok: true, value: '欧阳 明' });
  });
});

describe('deriveValue', () => {
  const values = { 'teacher.birthDate': '1985-03-01', 'teacher.workStartDate': '2007-09' } as const;

  it('counts full years as of a day: not on the day before the birthday, yes on the day', () => {
    expect(deriveValue('teacher.age', values, '2026-02-28')).toBe('40');
    expect(deriveValue('teacher.age', values, '2026-03-01')).toBe('41');
    expect(deriveValue('teacher.age', values, '2026-12-31')).toBe('41');
    expect(deriveValue('teacher.age', values, '1985-03-01')).toBe('0');
  });

  it('turns someone born on 29 February a year older on 1 March of a common year, on 29 February of a leap year', () => {
    const leap = { 'teacher.birthDate': '2000-02-29' } as const;
    expect(deriveValue('teacher.age', leap, '2025-02-28')).toBe('24');
    expect(deriveValue('teacher.age', leap, '2025-03-01')).toBe('25');
    expect(deriveValue('teacher.age', leap, '2028-02-29')).toBe('28');
  });

  it('reads a month as its first day for years of teaching', () => {
    expect(deriveValue('teacher.teachingYears', values, '2026-08-31')).toBe('18');
    expect(deriveValue('teacher.teachingYears', values, '2026-09-01')).toBe('19');
    expect(deriveValue('teacher.teachingYears', { 'teacher.workStartDate': '2007-09-15' }, '2026-09-14')).toBe('18');
  });

  it('gives null without a source, with a source after the day, with a bad day, and for stored fields', () => {
    expect(deriveValue('teacher.age', {}, '2026-03-01')).toBeNull();
    expect(deriveValue('teacher.age', { 'teacher.birthDate': '2030-01-01' }, '2026-03-01')).toBeNull();
    expect(deriveValue('teacher.age', { 'teacher.birthDate': '1985年3月' }, '2026-03-01')).toBeNull();
    expect(deriveValue('teacher.age', values, '2026/03/01')).toBeNull();
    expect(deriveValue('teacher.name', values, '2026-03-01')).toBeNull();
  });
});
