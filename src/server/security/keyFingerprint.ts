import crypto from 'node:crypto';
import type { TDb } from '../db/connect';

/** The settings row holding the fingerprint (table `settings`, migration 0009). */
const SETTING = 'field_key_fingerprint';

interface TSettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

/** Thrown when a process's field-encryption key is not the one the database was first started with. */
export class KeyMismatchError extends Error {
  override name = 'KeyMismatchError';
}

/** An HMAC-SM3 of a fixed text under the key: tells two keys apart and reveals nothing about either. */
export function keyFingerprint(secretHex: string): string {
  return `v1:${crypto.createHmac('sm3', Buffer.from(secretHex, 'hex')).update('jianfu field-encryption key fingerprint').digest('hex')}`;
}

/**
 * Every process on one database must encrypt personal fields with the same key, or each reads
 * only what it wrote itself (and the HMAC lookups miss). Without `JIANFU_SECRET_KEY` each host
 * makes its own `<dataDir>/secret.key`, so the first process to start stores its key's
 * fingerprint and every later one compares: a mismatch refuses to start, naming where the key
 * came from. (A database encrypted before this check existed takes the fingerprint of the first
 * process started after the upgrade.)
 */
export async function checkKeyFingerprint(db: TDb, opts: { secretHex: string; source: string; now?: Date }): Promise<void> {
  const settings = db.withTables<{ settings: TSettingsTable }>();
  const mine = keyFingerprint(opts.secretHex);
  // concurrent first starts: one insert wins, and the others compare against it
  await settings
    .insertInto('settings')
    .values({ key: SETTING, value: mine, updated_at: (opts.now ?? new Date()).toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const stored = await settings.selectFrom('settings').select('value').where('key', '=', SETTING).executeTakeFirstOrThrow();
  if (stored.value === mine) return;
  throw new KeyMismatchError(
    [
      `字段加密密钥与该数据库首次启动时的密钥不一致（本进程的密钥来自 ${opts.source}），拒绝启动：否则将无法解密其他进程写入的身份证号、手机号等字段。请为所有进程配置同一个 JIANFU_SECRET_KEY。`,
      `The field-encryption key of this process (from ${opts.source}) is not the key this database was first started with; refusing to start, as it could not read the ID numbers and phones other processes wrote. Give every process the same JIANFU_SECRET_KEY.`,
    ].join('\n'),
  );
}
