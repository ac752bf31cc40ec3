import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeIdNumber } from '../validators/idNumber';
import { CATALOG, CATALOG_KEYS, getCatalogField, isCatalogKey } from './catalog';
import { parseHeaderSet, scoreHeaderSet } from './headerSet';
import { matchHeader, normalizeHeader } from './match';
import { deriveValue, parseChineseDate, validateValue } from './values';

describe('catalog', () => {
  it('holds every key of DESIGN §6 once, each with labels, a type and a sensitivity', () => {
    expect(CATALOG).toHaveLength(58);
    expect(new Set(CATALOG_KEYS).size).toBe(CATALOG_KEYS.length);
    for (const f of CATALOG) {
      expect(f.zh.length, f.key).toBeGreaterThan(0);
      expect(f.en.length, f.key).toBeGreaterThan(0);
      expect(f.subject).toBe(f.key.split('.')[0]);
    }
    expect(getCatalogField('teacher.idNumber').sensitivity).toBe('sensitive');
    expect(getCatalogField('teacher.mobile').sensitivity).toBe('sensitive');
    expect(getCatalogField('teacher.age').derived?.from).toBe('teacher.birthDate');
    expect(getCatalogField('teacher.teachingYears').derived?.from).toBe('teacher.workStartDate');
    expect(isCatalogKey('teacher.name')).toBe(true);
    expect(isCatalogKey('teacher.salary')).toBe(false);
  });
});

describe('values', () => {
  it('reads dates the ways Chinese forms write them, and refuses impossible ones', () => {
    for (const s of ['1985-03-01', '1985/3/1', '1985.3.1', '1985年3月1日', '19850301', '31107']) expect(parseChineseDate(s, { month: false }), s).toBe('1985-03-01');
    expect(parseChineseDate('1985年3月', { month: true })).toBe('1985-03');
    expect(parseChineseDate('1985.03', { month: true })).toBe('1985-03');
    expect(parseChineseDate('1985年3月', { month: false })).toBeNull();
    expect(parseChineseDate('1985-02-30', { month: false })).toBeNull();
    expect(parseChineseDate('1985-13', { month: true })).toBeNull();
    expect(parseChineseDate('去年', { month: true })).toBeNull();
  });

  it('checks ID numbers, mobiles, enumerations, booleans and numbers with zh/en reasons', () => {
    const id = makeIdNumber({ regionCode: '530529', birthDate: '1985-03-01', seq: 12 });
    expect(validateValue(getCatalogField('teacher.idNumber'), id.toLowerCase())).toEqual({ ok: true, value: id.toUpperCase() });
    const bad = validateValue(getCatalogField('teacher.idNumber'), `${id.slice(0, 17)}${id.endsWith('1') ? '2' : '1'}`);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason.zh).toContain('身份证');
    expect(validateValue(getCatalogField('teacher.mobile'), '138 0013 8000')).toEqual({ ok: true, value: '13800138000' });
    expect(validateValue(getCatalogField('teacher.mobile'), '2380013800').ok).toBe(false);
    expect(validateValue(getCatalogField('teacher.politicalStatus'), '党员')).toEqual({ ok: true, value: '中共党员' });
    expect(validateValue(getCatalogField('teacher.ethnicity'), '火星族').ok).toBe(false);
    expect(validateValue(getCatalogField('teacher.highestEducation'), '本科')).toEqual({ ok: true, value: '大学本科' });
    expect(validateValue(getCatalogField('teacher.isClassTeacher'), '√')).toEqual({ ok: true, value: '是' });
    expect(validateValue(getCatalogField('teacher.isClassTeacher'), '也许').ok).toBe(false);
    expect(validateValue(getCatalogField('school.studentCount'), '1,234')).toEqual({ ok: true, value: '1234' });
    expect(validateValue(getCatalogField('school.studentCount'), '-3').ok).toBe(false);
    expect(validateValue(getCatalogField('teacher.name'), '  ').ok).toBe(false);
  });

  it('derives age and years of teaching as of a day, in full years', () => {
    const v = { 'teacher.birthDate': '1985-03-01', 'teacher.workStartDate': '2007-09' } as const;
    expect(deriveValue('teacher.age', v, '2026-02-28')).toBe('40');
    expect(deriveValue('teacher.age', v, '2026-03-01')).toBe('41');
    expect(deriveValue('teacher.teachingYears', v, '2026-08-31')).toBe('18');
    expect(deriveValue('teacher.teachingYears', v, '2026-09-01')).toBe('19');
    expect(deriveValue('teacher.age', {}, '2026-03-01')).toBeNull();
    expect(deriveValue('teacher.age', { 'teacher.birthDate': '2030-01-01' }, '2026-03-01')).toBeNull();
    expect(deriveValue('teacher.name', v, '2026-03-01')).toBeNull();
  });
});

describe('header matching', () => {
  it('normalises spacing, full-width marks, asterisks, bracketed notes and format hints', () => {
    expect(normalizeHeader('姓 名')).toBe('姓名');
    expect(normalizeHeader('＊姓名（必填）')).toBe('姓名');
    expect(normalizeHeader('出生年月\n(格式:YYYY-MM)')).toBe('出生年月');
    expect(normalizeHeader('占地面积（平方米）')).toBe('占地面积');
  });

  it('matches synonyms and multi-row headers, and refuses false friends', () => {
    expect(matchHeader('公民身份号码', 'teacher').field).toBe('teacher.idNumber');
    expect(matchHeader('参工时间', 'teacher').field).toBe('teacher.workStartDate');
    expect(matchHeader(['学历', '最高学历'], 'teacher').field).toBe('teacher.highestEducation');
    expect(matchHeader(['参加工作', '时间'], 'teacher').field).toBe('teacher.workStartDate');
    for (const h of ['第一学历', '入党介绍人', '家长姓名', '配偶姓名', '紧急联系人电话', '毕业证书编号']) expect(matchHeader(h, 'teacher'), h).toEqual({ field: null, confidence: 0 });
    expect(matchHeader(['学历', '第一学历'], 'teacher').field).toBeNull();
    expect(matchHeader(['第一学历', '毕业院校'], 'teacher').field).toBeNull();
    expect(matchHeader(['家庭成员', '姓名'], 'teacher').field).toBeNull();
    expect(matchHeader(['校长', '联系电话'], 'school').field).toBeNull();
  });

  it('lets the subject decide ambiguous labels', () => {
    expect(matchHeader('联系电话', 'teacher').field).toBe('teacher.mobile');
    expect(matchHeader('联系电话', 'school').field).toBe('school.phone');
    expect(matchHeader('学校名称', 'teacher').field).toBe('teacher.school');
    expect(matchHeader('学校名称', 'school').field).toBe('school.name');
    expect(matchHeader('学生人数', 'teacher').field).toBeNull();
    expect(matchHeader('学生人数', 'school').field).toBe('school.studentCount');
  });

  it('scores ≥ 97 % on the labelled set of real-world headers with no false friend matched', () => {
    const cases = parseHeaderSet(fs.readFileSync(path.join(import.meta.dirname, '../../../bench/data/headers.tsv'), 'utf8'));
    expect(cases.length).toBeGreaterThanOrEqual(150);
    const s = scoreHeaderSet(cases);
    expect(s.falseFriendCases).toBeGreaterThanOrEqual(25);
    expect(s.falseFriendsMatched.map((c) => c.labels.join(' | '))).toEqual([]);
    expect(s.accuracy, JSON.stringify(s.wrong.map((w) => [w.c.labels, w.c.expected, w.got]))).toBeGreaterThanOrEqual(0.97);
  });
});
