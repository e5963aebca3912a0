import { fetchById, type PageArgs } from '@cg/kit';
import type { Context } from '../context';
import {
  buildingFilter, committeeFilter, companyFilter, crossAppointmentFilter, estateFilter, page, patrolCoverage, patrolFilter, pick, serviceOrderFilter, SORTS, unitFilter,
} from '../queries';

type ListArgs<F> = PageArgs & { filter?: F | null; orderBy?: string | null };

export const Query = {
  propertyCompanies: (_: unknown, args: ListArgs<Parameters<typeof companyFilter>[0]>, ctx: Context) =>
    page('PropertyCompany', companyFilter(args.filter ?? {}), pick(SORTS.company, args.orderBy, 'NAME_ASC'), args, ctx),
  propertyCompany: fetchById((ctx: Context) => ctx.loaders.propertyCompany),
  estates: (_: unknown, args: ListArgs<Parameters<typeof estateFilter>[0]>, ctx: Context) =>
    page('Estate', estateFilter(args.filter ?? {}), pick(SORTS.estate, args.orderBy, 'NAME_ASC'), args, ctx),
  estate: fetchById((ctx: Context) => ctx.loaders.estate),
  buildings: (_: unknown, args: ListArgs<Parameters<typeof buildingFilter>[0]>, ctx: Context) =>
    page('Building', buildingFilter(args.filter ?? {}), pick(SORTS.building, args.orderBy, 'NUMBER_ASC'), args, ctx),
  building: fetchById((ctx: Context) => ctx.loaders.building),
  units: (_: unknown, args: ListArgs<Parameters<typeof unitFilter>[0]>, ctx: Context) =>
    page('Unit', unitFilter(args.filter ?? {}), { buildingId: 1, entrance: 1, room: 1 }, args, ctx),
  unit: fetchById((ctx: Context) => ctx.loaders.unit),
  ownersCommittees: (_: unknown, args: ListArgs<Parameters<typeof committeeFilter>[0]>, ctx: Context) =>
    page('OwnersCommittee', committeeFilter(args.filter ?? {}), pick(SORTS.committee, args.orderBy, 'TERM_START_DESC'), args, ctx),
  ownersCommittee: fetchById((ctx: Context) => ctx.loaders.ownersCommittee),
  crossAppointments: (_: unknown, args: ListArgs<Parameters<typeof crossAppointmentFilter>[0]>, ctx: Context) =>
    page('CrossAppointment', crossAppointmentFilter(args.filter ?? {}), pick(SORTS.crossAppointment, args.orderBy, 'START_ON_DESC'), args, ctx),
  crossAppointment: fetchById((ctx: Context) => ctx.loaders.crossAppointment),
  serviceOrders: (_: unknown, args: ListArgs<Parameters<typeof serviceOrderFilter>[0]>, ctx: Context) =>
    page('ServiceOrder', serviceOrderFilter(args.filter ?? {}, args.orderBy), pick(SORTS.serviceOrder, args.orderBy, 'ORDERED_AT_DESC'), args, ctx),
  serviceOrder: fetchById((ctx: Context) => ctx.loaders.serviceOrder),
  estatePatrols: (_: unknown, args: ListArgs<Parameters<typeof patrolFilter>[0]>, ctx: Context) =>
    page('EstatePatrol', patrolFilter(args.filter ?? {}), pick(SORTS.patrol, args.orderBy, 'DATE_DESC'), args, ctx),
  estatePatrol: fetchById((ctx: Context) => ctx.loaders.estatePatrol),
  patrolCoverage: (_: unknown, args: Parameters<typeof patrolCoverage>[1], ctx: Context) => patrolCoverage(ctx, args),
};
