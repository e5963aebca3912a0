import { entityResolvers, loadReferenced, maskName, maskPhone, reference } from '@cg/kit';
import type { Context } from '../context';
import type { CrossAppointmentResolvers } from '../generated/resolvers-types';

// Personal data leaves the department de-identified, as civil affairs does for residents.
export const CrossAppointment = {
  ...entityResolvers((ctx: Context) => ctx.loaders.crossAppointment),
  personName: (appointment) => maskName(appointment.personName),
  phone: (appointment) => maskPhone(appointment.phone),
  resident: (appointment) => reference(appointment.residentId),
  community: (appointment) => reference(appointment.communityId),
  propertyCompany: (appointment, _, { loaders }) => loadReferenced(loaders.propertyCompany, appointment.propertyCompanyId, 'PropertyCompany'),
} satisfies CrossAppointmentResolvers;
