import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from './catalog';
import { parseHeaderSet, scoreHeaderSet } from './headerSet';
import { MATCH_THRESHOLD, matchHeader, matchHeaders, normalizeHeader } from './match';

const field = (h: string | string[], s: 'teacher' | 'school' = 'teacher') => matchHeader(h, s).field;

describe('normalizeHeader', () => {
  it('drops spacing, full-width marks, asterisks, bracketed notes, units and format hints', () => {
    const cases: [string, string][] = [
      ['姓 名', '姓名'],
      ['姓　名', '姓名'],
      ['＊姓名（必填）', '姓名'],
      ['*姓名', '姓名'],
      ['【必填】姓名', '姓名'],
      ['姓名\n（与身份证一致）', '姓名'],
      ['出生年月\n(格式:YYYY-MM)', '出生年月'],
      ['出生日期 格式：YYYY-MM-DD', '出生日期'],
      ['出生年月YYYYMM', '出生年月'],
      ['占地面积（平方米）', '占地面积'],
      ['学生数/人', '学生数'],
      ['在校学生数 单位：人', '在校学生数'],
      ['1.姓名', '姓名'],
      ['二、性别', '性别'],
      ['性别▼', '性别'],
      ['姓名 Name', '姓名'],
      ['Date of birth / 出生日期', '出生日期'],
      ['Ｅ－ｍａｉｌ', 'email'],
      ['2025年在校学生数', '在校学生数'],
    ];
    for (const [raw, norm] of cases) expect(normalizeHeader(raw), raw).toBe(norm);
  });
});

