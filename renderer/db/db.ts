/**
 * The UI thread's one database handle, read-only: the ingest worker is the store's only writer (it opens
 * its own handle), so a write transaction asked for here fails at once, naming the rule. (A schema upgrade
 * is Dexie's versionchange transaction, run by whichever side opens the store first; it is not a write
 * transaction of this handle.)
 */
import { call } from '../bridge';
import { Keyring, attachKeyring } from './keyring';
import { openDb } from './schema';

export const db = openDb();

// sealed logs and payloads are opened with the session's data key, unwrapped by the KEK (issue 21)
attachKeyring(db, new Keyring(db, () => call('vault.kek')));

db.use({
  stack: 'dbcore',
  name: 'ktv-ui-reads-only',
  create: (down) => ({
    ...down,
    transaction(stores, mode, options) {
      if (mode === 'readwrite') throw new Error(`ktv: the UI thread only reads the store; write ${stores.join(', ')} through the ingest worker (ingest-client.ts)`);
      return down.transaction(stores, mode, options);
    },
  }),
});
