import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Personal fields (ID numbers, phones) are encrypted at rest with SM4-CBC (GB/T 32907) under a
 * key derived from the installation secret, and looked up through an HMAC-SM3 of the value.
 */
export interface TFieldCrypto {
  encrypt: (plain: string) => string;
  decrypt: (token: string) => string;
  lookupHash: (plain: string) => string;
}

/** IVs come from the CSPRNG in 4 KB draws (one system call per 256 IVs); a drawn block is never reused. */
const IV_POOL_BYTES = 4096;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function nextIv(): Buffer {
  if (ivAt + 16 > ivPool.length) {
    ivPool = crypto.randomBytes(IV_POOL_BYTES);
    ivAt = 0;
  }
  const iv = ivPool.subarray(ivAt, ivAt + 16);
  ivAt += 16;
  return iv;
}

export function createFieldCrypto(secretHex: string): TFieldCrypto {
  const secret = Buffer.from(secretHex, 'hex');
  if (secret.length < 32) throw new Error('JIANFU_SECRET_KEY must be at least 32 bytes of hex');
  const encKey = crypto.createHash('sm3').update(secret).update('enc').digest().subarray(0, 16);
  const macKey = crypto.createHash('sm3').update(secret).update('mac').digest();
  return {
    encrypt(plain) {
      const iv = nextIv();
      const cipher = crypto.createCipheriv('sm4-cbc', encKey, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return `v1:${iv.toString('base64')}:${body.toString('base64')}`;
    },
    decrypt(token) {
      const [v, ivB64, bodyB64] = token.split(':');
      if (v !== 'v1' || !ivB64 || !bodyB64) throw new Error('not an encrypted field');
      const decipher = crypto.createDecipheriv('sm4-cbc', encKey, Buffer.from(ivB64, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(bodyB64, 'base64')), decipher.final()]).toString('utf8');
    },
    lookupHash(plain) {
      return crypto.createHmac('sm3', macKey).update(plain.trim().toUpperCase()).digest('hex');
    },
  };
}

/** The installation secret: `JIANFU_SECRET_KEY`, else `<dataDir>/secret.key` (created once, mode 0600). */
export function loadOrCreateSecret(opts: { secretKeyHex: string | null; dataDir: string }): string {
  if (opts.secretKeyHex) return opts.secretKeyHex;
  const file = path.join(opts.dataDir, 'secret.key');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const hex = crypto.randomBytes(32).toString('hex');
  fs.writeFileSync(file, hex + '\n', { mode: 0o600, flag: 'wx' });
  return hex;
}
