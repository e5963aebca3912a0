import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * 兜底服务记录: service the fallback provider delivered to an estate before any contract (先服务后收费). `charged` turns
 * true, with the contract and day, when the estate signs a contract with that provider. Money in fen (分).
 */
const fallbackServiceSchema = entitySchema('fallback_services', {
  estateId: { type: String, required: true },
  propertyCompanyId: { type: String, required: true },
  serviceOn: { type: String, required: true },
  description: { type: String, required: true },
  amountFen: { type: Number, required: true, min: 0 },
  // A boolean rather than a missing contract id: FerretDB v1 pushes top-level equality on it into SQL.
  charged: { type: Boolean, required: true, default: false },
  contractId: { type: String },
  chargedOn: { type: String },
  recordedBy: { type: String },
  recordedAt: { type: String, required: true },
});
fallbackServiceSchema.index({ estateId: 1, charged: 1, serviceOn: 1 });
fallbackServiceSchema.index({ estateId: 1, serviceOn: -1 });
fallbackServiceSchema.index({ contractId: 1, serviceOn: -1 });
fallbackServiceSchema.index({ serviceOn: -1 });

export type FallbackServiceDoc = InferSchemaType<typeof fallbackServiceSchema> & { _id: string };
export const fallbackServiceModel = (connection: Connection) => connection.model('FallbackService', fallbackServiceSchema);
