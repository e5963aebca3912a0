import { conflict, isDuplicateKey, stableId, updateIf } from '@cg/kit';
import { groupsOf, nextVisitDue, type CareState, type OpenEvent } from './care';
import type { Models } from './models';
import type { CareProfileDoc } from './models/CareProfile';
import type { ResidentDoc } from './models/Resident';

const MAX_ATTEMPTS = 50;

export const careProfileId = (residentId: string) => stableId('care_profile', residentId);

/** A profile's open must-go events; every event is written with its dates (see `withEvent`). */
export const openEventsOf = (doc: Pick<CareProfileDoc, 'openEvents'>): OpenEvent[] =>
  (doc.openEvents ?? []).map((e) => ({ _id: e._id, event: e.event, occurredOn: e.occurredOn!, dueBy: e.dueBy!, note: e.note ?? null }));

const stateOf = (doc: CareProfileDoc): CareState => ({
  flags: doc.flags,
  flaggedOn: doc.flaggedOn,
  lastVisitedOn: doc.lastVisitedOn ?? null,
  openEvents: openEventsOf(doc),
});

/**
 * Changes a resident's care profile atomically without a transaction: read it, compute the new state with the pure
 * rules, write it back only if nobody changed it meanwhile (`revision`), else start over. Creates the profile first
 * when the resident has none. `change` may return extra data for the caller (e.g. the events a visit answered).
 */
export async function updateCareProfile<R = undefined>(
  models: Models,
  resident: Pick<ResidentDoc, '_id' | 'gridId'> & { communityId: string },
  today: string,
  change: (state: CareState) => { state: CareState; result?: R },
): Promise<{ profile: CareProfileDoc; result: R | undefined }> {
  const _id = careProfileId(resident._id);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    let current = (await models.CareProfile.findById(_id).lean()) as CareProfileDoc | null;
    if (!current) {
      try {
        const fresh = {
          _id,
          residentId: resident._id,
          gridId: resident.gridId,
          communityId: resident.communityId,
          flags: [],
          groups: [],
          flaggedOn: today,
          openEvents: [],
          revision: 0,
        };
        current = (await models.CareProfile.create(fresh)).toObject() as CareProfileDoc;
      } catch (error) {
        if (isDuplicateKey(error)) continue; // created concurrently: read it again
        throw error;
      }
    }
    const { state, result } = change(stateOf(current));
    const due = nextVisitDue(state);
    const set = {
      flags: state.flags,
      groups: groupsOf(state.flags),
      flaggedOn: state.flaggedOn,
      lastVisitedOn: state.lastVisitedOn ?? undefined,
      openEvents: state.openEvents,
      gridId: resident.gridId,
      communityId: resident.communityId,
      ...(due ? { nextVisitDue: due } : {}),
    };
    const updated = await updateIf<CareProfileDoc>(
      models.CareProfile,
      _id,
      { revision: current.revision },
      {
        $set: set,
        $inc: { revision: 1 },
        ...(due ? {} : { $unset: { nextVisitDue: 1 } }),
      },
    );
    if (updated) return { profile: updated, result };
  }
  throw conflict('the care profile kept changing; try again', { field: 'residentId' });
}
