/** Proxy services (代办) and disputes (矛盾纠纷): create with validation, then move along their lifecycles. */
import { actor, assertId, badInput, createOnce, optionalText, requireNonBlank, requirePastDate, todayInChina } from '@cg/kit';
import { reportFamilyDisputeEvents } from './casework';
import { caller, type Context } from './context';
import type { MutationAdvanceDisputeArgs, MutationAdvanceProxyServiceArgs, ReportDisputeInput, RequestProxyServiceInput } from './generated/resolvers-types';
import { DISPUTE_TRANSITIONS, PROXY_TRANSITIONS, type DisputeStatus, type ProxyStatus } from './lifecycles';
import type { DisputeDoc } from './models/Dispute';
import type { ProxyServiceDoc } from './models/ProxyService';
import { loadGrid, loadResident } from './registration';
import { moveStatus } from './transition';

const stamp = (ctx: Context, note?: string) => ({ at: new Date().toISOString(), note, by: actor(ctx) });

export async function requestProxyService(ctx: Context, input: RequestProxyServiceInput): Promise<ProxyServiceDoc> {
  const requestedOn = input.requestedOn == null ? todayInChina() : requirePastDate(input.requestedOn, 'requestedOn');
  const note = optionalText(input.note, 'note', 500);
  const resident = await loadResident(ctx, input.residentId);
  const doc = {
    residentId: resident._id,
    gridId: resident.gridId,
    item: input.item,
    channel: input.channel,
    status: 'REQUESTED',
    requestedOn,
    note,
    history: [{ status: 'REQUESTED', at: new Date().toISOString(), note, by: actor(ctx) ?? undefined }],
  };
  return (await createOnce<ProxyServiceDoc>(ctx.models.ProxyService, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input })).doc;
}

export async function advanceProxyService(ctx: Context, { id, status, handlerName, note }: MutationAdvanceProxyServiceArgs) {
  const handler = optionalText(handlerName, 'handlerName', 40);
  const text = optionalText(note, 'note', 500);
  return moveStatus<ProxyStatus, ProxyServiceDoc>(
    ctx,
    'ProxyService',
    { id, to: status, transitions: PROXY_TRANSITIONS },
    (current) => {
      if (status === 'ACCEPTED' && !handler && !current.handlerName) throw badInput('handlerName is required to accept a proxy service', { field: 'handlerName' });
      return { ...(handler ? { handlerName: handler } : {}), ...(status === 'COMPLETED' ? { completedOn: todayInChina() } : {}) };
    },
    stamp(ctx, text),
  );
}

const MAX_DISPUTE_PARTIES = 20;

export async function reportDispute(ctx: Context, input: ReportDisputeInput): Promise<DisputeDoc> {
  const description = requireNonBlank(input.description, 'description', 2000);
  const reportedOn = requirePastDate(input.reportedOn, 'reportedOn');
  if (!Array.isArray(input.parties) || input.parties.length < 2) throw badInput('a dispute has at least two parties', { field: 'parties' });
  // The schema promises Dispute.parties a bound; a dispute among more people is a collective matter, not one mediation.
  if (input.parties.length > MAX_DISPUTE_PARTIES) throw badInput(`a dispute has at most ${MAX_DISPUTE_PARTIES} parties`, { field: 'parties' });
  const grid = await loadGrid(ctx, input.gridId, 'gridId');
  ctx.requireInScope('Dispute', { gridId: grid._id }, 'gridId');
  const parties = [];
  for (const [i, party] of (input.parties as Array<{ residentId?: string | null; name?: string | null }>).entries()) {
    if (party.residentId != null) {
      const resident = await loadResident(ctx, assertId(party.residentId, `parties.${i}.residentId`), `parties.${i}.residentId`);
      parties.push({ residentId: resident._id, name: resident.name });
    } else if (party.name != null) {
      parties.push({ name: requireNonBlank(party.name, `parties.${i}.name`, 40) });
    } else throw badInput('each party needs a residentId or a name', { field: `parties.${i}` });
  }
  const residentIds = [...new Set(parties.flatMap((p) => (p.residentId ? [p.residentId] : [])))];
  const doc = {
    gridId: grid._id,
    category: input.category,
    status: 'REPORTED',
    parties,
    residentIds,
    description,
    reportedOn,
    history: [{ status: 'REPORTED', at: new Date().toISOString(), by: actor(ctx) ?? undefined }],
  };
  const { doc: dispute } = await createOnce<DisputeDoc>(ctx.models.Dispute, doc, { idempotencyKey: input.idempotencyKey, caller: caller(ctx), input });
  // Event ids derive from the dispute, so a retry adds nothing.
  if (input.category === 'FAMILY') await reportFamilyDisputeEvents(ctx, dispute._id, residentIds, reportedOn);
  return dispute;
}

export async function advanceDispute(ctx: Context, { id, status, mediatorName, outcome, on }: MutationAdvanceDisputeArgs) {
  const mediator = optionalText(mediatorName, 'mediatorName', 40);
  const result = optionalText(outcome, 'outcome', 2000);
  const date = on == null ? todayInChina() : requirePastDate(on, 'on');
  return moveStatus<DisputeStatus, DisputeDoc>(
    ctx,
    'Dispute',
    { id, to: status, transitions: DISPUTE_TRANSITIONS },
    (current) => {
      if (date < current.reportedOn) throw badInput('on must not be before the dispute was reported', { field: 'on' });
      if (status === 'MEDIATING' && !mediator && !current.mediatorName) throw badInput('mediatorName is required to start mediation', { field: 'mediatorName' });
      if ((status === 'MEDIATED' || status === 'RESOLVED') && !result && !current.outcome) throw badInput(`outcome is required for ${status}`, { field: 'outcome' });
      return {
        ...(mediator ? { mediatorName: mediator } : {}),
        ...(result ? { outcome: result } : {}),
        ...(status === 'MEDIATED' ? { mediatedOn: date } : {}),
        ...(status === 'RESOLVED' ? { resolvedOn: date } : {}),
      };
    },
    stamp(ctx, result),
  );
}
