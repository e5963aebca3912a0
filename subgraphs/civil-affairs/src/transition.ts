import { assertId, conflict, notFound, updateIf } from '@cg/kit';
import type { Context } from './context';

/** The records that move through a status flow, by their type (and model) name. */
type FlowType = 'AssistanceRecord' | 'ProxyService' | 'Dispute';

/**
 * Moves a record from its current status to `to` when `transitions` allow it, as one conditional update on the
 * expected status (a concurrent change makes the second one a CONFLICT, not a lost update). `extra` adds fields
 * to set; the change is appended to `history`. A record outside the caller's scope is refused before anything else.
 */
export async function moveStatus<S extends string, T>(
  ctx: Context,
  what: FlowType,
  flow: { id: unknown; to: S; transitions: Record<S, S[]> },
  extra: (current: T & { status: S }) => Record<string, unknown>,
  change: { at: string; note?: string | null; by?: string | null },
): Promise<T> {
  const { to, transitions } = flow;
  const model = ctx.models[what] as Parameters<typeof updateIf>[0];
  const _id = assertId(flow.id);
  const current = (await model.findById(_id).lean()) as (T & { status: S }) | null;
  if (!current) throw notFound(what, _id);
  ctx.requireInScope(what, current, 'id');
  if (!transitions[current.status]?.includes(to)) {
    throw conflict(`${what} cannot move from ${current.status} to ${to}`, { field: 'status', from: current.status, to });
  }
  const set = { ...extra(current), status: to };
  const updated = await updateIf<T>(
    model,
    _id,
    { status: current.status },
    {
      $set: set,
      $push: { history: { status: to, at: change.at, note: change.note ?? undefined, by: change.by ?? undefined } },
    },
  );
  if (!updated) throw conflict(`${what} ${_id} was changed meanwhile; reload and try again`, { field: 'status' });
  return updated as T;
}
