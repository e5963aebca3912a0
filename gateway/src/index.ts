import { gatewayPort, runClusterPrimary, runUntilSignalled, workerCount } from '@cg/kit';
import { startGateway } from './server';

if (!runClusterPrimary('gateway', workerCount('GATEWAY_WORKERS'))) void runUntilSignalled('gateway', () => startGateway({ port: gatewayPort() }));
