import { describe, expect, it } from 'vitest';
import { chineseNumeral, numberSections, type TOfficialDoc } from '../../../../domain/reports/document';
import { CHAR_SPACE, CHAR_TWIPS, LINE_PITCH_TWIPS, mmToTwipsExact, mmToTwipsWord, textWidthChars } from '../../../../domain/reports/gbt9704';
import { renderOfficialDocx, STYLE } from './build';
import { readDocx, styleXml } from './read';

const DOC: TOfficialDoc = {
  docNo: '青教减报〔2026〕7号',
  title: '青禾县教育体育局关于减轻中小学教师负担工作阶段性进展情况的报告',
  blocks: numberSections([
    { heading: '加强工作领导', blocks: [{ kind: 'p', text: '成立领导小组。' }, { kind: 'line', text: '组　长：李国强　局长' }] },
    null,
    { heading: '抓住重点', blocks: [{ kind: 'h2', text: '精简文件会议' }, { kind: 'p', text: '发文3件。' }, { kind: 'h2', text: '建立审批报备制度' }] },
  ]),
  signature: { org: '青禾县教育体育局', date: '2026-11-28' },
};

const attr = (xml: string, el: string, name: string) => new RegExp(`<${el}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml)?.[1];

describe('GB/T 9704 layout in the .docx', () => {
  it('computes the standard’s page, margins and grid in twips', () => {
    expect(mmToTwipsExact(210)).toBe(11906);
    expect(mmToTwipsExact(297)).toBe(16838);
    expect([37, 35, 28, 26].map(mmToTwipsWord)).toEqual([2098, 1984, 1588, 1474]);
    // text area 8844 × 12756 twips (156 × 225 mm): 22 lines of 579, 28 characters of 315.9
    expect(LINE_PITCH_TWIPS).toBe(579);
    expect(LINE_PITCH_TWIPS * 22).toBeLessThanOrEqual(12756);
    expect(CHAR_SPACE).toBe(-849);
    expect((16 + CHAR_SPACE / 4096) * 20 * 28).toBeLessThanOrEqual(8844);
    expect(CHAR_TWIPS).toBe(316);
    expect(textWidthChars('2026年11月28日')).toBe(7);
    expect([1, 9, 10, 11, 20, 23].map(chineseNumeral)).toEqual(['一', '九', '十', '十一', '二十', '二十三']);
  });

  it('writes A4, the margins, the line-and-character grid and odd/even footers', async () => {
    const d = await readDocx(await renderOfficialDocx(DOC));
    expect(attr(d.document, 'w:pgSz', 'w:w')).toBe('11906');
    expect(attr(d.document, 'w:pgSz', 'w:h')).toBe('16838');
    expect(attr(d.document, 'w:pgMar', 'w:top')).toBe('2098');
    expect(attr(d.document, 'w:pgMar', 'w:bottom')).toBe('1984');
    expect(attr(d.document, 'w:pgMar', 'w:left')).toBe('1588');
    expect(attr(d.document, 'w:pgMar', 'w:right')).toBe('1474');
    expect(attr(d.document, 'w:docGrid', 'w:type')).toBe('linesAndChars');
    expect(attr(d.document, 'w:docGrid', 'w:linePitch')).toBe('579');
    expect(attr(d.document, 'w:docGrid', 'w:charSpace')).toBe('-849');
    expect(d.settings).toContain('<w:evenAndOddHeaders/>');
    expect(Object.keys(d.footers).sort()).toEqual(['default', 'even']);
    for (const [type, xml] of Object.entries(d.footers)) {
      // "— " PAGE " —" in 4号 (28 half-points) 宋体
      expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>[\s\S]*<w:fldChar w:fldCharType="begin"\/>[\s\S]*<w:instrText xml:space="preserve">PAGE<\/w:instrText>[\s\S]*<w:fldChar w:fldCharType="end"\/>[\s\S]*<w:t xml:space="preserve"> —<\/w:t>/);
      expect(xml).toContain(`w:pStyle w:val="${STYLE.pageNumber}"`);
      expect(attr(xml, 'w:jc', 'w:val')).toBe(type === 'default' ? 'right' : 'left');
      expect(attr(xml, 'w:ind', type === 'default' ? 'w:right' : 'w:left')).toBe('316');
    }
    const pn = styleXml(d.styles, STYLE.pageNumber)!;
    expect(attr(pn, 'w:rFonts', 'w:eastAsia')).toBe('宋体');
    expect(attr(pn, 'w:rFonts', 'w:ascii')).toBe('宋体');
    expect(attr(pn, 'w:sz', 'w:val')).toBe('28');
  });

  it('gives each style its font and size: 2号小标宋 title, 3号仿宋 body, 黑体 and 楷体 headings', async () => {
    const d = await readDocx(await renderOfficialDocx(DOC));
    const expected: [string, string, string][] = [
      [STYLE.title, '方正小标宋简体', '44'],
      [STYLE.body, '仿宋_GB2312', '32'],
      [STYLE.line, '仿宋_GB2312', '32'],
      [STYLE.docNo, '仿宋_GB2312', '32'],
      [STYLE.heading1, '黑体', '32'],
      [STYLE.heading2, '楷体_GB2312', '32'],
      [STYLE.signature, '仿宋_GB2312', '32'],
    ];
    for (const [id, font, size] of expected) {
      const s = styleXml(d.styles, id);
      expect(s, id).not.toBeNull();
      expect(attr(s!, 'w:rFonts', 'w:eastAsia'), id).toBe(font);
      expect(attr(s!, 'w:sz', 'w:val'), id).toBe(size);
      expect(attr(s!, 'w:spacing', 'w:line'), id).toBe('579');
      expect(attr(s!, 'w:spacing', 'w:lineRule'), id).toBe('exact');
    }
    for (const id of [STYLE.body, STYLE.heading1, STYLE.heading2, STYLE.line]) expect(attr(styleXml(d.styles, id)!, 'w:ind', 'w:firstLineChars'), id).toBe('200');
    expect(attr(styleXml(d.styles, STYLE.title)!, 'w:jc', 'w:val')).toBe('center');
    // docDefaults: 3号仿宋
    expect(attr(d.styles.slice(d.styles.indexOf('<w:docDefaults>')), 'w:rFonts', 'w:eastAsia')).toBe('仿宋_GB2312');
    // fallbacks declared in the font table, each pointing at the next
    for (const [font, alt] of [
      ['方正小标宋简体', '方正小标宋_GBK'],
      ['方正小标宋_GBK', '华文中宋'],
      ['华文中宋', '宋体'],
      ['仿宋_GB2312', '仿宋'],
      ['仿宋', 'FangSong'],
      ['FangSong', 'STFangsong'],
      ['楷体_GB2312', '楷体'],
      ['楷体', 'KaiTi'],
      ['黑体', 'SimHei'],
      ['SimHei', 'STHeiti'],
      ['KaiTi', 'STKaiti'],
      // 宋体 ends the title's chain and starts the page number's: it still points at SimSun
      ['宋体', 'SimSun'],
      ['SimSun', 'STSong'],
    ]) {
      expect(d.fontTable).toMatch(new RegExp(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>[^]*?<w:charset w:val="86"/>`));
    }
    // each font declared once; the last of a chain has no fallback of its own
    for (const font of ['宋体', '黑体', 'STSong', 'STKaiti']) expect(d.fontTable.split(`<w:font w:name="${font}">`).length, font).toBe(2);
    expect(d.fontTable).toMatch(/<w:font w:name="STSong"><w:panose1/);
  });

  it('puts the number above the title, numbers the sections that exist, and signs with an Arabic date', async () => {
    const d = await readDocx(await renderOfficialDocx(DOC));
    const p = d.paragraphs;
    expect(p[0]).toBe('青教减报〔2026〕7号');
    expect(p.indexOf(DOC.title)).toBeGreaterThan(0);
    expect(p).toContain('一、加强工作领导');
    expect(p).toContain('二、抓住重点');
    expect(p).toContain('（一）精简文件会议');
    expect(p).toContain('（二）建立审批报备制度');
    expect(p.slice(-2)).toEqual(['青禾县教育体育局', '2026年11月28日']);
    const paras = [...d.document.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    const styleOf = (text: string) => paras.find((x) => x.includes(`>${text}<`))?.match(/w:pStyle w:val="(\w+)"/)?.[1];
    expect(styleOf('青教减报〔2026〕7号')).toBe(STYLE.docNo);
    expect(styleOf(DOC.title)).toBe(STYLE.title);
    expect(styleOf('一、加强工作领导')).toBe(STYLE.heading1);
    expect(styleOf('（一）精简文件会议')).toBe(STYLE.heading2);
    expect(styleOf('成立领导小组。')).toBe(STYLE.body);
    expect(styleOf('2026年11月28日')).toBe(STYLE.signature);
    // unsealed signature: the org two characters in from the right, the date starting two characters to its right
    const ind = (text: string) => Number(paras.find((x) => x.includes(`>${text}<`))?.match(/w:ind w:right="(\d+)"/)?.[1]);
    expect(ind('青禾县教育体育局')).toBe(2 * CHAR_TWIPS);
    expect(ind('2026年11月28日')).toBe(CHAR_TWIPS); // 8 − 2 − 7 characters: one
  });
});
