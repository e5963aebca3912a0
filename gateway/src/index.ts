import { gatewayPort, runUntilSignalled } from '@cg/kit';
import { startGateway } from './server';

void runUntilSignalled('gateway', () => startGateway({ port: gatewayPort() }));
