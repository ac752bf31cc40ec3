import JSZip from 'jszip';

/** The parts of a .docx a test or a check reads, and its paragraphs as plain text. */
export interface TDocxParts {
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  /** footer XML by footerReference type (`default` = odd pages, `even`). */
  footers: Record<string, string>;
  paragraphs: string[];
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

export async function readDocx(buf: Buffer): Promise<TDocxParts> {
  const zip = await JSZip.loadAsync(buf);
  const part = async (name: string) => {
    const f = zip.file(name);
    if (!f) throw new Error(`missing part ${name}`);
    return f.async('string');
  };
  const [document, styles, settings, fontTable, rels] = await Promise.all([part('word/document.xml'), part('word/styles.xml'), part('word/settings.xml'), part('word/fontTable.xml'), part('word/_rels/document.xml.rels')]);
  const footers: Record<string, string> = {};
  for (const m of document.matchAll(/<w:footerReference w:type="(\w+)" r:id="(\w+)"\/>/g)) {
    const target = new RegExp(`Id="${m[2]}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${m[2]}"`).exec(rels);
    const file = target?.[1] ?? target?.[2];
    if (file) footers[m[1]!] = await part(`word/${file}`);
  }
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => unescapeXml([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
  return { document, styles, settings, fontTable, footers, paragraphs };
}

/** One `<w:style>` element by its id. */
export function styleXml(styles: string, id: string): string | null {
  return new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles)?.[0] ?? null;
}
