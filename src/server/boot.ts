import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type TConfig, loadConfig } from './config';
import type { TDeps } from './context';
import { openDatabase } from './db/connect';
import { migrateToLatest } from './db/migrate';
import { createFieldCrypto, loadOrCreateSecret } from './security/fieldCrypto';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WEB_DIST = path.join(PROJECT_ROOT, 'dist', 'web');

/** Opens the database, runs migrations and builds the process-wide dependencies. */
export async function createDeps(config: TConfig = loadConfig(), opts: { migrate?: boolean } = {}): Promise<TDeps & { close: () => Promise<void> }> {
  const handle = openDatabase(config);
  if (opts.migrate !== false) await migrateToLatest(handle.db, handle.dialect);
  const fieldCrypto = createFieldCrypto(loadOrCreateSecret(config));
  return { db: handle.db, dialect: handle.dialect, config, fieldCrypto, close: handle.close };
}
