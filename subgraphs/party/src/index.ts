import { setTimeout as sleep } from 'node:timers/promises';
import { connectDatabase, departmentDbName, runDepartment } from '@cg/kit';
import { startClaimSweeper } from './claimsDue';
import { startDispatcher } from './events/dispatcher';
import { createModels } from './models';
import { department } from './server';

/**
 * Every process of the department delivers webhooks (leases keep them from sending one delivery twice at once) and
 * sweeps overdue claims (each deduction's id derives from its item, so two processes write it once); CG_WEBHOOKS=off
 * and CG_CLAIM_SWEEP=off leave either to others. A database not answering yet is asked again rather than ending the
 * process.
 */
async function startBackgroundWork(): Promise<void> {
  const off = (name: string) => /^(off|0|false)$/i.test(process.env[name] ?? '');
  if (off('CG_WEBHOOKS') && off('CG_CLAIM_SWEEP')) return;
  for (;;) {
    try {
      const models = createModels(await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(department.name) }));
      if (!off('CG_WEBHOOKS')) startDispatcher(models);
      if (!off('CG_CLAIM_SWEEP')) startClaimSweeper(models);
      return;
    } catch (error) {
      console.error(`background work: ${(error as Error).message}; connecting again in 2 s`);
      await sleep(2000);
    }
  }
}

void runDepartment(department).then(startBackgroundWork);
