import { Schema, type Connection, type InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';
import { SERVICE_ORDER_STATUSES } from '../serviceOrderFlow';

const stepSchema = new Schema(
  {
    from: { type: String, enum: SERVICE_ORDER_STATUSES },
    to: { type: String, required: true, enum: SERVICE_ORDER_STATUSES },
    party: { type: String, required: true, enum: ['RESIDENT', 'COMMUNITY', 'PROPERTY_COMPANY'] },
    actor: { type: String },
    at: { type: String, required: true },
    note: { type: String },
  },
  { _id: false },
);

export const SERVICE_ORDER_CATEGORIES = ['REPAIR', 'SANITATION', 'GREENING', 'SECURITY', 'PARKING', 'FACILITIES', 'NEIGHBOUR_DISPUTE', 'OTHER'] as const;

/**
 * 物业工单. Instants are ISO 8601 UTC strings (they sort as text and survive a pagination cursor unchanged).
 * Every step is one conditional update on this document: status plus an appended `history` entry.
 */
const serviceOrderSchema = entitySchema('service_orders', {
  category: { type: String, required: true, enum: SERVICE_ORDER_CATEGORIES },
  description: { type: String, required: true },
  status: { type: String, required: true, enum: SERVICE_ORDER_STATUSES },
  reporterId: { type: String, required: true }, // civil affairs' Resident
  unitId: { type: String, required: true },
  estateId: { type: String, required: true }, // denormalised from the unit, for the estate filter
  propertyCompanyId: { type: String },
  rating: { type: Number, min: 1, max: 5 },
  ratingComment: { type: String },
  cancelReason: { type: String },
  caseId: { type: String }, // party's joint-response case (一呼联动), when the order is part of one
  orderedAt: { type: String, required: true },
  dispatchedAt: { type: String },
  acceptedAt: { type: String },
  doneAt: { type: String },
  ratedAt: { type: String },
  cancelledAt: { type: String },
  history: { type: [stepSchema], default: [] },
});
serviceOrderSchema.index({ orderedAt: -1 });
serviceOrderSchema.index({ status: 1, orderedAt: -1 });
serviceOrderSchema.index({ estateId: 1, orderedAt: -1 });
serviceOrderSchema.index({ propertyCompanyId: 1, orderedAt: -1 });
serviceOrderSchema.index({ reporterId: 1, orderedAt: -1 });
serviceOrderSchema.index({ unitId: 1, orderedAt: -1 });
serviceOrderSchema.index({ rating: -1 });
serviceOrderSchema.index({ caseId: 1 });

export type ServiceOrderDoc = InferSchemaType<typeof serviceOrderSchema> & { _id: string };
export const serviceOrderModel = (connection: Connection) => connection.model('ServiceOrder', serviceOrderSchema);
