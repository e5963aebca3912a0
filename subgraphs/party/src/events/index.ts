/**
 * `@cg/party/events`: the webhook dispatcher and the outbox's recovery pass, for the processes (and tests) that run
 * them beside the department's server.
 */
export type { Models } from '../models';
export { startDispatcher, type Dispatcher } from './dispatcher';
export { settlePending } from './outbox';
