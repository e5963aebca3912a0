/**
 * Employment figures of a statistics scope (see kit/src/statistics.ts). Who lives in the scope and who is of working
 * age is civil affairs' to say: asked once, as the same `ScopeStatistics` entity, for its residents' ids. Records are
 * read by the place stamped on them (see scopeRecords), posts by `$in` over those ids (never the whole register).
 */
import DataLoader from 'dataloader';
import { parseStatisticsId, readInChunks, trusted } from '@cg/kit';
import type { Context } from './context';
import { latestRecord } from './history';
import type { EmploymentRecordDoc } from './models/EmploymentRecord';

export interface EmploymentScopeStatistics {
  id: string;
  to: string;
}

export const employmentStatistics = (id: string): EmploymentScopeStatistics => ({ id, to: parseStatisticsId(id).to });

interface ScopeResidents {
  residentIds: string[];
  workingAgeResidentIds: string[];
}

/** Every scope of a request asked of civil affairs in one `_entities` call (a page of grids with their figures). */
const residentsByRequest = new WeakMap<object, DataLoader<string, ScopeResidents | null>>();
function residentsOfScope(ctx: Context): DataLoader<string, ScopeResidents | null> {
  let loader = residentsByRequest.get(ctx.loaders);
  if (!loader) {
    loader = new DataLoader(
      async (ids) => (await ctx.peers.entities('civil-affairs', 'ScopeStatistics', [...ids], 'residentIds workingAgeResidentIds')) as Array<ScopeResidents | null>,
    );
    residentsByRequest.set(ctx.loaders, loader);
  }
  return loader;
}

const RECORD_FIELDS = { residentId: 1, status: 1, since: 1, recordedAt: 1 };

/**
 * The records up to the range's end of a scope's residents: a community's or grid's by equality on the place stamped
 * on each record (only the scope's records are read); a party branch's, whose grids may lie in several communities,
 * by `$in` over its working-age residents.
 */
function scopeRecords(ctx: Context, s: EmploymentScopeStatistics, workingAge: string[]): Promise<EmploymentRecordDoc[]> {
  const { scope, scopeId, to } = parseStatisticsId(s.id);
  const since = trusted({ $lte: to });
  if (scope === 'COMMUNITY') return ctx.models.EmploymentRecord.find({ communityId: scopeId, since }, RECORD_FIELDS).lean() as unknown as Promise<EmploymentRecordDoc[]>;
  if (scope === 'GRID') return ctx.models.EmploymentRecord.find({ gridId: scopeId, since }, RECORD_FIELDS).lean() as unknown as Promise<EmploymentRecordDoc[]>;
  return readInChunks(
    workingAge,
    (chunk) =>
      ctx.models.EmploymentRecord.find({ residentId: trusted({ $in: chunk }), since }, RECORD_FIELDS)
        .batchSize(chunk.length * 4)
        .lean() as unknown as Promise<EmploymentRecordDoc[]>,
  );
}

export async function employmentFigures(ctx: Context, s: EmploymentScopeStatistics) {
  const answer = await residentsOfScope(ctx).load(s.id);
  const residentIds = answer?.residentIds ?? [];
  const workingAge = answer?.workingAgeResidentIds ?? [];
  const working = new Set(workingAge);
  const [records, posts] = await Promise.all([
    scopeRecords(ctx, s, workingAge).then((rows) => rows.filter((r) => working.has(r.residentId))),
    readInChunks(residentIds, (chunk) => ctx.models.WelfarePost.find({ holderResidentId: trusted({ $in: chunk }), status: 'HELD' }, { holderSince: 1 }).lean()),
  ]);
  const byResident = new Map<string, EmploymentRecordDoc[]>();
  for (const r of records) byResident.set(r.residentId, [...(byResident.get(r.residentId) ?? []), r]);
  const employed = [...byResident.values()].filter((history) => latestRecord(history)?.status === 'EMPLOYED').length;
  return {
    workingAgeResidents: workingAge.length,
    employed,
    employmentRate: workingAge.length ? employed / workingAge.length : null,
    welfarePostsFilled: posts.filter((p) => p.holderSince != null && p.holderSince <= s.to).length,
  };
}
