import QRCode from 'qrcode';
import { formatVerifyCode } from '../../../domain/register/codes';
import { label, formatDate } from '../../../domain/i18n';
import type { TItemView } from './present';

export function verifyUrl(baseUrl: string, code: string): string {
  return `${baseUrl.replace(/\/$/, '')}/v/${code}`;
}

export function qrSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

export function qrPng(url: string): Promise<Buffer> {
  return QRCode.toBuffer(url, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 512 });
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A printable A4 notice for the school gate: number, what, who, window, schools, and the QR to verify it. */
export async function noticeHtml(item: TItemView, baseUrl: string): Promise<string> {
  const url = verifyUrl(baseUrl, item.verifyCode ?? '');
  const svg = await qrSvg(url);
  const schools = item.schools.map((s) => esc(s.name)).join('、');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(item.admissionNo ?? '')}</title>
<style>
@page { size: A4; margin: 25mm 22mm; }
body { font-family: "FangSong", "STFangsong", "Noto Serif CJK SC", serif; font-size: 16pt; color: #000; }
h1 { font-family: "SimHei", "Noto Sans CJK SC", sans-serif; font-size: 26pt; text-align: center; margin: 0 0 6mm; letter-spacing: 4pt; }
.no { text-align: center; font-size: 14pt; margin-bottom: 10mm; }
table { width: 100%; border-collapse: collapse; }
th { width: 28mm; text-align: left; vertical-align: top; padding: 2mm 0; font-weight: bold; }
td { padding: 2mm 0; }
.qr { text-align: center; margin-top: 12mm; }
.qr svg { width: 60mm; height: 60mm; }
.code { font-family: monospace; font-size: 20pt; letter-spacing: 2pt; }
.foot { margin-top: 8mm; font-size: 12pt; text-align: center; }
</style></head><body>
<h1>${esc(label('notice.title'))}</h1>
<div class="no">${esc(item.admissionNo ?? '')}</div>
<table>
<tr><th>${esc(label('notice.what'))}</th><td>${esc(label(`itemKind.${item.kind}`))}：${esc(item.title)}</td></tr>
<tr><th>${esc(label('notice.issuer'))}</th><td>${esc(item.issuer.name)}</td></tr>
<tr><th>${esc(label('notice.window'))}</th><td>${esc(formatDate(item.validFrom))} — ${esc(formatDate(item.validTo))}</td></tr>
<tr><th>${esc(label('notice.schools'))}</th><td>${schools}</td></tr>
${item.frequencyCap ? `<tr><th>${esc(label('notice.cap'))}</th><td>${item.frequencyCap}</td></tr>` : ''}
</table>
<div class="qr">${svg}<div class="code">${esc(formatVerifyCode(item.verifyCode ?? ''))}</div></div>
<div class="foot">${esc(label('notice.foot'))}<br>${esc(url)}</div>
</body></html>`;
}
