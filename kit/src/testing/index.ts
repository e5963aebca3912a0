/**
 * `@cg/kit/testing`: what every department's tests and the cross-department tests share — a running stack (every
 * department and the gateway on free ports), the test database, and the assertions on refusals. Test code only: it
 * starts the gateway, so it sits above everything else and is never imported by a server.
 */
export { connectTestDatabase, dropDatabases, startTestDatabase } from './database';
export { BOOKKEEPING_COLLECTIONS, expectError, snapshot } from './expect';
export { useStack, type UsedStack } from './useStack';
export { devAuthorization, DIRECT_CALLER, loadDepartment, postGraphQL, startStack, type OutsideDepartment, type QueryOptions, type Stack, type StackOptions } from './stack';
// The demo world, built above the departments (scripts/seed, the @cg/seed workspace): tests reach it through this one entry point.
export { buildWorld, prepareSeedCopy, seedWorld } from './seedCopy';
