/**
 * The light challenge of the complaint form: find a nonce such that SHA-256(prefix + nonce) starts
 * with `bits` zero bits. Runs in the page with crypto.subtle, a batch of digests at a time so the
 * page stays responsive; gives up after `maxTries` (the server's difficulty is small).
 */
const BATCH = 64;

function leadingZeroBits(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) {
    if (b === 0) {
      n += 8;
      continue;
    }
    return n + Math.clz32(b) - 24;
  }
  return n;
}

export async function solveChallenge(prefix: string, bits: number, maxTries = 1 << 24): Promise<string> {
  const enc = new TextEncoder();
  for (let start = 0; start < maxTries; start += BATCH) {
    const tries = Array.from({ length: BATCH }, (_v, i) => String(start + i));
    const digests = await Promise.all(tries.map((nonce) => crypto.subtle.digest('SHA-256', enc.encode(prefix + nonce))));
    const hit = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d)) >= bits);
    if (hit >= 0) return tries[hit]!;
  }
  throw new Error('challenge not solved');
}
