/**
 * `@cg/kit/conformance`: the conformance kit (`npm run check-department`) and what the schema registry shares with it
 * (composition with the current departments, the signed client a department is called with).
 */
export { DepartmentClient } from './client';
export { composeWith, registryServices, repositoryServices, type ServiceDefinition } from './composition';
export type { CheckResult } from './model';
export { formatResult, runConformance, type ConformanceOptions } from './run';
export { readVectors, renderVectors, vectorsPath } from './vectors';
