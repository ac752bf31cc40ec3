import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TConfig, loadConfig } from './config';
import type { TDeps } from './context';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createFieldCrypto, loadOrCreateSecret } from './security/fieldCrypto';
import { checkKeyFingerprint } from './security/keyFingerprint';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist', 'web');

/** Opens the database, runs migrations, checks the field-encryption key against the database's, and builds the process-wide dependencies. */
export async function createDeps(config: TConfig = loadConfig(), opts: { migrate?: boolean } = {}): Promise<TDeps & { close: () => Promise<void> }> {
  const secretHex = loadOrCreateSecret(config);
  const fieldCrypto = createFieldCrypto(secretHex); // validates the key before its fingerprint is stored
  const handle = openDatabase(config);
  if (opts.migrate !== false) {
    try {
      await migrateToLatest(handle.db, handle.dialect);
      await checkKeyFingerprint(handle.db, { secretHex, source: config.secretKeyHex ? 'JIANFU_SECRET_KEY' : path.join(config.dataDir, 'secret.key') });
    } catch (err) {
      await handle.close();
      throw err;
    }
  }
  return { db: handle.db, dialect: handle.dialect, config, fieldCrypto, close: handle.close };
}
