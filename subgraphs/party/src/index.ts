import { connectDatabase, departmentDbName, runDepartment } from '@cg/kit';
import { startDispatcher } from './events/dispatcher';
import { createModels } from './models';
import { department } from './server';

void runDepartment(department).then(async () => {
  // Every process of the department delivers webhooks (leases keep them from sending one delivery twice at once);
  // CG_WEBHOOKS=off leaves it to others.
  if (/^(off|0|false)$/i.test(process.env.CG_WEBHOOKS ?? '')) return;
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(department.name) });
  startDispatcher(createModels(connection));
});