describe('matchHeader', () => {
  it('matches the examples of the issue', () => {
    for (const h of ['姓 名', '姓名（必填）', '*姓名']) expect(field(h), h).toBe('teacher.name');
    expect(field('公民身份号码')).toBe('teacher.idNumber');
    expect(field('参工时间')).toBe('teacher.workStartDate');
    expect(field(['学历', '最高学历'])).toBe('teacher.highestEducation');
    expect(field(['参加工作', '时间'])).toBe('teacher.workStartDate');
  });

  it('matches every name and synonym of the catalog to its own field', () => {
    for (const f of CATALOG) for (const n of [f.zh, ...f.synonyms]) expect(field(n, f.subject), `${f.key} ← ${n}`).toBe(f.key);
  });

  it('refuses every false friend, on its own and under a header row', () => {
    const teacher = [
      '家长姓名', '父亲姓名', '母亲工作单位', '配偶姓名', '配偶身份证号', '爱人工作单位', '子女姓名', '监护人电话', '紧急联系人', '紧急联系人电话', '紧急联系电话',
      '第一学历', '第一学历毕业院校', '初始学历', '入党介绍人', '入团时间', '毕业证书编号', '学位证书编号', '身份证复印件', '身份证有效期', '户籍所在地',
      '学生人数', '学生姓名', '任教班级', '银行卡号', '社保账号', '微信号', 'QQ号', '校长姓名', '拟申报职称', '党内职务', '普通话等级证书编号', '学位名称',
      '毕业院校及专业', '现工作单位及职务', '性别代码', '序号', '备注', '签名', '本人签字', '填表人', '审核人', '获奖情况', '工资（元）', '编制类别',
    ];
    for (const h of teacher) expect(field(h), h).toBeNull();
    const stacked = [['家庭成员', '姓名'], ['配偶', '联系电话'], ['紧急联系人', '电话'], ['学历', '第一学历'], ['第一学历', '毕业院校'], ['家庭主要成员', '出生年月'], ['全日制教育', '学历'], ['子女信息', '姓名']];
    for (const h of stacked) expect(field(h), h.join(' / ')).toBeNull();
    const school = ['联系人', '联系人电话', '填报人', '校长手机', '女教职工数', '寄宿生人数', '代课教师数', '校舍建筑面积（平方米）', '生均占地面积', '学校网址', '教师姓名', '身份证号码', '占地面积（亩）'];
    for (const h of school) expect(field(h, 'school'), h).toBeNull();
    for (const h of [['校长', '联系电话'], ['学生数', '男'], ['专任教师', '其中女'], ['面积', '建筑面积']]) expect(field(h, 'school'), h.join(' / ')).toBeNull();
  });

  it('reads bracketed notes that make the column someone else\'s, and keeps harmless ones', () => {
    for (const h of ['手机号码（家长）', '联系电话（办公）', '联系电话（家庭）', '姓名（签字）', '学历（第一学历）', '任教学科（第二学科）', '出生日期（配偶）']) expect(field(h), h).toBeNull();
    expect(field('电子邮箱（QQ邮箱亦可）')).toBe('teacher.email');
    expect(field('通讯地址（家庭住址）')).toBe('teacher.address');
    expect(field('联系电话（手机）')).toBe('teacher.mobile');
    expect(field('联系电话（办公室）', 'school')).toBe('school.phone');
    expect(field('占地面积（单位：平方米）', 'school')).toBe('school.area');
  });

  it('lets the subject decide ambiguous labels', () => {
    const both: [string, string | null, string | null][] = [
      ['联系电话', 'teacher.mobile', 'school.phone'],
      ['电话', 'teacher.mobile', 'school.phone'],
      ['联系方式', 'teacher.mobile', 'school.phone'],
      ['地址', 'teacher.address', 'school.address'],
      ['通讯地址', 'teacher.address', 'school.address'],
      ['名称', null, 'school.name'],
      ['学校名称', 'teacher.school', 'school.name'],
      ['单位名称', 'teacher.school', 'school.name'],
      ['学生人数', null, 'school.studentCount'],
      ['姓名', 'teacher.name', null],
      ['邮政编码', null, 'school.postalCode'],
    ];
    for (const [h, t, s] of both) {
      expect(field(h, 'teacher'), `teacher ${h}`).toBe(t);
      expect(field(h, 'school'), `school ${h}`).toBe(s);
    }
  });

  it('reads a multi-row header bottom-up in the context of the rows above', () => {
    expect(field(['参加工作', '年月'])).toBe('teacher.workStartDate');
    expect(field(['最高学历', '毕业院校'])).toBe('teacher.graduateSchool');
    expect(field(['学历学位', '学位'])).toBe('teacher.highestDegree');
    expect(field(['职称', '取得时间'])).toBe('teacher.titleDate');
    expect(field(['职称情况', '评定时间'])).toBe('teacher.titleDate');
    expect(field(['专业技术职务', '职务名称'])).toBe('teacher.professionalTitle');
    expect(field(['教师资格', '证书编号'])).toBe('teacher.certificateNumber');
    expect(field(['联系方式', '电子邮箱'])).toBe('teacher.email');
    expect(field(['基本信息', '出生', '年月'])).toBe('teacher.birthDate');
    expect(field(['校长', '姓名'], 'school')).toBe('school.principal');
    expect(field(['在校生数', '合计'], 'school')).toBe('school.studentCount');
    expect(field(['教职工数', '其中：专任教师'], 'school')).toBe('school.fullTimeTeacherCount');
    expect(field(['学生情况', '班级数'], 'school')).toBe('school.classCount');
    expect(field(['学生', '姓名'], 'teacher')).toBeNull();
  });

  it('says how sure it is: 1 exact, less for shared or rewritten labels, null under the threshold', () => {
    expect(matchHeader('姓名', 'teacher')).toEqual({ field: 'teacher.name', confidence: 1 });
    expect(matchHeader('*姓名（必填）', 'teacher')).toEqual({ field: 'teacher.name', confidence: 1 });
    expect(matchHeader('学历', 'teacher')).toEqual({ field: 'teacher.highestEducation', confidence: 0.9 });
    const rewritten = matchHeader('职称取得日期', 'teacher');
    expect(rewritten.field).toBe('teacher.titleDate');
    expect(rewritten.confidence).toBeLessThan(1);
    expect(rewritten.confidence).toBeGreaterThanOrEqual(MATCH_THRESHOLD);
    const none = matchHeader('获奖情况', 'teacher');
    expect(none.field).toBeNull();
    expect(none.confidence).toBeLessThan(MATCH_THRESHOLD);
    expect(matchHeader('家长姓名', 'teacher')).toEqual({ field: null, confidence: 0 });
    expect(matchHeader('', 'teacher')).toEqual({ field: null, confidence: 0 });
    expect(matchHeader([], 'teacher')).toEqual({ field: null, confidence: 0 });
  });

  it('matches a list in order', () => {
    expect(matchHeaders(['姓名', ['学历', '最高学历'], '备注', '联系电话'], 'teacher').map((m) => m.field)).toEqual(['teacher.name', 'teacher.highestEducation', null, 'teacher.mobile']);
  });
});

describe('the labelled set (bench/data/headers.tsv)', () => {
  it('scores ≥ 97 % with no false friend matched', () => {
    const cases = parseHeaderSet(fs.readFileSync(path.join(import.meta.dirname, '../../../bench/data/headers.tsv'), 'utf8'));
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const s = scoreHeaderSet(cases);
    expect(s.falseFriendCases).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.filter((c) => c.expected).map((c) => c.expected)).size, 'every catalog key appears').toBe(CATALOG.filter((f) => !f.derived).length + 2);
    expect(s.falseFriendsMatched.map((c) => c.labels.join(' | '))).toEqual([]);
    expect(s.accuracy, JSON.stringify(s.wrong.map((w) => [w.c.labels, w.c.expected, w.got]))).toBeGreaterThanOrEqual(0.97);
  });
});
