import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { PROXY_CHANNELS, PROXY_ITEMS, PROXY_STATUSES } from '../lifecycles';

export const statusChangeSchema = { _id: false, status: { type: String, required: true }, at: { type: String, required: true }, note: String, by: String };

const proxyServiceSchema = entitySchema('proxy_services', {
  residentId: { type: String, required: true },
  gridId: { type: String, required: true },
  item: { type: String, required: true, enum: PROXY_ITEMS },
  channel: { type: String, required: true, enum: PROXY_CHANNELS },
  status: { type: String, required: true, enum: PROXY_STATUSES },
  requestedOn: { type: String, required: true },
  completedOn: { type: String },
  handlerName: { type: String },
  note: { type: String },
  history: { type: [statusChangeSchema], default: [] },
});
proxyServiceSchema.index({ residentId: 1, requestedOn: -1 });
proxyServiceSchema.index({ gridId: 1, requestedOn: -1 });
proxyServiceSchema.index({ status: 1, requestedOn: -1 });
proxyServiceSchema.index({ requestedOn: -1 });

export type ProxyServiceDoc = InferSchemaType<typeof proxyServiceSchema> & { _id: string };
export const proxyServiceModel = (connection: Connection) => connection.model('ProxyService', proxyServiceSchema);
