/**
 * `npm run purge-audit -- [--dry-run]`: deletes access records older than AUDIT_RETENTION_DAYS (default 1100, never
 * less than 1096 ≈ 3 years) from every department's `audit_records`. TTL indexes are not available on FerretDB, so
 * this runs from cron (e.g. daily); it is the only code that deletes audit records (the model refuses deletes).
 */
import { AUDIT_COLLECTION, connectDatabase, departmentDbName, listSubgraphs } from '@cg/kit';

export const MIN_RETENTION_DAYS = 1096;

export async function purgeAudit(
  uri: string,
  { days = Number(process.env.AUDIT_RETENTION_DAYS ?? 1100), dryRun = false, now = new Date(), prefix = process.env.MONGODB_DB_PREFIX } = {},
) {
  if (!Number.isFinite(days) || days < MIN_RETENTION_DAYS) throw new Error(`AUDIT_RETENTION_DAYS must be at least ${MIN_RETENTION_DAYS} (3 years)`);
  const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
  const results: Array<{ department: string; removed: number }> = [];
  for (const entry of listSubgraphs()) {
    const connection = await connectDatabase({ uri, dbName: departmentDbName(entry.name, prefix) });
    try {
      // `at` is an ISO string, so the comparison is by string; raw driver call, past the model's append-only guard.
      const collection = connection.db!.collection(AUDIT_COLLECTION);
      const filter = { at: { $lt: cutoff } };
      const removed = dryRun ? await collection.countDocuments(filter) : (await collection.deleteMany(filter)).deletedCount;
      results.push({ department: entry.name, removed });
    } finally {
      await connection.close();
    }
  }
  return { cutoff, results };
}

if (require.main === module) {
  const uri = process.env.MONGODB_URI;
  if (!uri) throw new Error('MONGODB_URI is required');
  purgeAudit(uri, { dryRun: process.argv.includes('--dry-run') }).then(
    ({ cutoff, results }) => {
      for (const r of results) console.log(`${r.department}: ${r.removed} record(s) before ${cutoff} ${process.argv.includes('--dry-run') ? 'would be' : ''} removed`);
    },
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
