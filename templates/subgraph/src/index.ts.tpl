import { runDepartment } from '@cg/kit';
import { department } from './server';

void runDepartment(department);
