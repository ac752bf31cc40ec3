import { describe, it, expect } from 'vitest';
import { checkPasswordPolicy, countPasswordClasses } from './password.js';

describe('checkPasswordPolicy — ok', () => {
  it.each(['Abcdefg1', 'abcdef1!', 'ABCDEF1!', 'Abcdefg!', 'Jianfu#2024', 'correct Horse 9', '密码Abc12345'])(
    '%s',
    (pw) => {
      expect(checkPasswordPolicy(pw)).toEqual({ ok: true });
    },
  );
  it('accepts exactly 128 characters', () => {
    expect(checkPasswordPolicy('Aa1' + 'x'.repeat(125))).toEqual({ ok: true });
  });
  it('ignores very short usernames', () => {
    expect(checkPasswordPolicy('Liabc123!', { username: 'li' })).toEqual({ ok: true });
  });
  it('passes when username is not contained', () => {
    expect(checkPasswordPolicy('Blue#Sky2024', { username: 'zhangsan' })).toEqual({ ok: true });
  });
});

describe('checkPasswordPolicy — failures', () => {
  it('tooShort', () => {
    expect(checkPasswordPolicy('Ab1!xyz')).toEqual({ ok: false, reasons: ['tooShort'] });
  });
  it('tooLong', () => {
    expect(checkPasswordPolicy('Aa1' + 'x'.repeat(126))).toEqual({ ok: false, reasons: ['tooLong'] });
  });
  it('classes', () => {
    expect(checkPasswordPolicy('abcdefgh')).toEqual({ ok: false, reasons: ['classes'] });
    expect(checkPasswordPolicy('abcdefg1')).toEqual({ ok: false, reasons: ['classes'] });
    expect(checkPasswordPolicy('12345678')).toEqual({ ok: false, reasons: ['classes'] });
  });
  it('containsUsername, case-insensitively', () => {
    expect(checkPasswordPolicy('ZhangSan#2024', { username: 'zhangsan' })).toEqual({
      ok: false,
      reasons: ['containsUsername'],
    });
    expect(checkPasswordPolicy('xx-ADMIN-9a', { username: ' Admin ' })).toEqual({
      ok: false,
      reasons: ['containsUsername'],
    });
  });
  it('reports every failing rule in fixed order', () => {
    expect(checkPasswordPolicy('bob', { username: 'bob' })).toEqual({
      ok: false,
      reasons: ['tooShort', 'classes', 'containsUsername'],
    });
    expect(checkPasswordPolicy('a'.repeat(200))).toEqual({ ok: false, reasons: ['tooLong', 'classes'] });
    expect(checkPasswordPolicy('')).toEqual({ ok: false, reasons: ['tooShort', 'classes'] });
  });
  it('counts length in code points, not UTF-16 units', () => {
    // 4 emoji = 8 UTF-16 units but only 4 characters
    expect(checkPasswordPolicy('A1😀😀😀😀')).toEqual({ ok: false, reasons: ['tooShort'] });
  });
});

describe('countPasswordClasses', () => {
  it('counts each class once', () => {
    expect(countPasswordClasses('')).toBe(0);
    expect(countPasswordClasses('aaa')).toBe(1);
    expect(countPasswordClasses('aA')).toBe(2);
    expect(countPasswordClasses('aA1')).toBe(3);
    expect(countPasswordClasses('aA1 ')).toBe(4);
    expect(countPasswordClasses('中文')).toBe(1);
  });
});
