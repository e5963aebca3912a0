import { gatewayPort, runUntilSignalled } from '@cg/kit';
import { gatewayWorkers, runClusterPrimary } from './cluster';
import { startGateway } from './server';

if (!runClusterPrimary(gatewayWorkers())) void runUntilSignalled('gateway', () => startGateway({ port: gatewayPort() }));
