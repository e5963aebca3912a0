/** Lookups of residents by what identifies them (身份证号, 手机号): a stated purpose (the SDL's rule), an access record always. */
import { andFilters, badInput, paginate, requireIdNumber, requireNonBlank, requirePhone, trailOf, type PageArgs } from '@cg/kit';
import type { Context } from './context';
import type { ResidentDoc } from './models/Resident';

/**
 * The lookup is recorded even when it finds nobody: searching by an identifier is itself processing personal data.
 * The searched value is not stored; the record names the field and the residents found.
 */
function record(ctx: Context, field: string, found: ResidentDoc[]): void {
  const trail = trailOf(ctx);
  trail.read(field, null);
  for (const resident of found) trail.read(field, resident);
}

export async function residentByIdNumber(ctx: Context, idNumber: string): Promise<ResidentDoc | null> {
  const found = await ctx.models.Resident.findOne({ idNumber: requireIdNumber(idNumber).idNumber })
    .lean<ResidentDoc>()
    .exec();
  record(ctx, 'Query.residentByIdNumber', found ? [found] : []);
  return found;
}

export async function residentsByPhone(ctx: Context, phone: string, page: PageArgs) {
  const filter = andFilters({ phone: requirePhone(phone) }, ctx.scopeFilter('Resident'));
  const result = await paginate<ResidentDoc>(ctx.models.Resident, filter, { name: 1 }, page);
  record(
    ctx,
    'Query.residentsByPhone',
    result.edges.map((edge) => edge.node),
  );
  return result;
}

/** How many residents one full name may match before the search must say more (a common name in a county). */
const NAME_MATCHES = 500;

/**
 * For another department's search by name: equality on the indexed name, which the embedded database runs in SQL,
 * returning ids only (the asking department shows what it owns; names stay here, under their own rules).
 */
export async function residentIdsByName(ctx: Context, name: string): Promise<string[]> {
  const exact = requireNonBlank(name, 'name', 40);
  const found = await ctx.models.Resident.find({ name: exact }, { _id: 1 })
    .limit(NAME_MATCHES + 1)
    .lean<Array<Pick<ResidentDoc, '_id'>>>()
    .exec();
  if (found.length > NAME_MATCHES) throw badInput(`more than ${NAME_MATCHES} residents are named ${exact}; narrow the search`, { field: 'name', reason: 'TOO_MANY_MATCHES' });
  return found.map((resident) => String(resident._id));
}
