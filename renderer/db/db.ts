/** The renderer's one database handle (the ingest worker opens its own). */
import { openDb } from './schema';

export const db = openDb();
