import type { Connection, InferSchemaType } from 'mongoose';
import { entitySchema } from '@cg/kit';

/**
 * 物业服务合同: one company serving one estate from `startOn`. Signing it charges the fallback service the same company
 * delivered before (先服务后收费): their ids and total are kept here, so a charge interrupted half-way can be re-applied.
 * Money in fen (分), integers.
 */
const contractSchema = entitySchema('property_service_contracts', {
  estateId: { type: String, required: true },
  propertyCompanyId: { type: String, required: true },
  signedOn: { type: String, required: true },
  startOn: { type: String, required: true },
  endOn: { type: String },
  monthlyFeeFen: { type: Number, required: true, min: 0 },
  note: { type: String },
  backChargeFen: { type: Number, required: true, default: 0 },
  chargedServiceIds: { type: [String], default: [] },
  recordedBy: { type: String },
  recordedAt: { type: String, required: true },
});
contractSchema.index({ estateId: 1, startOn: -1 });
contractSchema.index({ propertyCompanyId: 1, startOn: -1 });
contractSchema.index({ startOn: -1 });

export type PropertyServiceContractDoc = InferSchemaType<typeof contractSchema> & { _id: string };
export const propertyServiceContractModel = (connection: Connection) => connection.model('PropertyServiceContract', contractSchema);
