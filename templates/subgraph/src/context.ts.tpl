import type { DepartmentContext } from '@cg/kit';
import type { Loaders } from './loaders';
import type { Models } from './models';

export type Context = DepartmentContext<Models, Loaders>;
