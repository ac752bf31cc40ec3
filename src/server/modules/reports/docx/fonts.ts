import { FONTS, LATIN_FONT } from '../../../../domain/reports/gbt9704';

/** What the font table says of a font: family class and panose of the face, charset GB2312 (86). */
interface TFontFace {
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  panose: string;
  charset: string;
}

const FACE: Record<string, TFontFace> = {
  方正小标宋简体: { family: 'auto', panose: '02000000000000000000', charset: '86' },
  方正小标宋_GBK: { family: 'auto', panose: '02000000000000000000', charset: '86' },
  华文中宋: { family: 'auto', panose: '02010600040101010101', charset: '86' },
  宋体: { family: 'auto', panose: '02010600030101010101', charset: '86' },
  SimSun: { family: 'auto', panose: '02010600030101010101', charset: '86' },
  STSong: { family: 'auto', panose: '02010600040101010101', charset: '86' },
  仿宋_GB2312: { family: 'modern', panose: '02010609030101010101', charset: '86' },
  仿宋: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  FangSong: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  STFangsong: { family: 'auto', panose: '02010600040101010101', charset: '86' },
  黑体: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  SimHei: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  STHeiti: { family: 'auto', panose: '02010600040101010101', charset: '86' },
  楷体_GB2312: { family: 'modern', panose: '02010609030101010101', charset: '86' },
  楷体: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  KaiTi: { family: 'modern', panose: '02010609060101010101', charset: '86' },
  STKaiti: { family: 'auto', panose: '02010600040101010101', charset: '86' },
};

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * `word/fontTable.xml` declaring every font the document uses with its fallbacks: each family
 * is a chain (方正小标宋简体 → 方正小标宋_GBK → 华文中宋 → 宋体), every member declared with
 * `w:altName` naming the next one, charset 86 (GB2312) and its panose, so that Word, WPS and
 * LibreOffice substitute a face of the same class when the first choice is not installed.
 */
export function fontTableXml(): string {
  // a font may sit in several chains (宋体 ends the title's and starts the page number's): its
  // fallback is the next font of the first chain that has one after it
  const order: string[] = [];
  const altOf = new Map<string, string>();
  for (const chain of Object.values(FONTS)) {
    chain.forEach((name, i) => {
      if (!order.includes(name)) order.push(name);
      const next = chain[i + 1];
      if (next && !altOf.has(name)) altOf.set(name, next);
    });
  }
  const entries = order.map((name) => {
    const face = FACE[name] ?? { family: 'auto', panose: '02010600030101010101', charset: '86' };
    const alt = altOf.get(name);
    return `<w:font w:name="${esc(name)}">${alt ? `<w:altName w:val="${esc(alt)}"/>` : ''}<w:panose1 w:val="${face.panose}"/><w:charset w:val="${face.charset}"/><w:family w:val="${face.family}"/><w:pitch w:val="variable"/></w:font>`;
  });
  entries.push(`<w:font w:name="${LATIN_FONT}"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>`);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
