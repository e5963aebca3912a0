import { setTimeout as sleep } from 'node:timers/promises';
import { connectDatabase, departmentDbName, runDepartment } from '@cg/kit';
import { startDispatcher } from './events/dispatcher';
import { createModels } from './models';
import { department } from './server';

/**
 * Every process of the department delivers webhooks (leases keep them from sending one delivery twice at once);
 * CG_WEBHOOKS=off leaves it to others. A database not answering yet is asked again rather than ending the process.
 */
async function deliverWebhooks(): Promise<void> {
  if (/^(off|0|false)$/i.test(process.env.CG_WEBHOOKS ?? '')) return;
  for (;;) {
    try {
      const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(department.name) });
      startDispatcher(createModels(connection));
      return;
    } catch (error) {
      console.error(`webhook dispatcher: ${(error as Error).message}; connecting again in 2 s`);
      await sleep(2000);
    }
  }
}

void runDepartment(department).then(deliverWebhooks);
