import { entityResolvers, maskName, maskPhone, reference } from '@cg/kit';
import type { Context } from '../context';
import type { CrossAppointmentDoc } from '../models/CrossAppointment';

// Personal data leaves the department de-identified, as civil affairs does for residents.
export const CrossAppointment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.crossAppointment),
  personName: (appointment: CrossAppointmentDoc) => maskName(appointment.personName),
  phone: (appointment: CrossAppointmentDoc) => maskPhone(appointment.phone),
  resident: (appointment: CrossAppointmentDoc) => reference(appointment.residentId),
  community: (appointment: CrossAppointmentDoc) => reference(appointment.communityId),
  propertyCompany: (appointment: CrossAppointmentDoc, _: unknown, { loaders }: Context) => loaders.propertyCompany.load(appointment.propertyCompanyId),
};
