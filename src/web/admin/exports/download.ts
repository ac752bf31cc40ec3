/**
 * Downloads an export while it streams, reporting progress. The server sends the filtered row
 * count (`x-total-rows`) and a rough compressed size of a row (`x-row-bytes`) before the body;
 * the .xlsx is zipped, so the bytes received are all the browser can count: the share shown is
 * bytes ÷ (rows × bytes a row), held below 99 % until the last byte is in.
 */
import { apiResponse, type TRequest } from '../api';

export interface TExportProgress {
  bytes: number;
  totalRows: number | null;
  /** 0..1, an estimate until done; null when the server sent no count. */
  share: number | null;
  done: boolean;
}

function fileNameOf(res: Response, fallback: string): string {
  const cd = res.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(cd)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(cd)?.[1];
  return star ? decodeURIComponent(star) : (plain ?? fallback);
}

export async function downloadWithProgress(path: string, query: TRequest['query'], fallbackName: string, onProgress: (p: TExportProgress) => void): Promise<{ rows: number | null; bytes: number; name: string }> {
  const res = await apiResponse(path, { query });
  const totalRows = res.headers.has('x-total-rows') ? Number(res.headers.get('x-total-rows')) : null;
  const rowBytes = Number(res.headers.get('x-row-bytes') ?? 0) || null;
  const expected = totalRows !== null && rowBytes ? totalRows * rowBytes + 6000 : null;
  const chunks: Uint8Array<ArrayBuffer>[] = [];
  let bytes = 0;
  onProgress({ bytes, totalRows, share: expected ? 0 : null, done: false });
  const reader = res.body?.getReader();
  if (reader) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value as Uint8Array<ArrayBuffer>);
      bytes += value.byteLength;
      onProgress({ bytes, totalRows, share: expected ? Math.min(0.99, bytes / expected) : null, done: false });
    }
  } else {
    const buf = new Uint8Array(await res.arrayBuffer());
    chunks.push(buf);
    bytes = buf.byteLength;
  }
  onProgress({ bytes, totalRows, share: 1, done: true });
  const name = fileNameOf(res, fallbackName);
  const url = URL.createObjectURL(new Blob(chunks, { type: res.headers.get('content-type') ?? 'application/octet-stream' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { rows: totalRows, bytes, name };
}
