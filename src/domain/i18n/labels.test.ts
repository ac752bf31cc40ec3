import { describe, expect, it } from 'vitest';
import { LABELS, LABEL_SOURCES, label } from './index';

describe('the label table', () => {
  it('defines each key in one file only (a second definition would silently win or lose)', () => {
    const owners = new Map<string, string[]>();
    for (const [file, table] of Object.entries(LABEL_SOURCES)) {
      for (const key of Object.keys(table)) owners.set(key, [...(owners.get(key) ?? []), file]);
    }
    const twice = [...owners].filter(([, files]) => files.length > 1).map(([key, files]) => `${key}: ${files.join(', ')}`);
    expect(twice).toEqual([]);
    expect(Object.keys(LABELS).length).toBe(owners.size);
  });

  it('has a Chinese and an English text for every key, Chinese first', () => {
    const bad = Object.entries(LABELS).filter(([, [zh, en]]) => zh.length === 0 || en.length === 0);
    expect(bad).toEqual([]);
    // the Chinese side of a sample of keys is Chinese, the English side is not
    for (const key of ['caseCategory.forced_app', 'caseStatus.closed', 'caseEvent.assign']) {
      expect(label(key, 'zh')).toMatch(/[\u4e00-\u9fff]/);
      expect(label(key, 'en')).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('answers the key itself for an unknown key, in either language', () => {
    expect(label('no.such.key', 'zh')).toBe('no.such.key');
    expect(label('no.such.key', 'en')).toBe('no.such.key');
  });
});
