import { connectDatabase, departmentDbName, runDepartment } from '@cg/kit';
import { createModels } from './models';
import { department } from './server';
import { startCreditSweeper } from './volunteers/credits';

/** Volunteer credits party could not take when recorded are sent again on a timer (CG_VOLUNTEER_SWEEP=off: by others). */
async function sweepVolunteerCredits(): Promise<void> {
  if (/^(off|0|false)$/i.test(process.env.CG_VOLUNTEER_SWEEP ?? '')) return;
  const connection = await connectDatabase({ uri: process.env.MONGODB_URI!, dbName: departmentDbName(department.name) });
  startCreditSweeper(createModels(connection));
}

void runDepartment(department).then(sweepVolunteerCredits);
