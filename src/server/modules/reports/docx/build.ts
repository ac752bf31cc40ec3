/**
 * Lays out an official document (`TOfficialDoc`) in GB/T 9704-2012 style with the `docx`
 * package: A4, the standard's margins, a 22 × 28 line-and-character grid, 2号小标宋 title,
 * 3号仿宋 body, 黑体 / 楷体 headings, 4号宋体 page numbers "— 1 —" right on odd pages and left
 * on even ones, 发文字号 centred above the title, signature and date at the end.
 */
import {
  AlignmentType,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type IParagraphStyleOptions,
  TextRun,
} from 'docx';
import { formatDate } from '../../../../domain/i18n';
import type { TDocBlock, TOfficialDoc } from '../../../../domain/reports/document';
import {
  CHAR_SPACE,
  CHAR_TWIPS,
  FONTS,
  FOOTER_TWIPS,
  HEADER_TWIPS,
  LATIN_FONT,
  LINE_PITCH_TWIPS,
  MARGIN_TWIPS,
  PAGE_TWIPS,
  SIZE_HALF_POINTS,
  textWidthChars,
} from '../../../../domain/reports/gbt9704';
import { fontTableXml } from './fonts';

/** Style ids of the document (`w:styleId`): tests and templates refer to them. */
export const STYLE = {
  title: 'GbTitle',
  docNo: 'GbDocNo',
  body: 'GbBody',
  line: 'GbLine',
  heading1: 'GbHeading1',
  heading2: 'GbHeading2',
  signature: 'GbSignature',
  pageNumber: 'GbPageNumber',
} as const;

type TFontKey = keyof typeof FONTS;

/** rFonts of a family: the first choice for East Asian text; Latin text and digits in Times New Roman except where noted. */
function fontOf(key: TFontKey, latin: string = LATIN_FONT) {
  const eastAsia = FONTS[key][0];
  return { eastAsia, ascii: latin, hAnsi: latin, cs: latin };
}

const INDENT_2 = { firstLine: 2 * CHAR_TWIPS, firstLineChars: 200 };
const EXACT = { line: LINE_PITCH_TWIPS, lineRule: LineRuleType.EXACT };

function style(id: string, name: string, o: { font: TFontKey; latin?: string; size: number; paragraph?: IParagraphStyleOptions['paragraph'] }): IParagraphStyleOptions {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: STYLE.body,
    quickFormat: true,
    run: { font: fontOf(o.font, o.latin), size: o.size, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
    paragraph: { spacing: EXACT, ...o.paragraph },
  };
}

const STYLES: IParagraphStyleOptions[] = [
  style(STYLE.title, 'GB Title 2号小标宋', { font: 'title', latin: FONTS.title[0], size: SIZE_HALF_POINTS.title, paragraph: { alignment: AlignmentType.CENTER } }),
  style(STYLE.docNo, 'GB Doc No 发文字号', { font: 'body', size: SIZE_HALF_POINTS.body, paragraph: { alignment: AlignmentType.CENTER } }),
  style(STYLE.body, 'GB Body 3号仿宋', { font: 'body', size: SIZE_HALF_POINTS.body, paragraph: { alignment: AlignmentType.JUSTIFIED, indent: INDENT_2 } }),
  style(STYLE.line, 'GB List Line', { font: 'body', size: SIZE_HALF_POINTS.body, paragraph: { alignment: AlignmentType.LEFT, indent: INDENT_2 } }),
  style(STYLE.heading1, 'GB Heading 1 黑体', { font: 'heading1', size: SIZE_HALF_POINTS.body, paragraph: { indent: INDENT_2, outlineLevel: 0, keepNext: true } }),
  style(STYLE.heading2, 'GB Heading 2 楷体', { font: 'heading2', size: SIZE_HALF_POINTS.body, paragraph: { indent: INDENT_2, outlineLevel: 1, keepNext: true } }),
  style(STYLE.signature, 'GB Signature 署名', { font: 'body', size: SIZE_HALF_POINTS.body, paragraph: { alignment: AlignmentType.RIGHT } }),
  style(STYLE.pageNumber, 'GB Page Number 4号宋体', { font: 'pageNumber', latin: FONTS.pageNumber[0], size: SIZE_HALF_POINTS.pageNumber }),
];

function para(styleId: string, text: string, extra: { indentRight?: number } = {}): Paragraph {
  return new Paragraph({ style: styleId, ...(extra.indentRight !== undefined ? { indent: { right: extra.indentRight } } : {}), children: text ? [new TextRun(text)] : [] });
}

function blockParagraph(b: TDocBlock): Paragraph {
  switch (b.kind) {
    case 'h1':
      return para(STYLE.heading1, b.text);
    case 'h2':
      return para(STYLE.heading2, b.text);
    case 'p':
      return para(STYLE.body, b.text);
    case 'line':
      return para(STYLE.line, b.text);
  }
}

/** "— 1 —" in 4号宋体, one character in from the outer edge: right on odd pages, left on even ones. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.pageNumber,
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: CHAR_TWIPS } : { left: CHAR_TWIPS },
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

/**
 * Signature of an unsealed document (GB/T 9704 §7.3.5.2): one blank line under the text, the
 * organisation right-aligned two characters in, the date on the next line starting two
 * characters to the right of the organisation's first character.
 */
function signature(sig: TOfficialDoc['signature']): Paragraph[] {
  const date = formatDate(sig.date, 'zh');
  const orgRight = 2;
  const dateRight = Math.max(0, orgRight + textWidthChars(sig.org) - 2 - textWidthChars(date));
  return [para(STYLE.body, ''), para(STYLE.signature, sig.org, { indentRight: orgRight * CHAR_TWIPS }), para(STYLE.signature, date, { indentRight: Math.round(dateRight * CHAR_TWIPS) })];
}

export function buildDocument(doc: TOfficialDoc): Document {
  const head: Paragraph[] = [];
  if (doc.docNo) head.push(para(STYLE.docNo, doc.docNo), para(STYLE.body, ''), para(STYLE.body, ''));
  head.push(para(STYLE.title, doc.title), para(STYLE.body, ''));
  if (doc.addressee) head.push(new Paragraph({ style: STYLE.line, indent: { firstLine: 0, firstLineChars: 0 }, children: [new TextRun(doc.addressee)] }));
  return new Document({
    creator: 'Jianfu 减负',
    title: doc.title,
    description: doc.docNo ?? undefined,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fontOf('body'), size: SIZE_HALF_POINTS.body, language: { value: 'zh-CN', eastAsia: 'zh-CN' } },
          paragraph: { spacing: EXACT },
        },
      },
      paragraphStyles: STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: { ...MARGIN_TWIPS, header: HEADER_TWIPS, footer: FOOTER_TWIPS, gutter: 0 },
          },
          grid: { type: DocumentGridType.LINES_AND_CHARS, linePitch: LINE_PITCH_TWIPS, charSpace: CHAR_SPACE },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...head, ...doc.blocks.map(blockParagraph), ...signature(doc.signature)],
      },
    ],
  });
}

/** The .docx file of a document, with the font table declaring the fonts and their fallbacks. */
export function renderOfficialDocx(doc: TOfficialDoc): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(doc), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}
