import { maskName } from '@cg/kit';
import type { Context } from '../context';
import type { ProxyServiceDoc } from '../models/ProxyService';

export const ProxyService = {
  id: (service: ProxyServiceDoc) => service._id,
  resident: (service: ProxyServiceDoc, _: unknown, { loaders }: Context) => loaders.resident.load(service.residentId),
  grid: (service: ProxyServiceDoc, _: unknown, { loaders }: Context) => loaders.grid.load(service.gridId),
  handlerName: (service: ProxyServiceDoc) => (service.handlerName ? maskName(service.handlerName) : null),
};
