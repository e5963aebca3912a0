import { isDuplicateKey, stableId, trusted } from '@cg/kit';
import type { Models } from '../models';
import type { JointCaseDoc } from '../models/JointCase';
import type { MicroWishDoc } from '../models/MicroWish';
import type { OutboxEntry, OutboxEventDoc } from '../models/Webhook';

/**
 * Outbox without transactions (FerretDB v1 has none we can rely on). A change and its event must both exist or
 * neither, so every change that announces an event is written in three steps:
 *   1. insert the outbox record as PENDING, `_id` derived from the change (case + version it moves from, wish + step);
 *   2. make the change: one single-document write, as before;
 *   3. confirm: derive the events from the changed document and mark the record READY.
 * A record is delivered only when READY. A crash between 1 and 2 leaves a PENDING record whose change never
 * happened; between 2 and 3 one whose change did. `settlePending` tells them apart by reading the entity (its
 * version moved past the record's, the wish reached the step's status) and confirms or deletes the record, so no
 * change goes without its event and no event is sent for a change that did not happen. The events are derived from
 * the changed document itself (the case's history entry and tasks, the wish's fields), so the confirmation written
 * inline and the one written by recovery are the same.
 */
export interface OutboxSource<Doc> {
  entity: string;
  load(models: Models, id: string): Promise<Doc | null>;
  /** Whether the change named `change` is in the document. */
  happened(doc: Doc, change: string): boolean;
  /** The events the change produced, derived from the document after it. */
  derive(doc: Doc, change: string, recordId: string): OutboxEntry[];
}

/**
 * A PENDING record older than this whose change is not in the entity belongs to a write that died (or lost the race).
 * It must exceed the longest pause between a record and its change (a step is a few milliseconds; the default allows
 * for a stalled process); CG_OUTBOX_GRACE_MS sets it.
 */
const pendingGraceMs = (env = process.env) => Number(env.CG_OUTBOX_GRACE_MS ?? 60_000);

const recordId = (entity: string, entityId: string, change: string) => stableId('outbox', entity, entityId, change);

/**
 * Runs `write` (the change of `entityId`) between a PENDING outbox record and its confirmation. `write` returns the
 * changed document, or null when its filter did not match (nothing changed: the record goes). When `write` throws, the
 * change may or may not have happened (a lost connection): the record stays PENDING for `settlePending` to decide.
 */
export async function withOutbox<Doc>(models: Models, source: OutboxSource<Doc>, entityId: string, change: string, write: () => Promise<Doc | null>): Promise<Doc | null> {
  const _id = recordId(source.entity, entityId, change);
  try {
    await models.OutboxEvent.create({ _id, state: 'PENDING', entity: source.entity, entityId, change, createdAt: new Date(), events: [] });
  } catch (error) {
    // A step that died after step 1 at this version left it; whichever change moves this version owns the record.
    if (!isDuplicateKey(error)) throw error;
  }
  const doc = await write();
  if (!doc) {
    await models.OutboxEvent.deleteOne({ _id, state: 'PENDING' });
    return null;
  }
  await confirm(models, source, doc, _id, change);
  return doc;
}

/**
 * Marks the record READY, (re)creating it: a concurrent loser of the same change (two claims of one wish) may have
 * deleted the PENDING record between our change and this confirmation. A record already FANNED is left as it is.
 */
async function confirm<Doc>(models: Models, source: OutboxSource<Doc>, doc: Doc, _id: string, change: string): Promise<void> {
  const events = source.derive(doc, change, _id);
  try {
    await models.OutboxEvent.updateOne(
      { _id, state: trusted({ $ne: 'FANNED' }) },
      { $set: { state: 'READY', events, entity: source.entity, entityId: String((doc as { _id: unknown })._id), change }, $setOnInsert: { createdAt: new Date() } },
      { upsert: true },
    );
  } catch (error) {
    if (!isDuplicateKey(error)) throw error; // FANNED already: its deliveries exist
  }
}

/** Confirms or deletes PENDING records older than `graceMs` (see above); returns how many of each. */
export async function settlePending(models: Models, now = new Date(), graceMs = pendingGraceMs()): Promise<{ confirmed: number; dropped: number }> {
  const pending = (await models.OutboxEvent.find({ state: 'PENDING' }).limit(200).lean()) as OutboxEventDoc[];
  let confirmed = 0;
  let dropped = 0;
  for (const record of pending) {
    if (now.getTime() - new Date(record.createdAt).getTime() < graceMs) continue;
    const source = SOURCES[record.entity] as OutboxSource<unknown> | undefined;
    const doc = source ? await source.load(models, record.entityId) : null;
    if (source && doc && source.happened(doc, record.change)) {
      await confirm(models, source, doc, record._id, record.change);
      confirmed++;
    } else {
      await models.OutboxEvent.deleteOne({ _id: record._id, state: 'PENDING' });
      dropped++;
    }
  }
  return { confirmed, dropped };
}

/** Inserts a record that is its own change (a deadline reached): READY at once, once per `_id`. */
export async function recordOnce(models: Models, entity: string, entityId: string, change: string, events: (id: string) => OutboxEntry[]): Promise<boolean> {
  const _id = recordId(entity, entityId, change);
  try {
    await models.OutboxEvent.create({ _id, state: 'READY', entity, entityId, change, createdAt: new Date(), events: events(_id) });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

const caseData = (doc: JointCaseDoc, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    caseId: doc._id,
    status: doc.status,
    category: doc.category,
    urgency: doc.urgency,
    communityId: doc.communityId,
    gridId: doc.gridId,
    dueAt: doc.dueAt,
    ...extra,
  });

/** Steps of a case that announce an event; the others are written without an outbox record. */
export const EVENT_STEPS: readonly string[] = ['DISPATCH', 'TRANSFER', 'RETURN', 'SEND_BACK', 'WHISTLE'];

/** A case's change from version v is its history entry v (the submission is entry 0 at version 1; each step adds one). */
export const caseSource: OutboxSource<JointCaseDoc> = {
  entity: 'JointCase',
  load: async (models, id) => (await models.JointCase.findById(id).lean()) as JointCaseDoc | null,
  happened: (doc, change) => doc.version > Number(change) && doc.history.length > Number(change),
  derive(doc, change, id) {
    const entry = doc.history[Number(change)];
    if (!entry) return [];
    const at = new Date(entry.at);
    const base = { at, communityId: doc.communityId, organizationId: null, subscriptionId: null };
    switch (entry.step) {
      case 'DISPATCH':
      case 'TRANSFER': {
        const tasks = doc.tasks.filter((t) => new Date(t.assignedAt).getTime() === at.getTime());
        const roles = Object.fromEntries(tasks.map((t) => [t.unitId, t.role]));
        return [{ ...base, id: stableId(id, 'CASE_DISPATCHED'), type: 'CASE_DISPATCHED', unitIds: tasks.map((t) => t.unitId), data: caseData(doc, { step: entry.step, roles }) }];
      }
      case 'RETURN': // 退单: back to the community (its subscribers get it by communityId)
        return [
          { ...base, id: stableId(id, 'CASE_RETURNED'), type: 'CASE_RETURNED', unitIds: [], data: caseData(doc, { step: entry.step, by: entry.unitId, reason: entry.note }) },
        ];
      case 'SEND_BACK': {
        // 返工: back to the lead unit
        const lead = doc.tasks.find((t) => t.role === 'LEAD' && t.status !== 'WITHDRAWN' && t.status !== 'RETURNED');
        return [
          { ...base, id: stableId(id, 'CASE_RETURNED'), type: 'CASE_RETURNED', unitIds: lead ? [lead.unitId] : [], data: caseData(doc, { step: entry.step, reason: entry.note }) },
        ];
      }
      case 'WHISTLE': {
        const whistle = doc.whistles.find((w) => new Date(w.blownAt).getTime() === at.getTime());
        const calls = doc.whistleCalls.filter((c) => c.whistleId === whistle?.id);
        return [
          {
            ...base,
            id: stableId(id, 'WHISTLE_RAISED'),
            type: 'WHISTLE_RAISED',
            unitIds: calls.map((c) => c.unitId),
            data: caseData(doc, { whistleId: whistle?.id, reportBy: whistle?.reportBy }),
          },
        ];
      }
      default:
        return [];
    }
  },
};

const WISH_ORDER = ['PUBLISHED', 'CLAIMED', 'DONE', 'APPROVED'];
const WISH_EVENTS: Record<string, { status: string; type: 'WISH_CLAIMED' | 'WISH_DONE' }> = {
  claim: { status: 'CLAIMED', type: 'WISH_CLAIMED' },
  complete: { status: 'DONE', type: 'WISH_DONE' },
};

/** A wish's change is its step (each happens once); it happened when the wish reached the step's status or later. */
export const wishSource: OutboxSource<MicroWishDoc> = {
  entity: 'MicroWish',
  load: async (models, id) => (await models.MicroWish.findById(id).lean()) as MicroWishDoc | null,
  happened: (doc, change) => !!WISH_EVENTS[change] && WISH_ORDER.indexOf(doc.status) >= WISH_ORDER.indexOf(WISH_EVENTS[change].status),
  derive(doc, change, id) {
    const spec = WISH_EVENTS[change];
    if (!spec) return [];
    const data = {
      wishId: doc._id,
      title: doc.title,
      organizationId: doc.organizationId,
      claimedById: doc.claimedById,
      claimedOn: doc.claimedOn,
      doneOn: doc.doneOn,
      dueOn: doc.dueOn,
    };
    const at = new Date(); // wishes carry dates, not instants: the confirmation time stands in
    return [
      { id: stableId(id, spec.type), type: spec.type, at, communityId: null, unitIds: [], organizationId: doc.organizationId, subscriptionId: null, data: JSON.stringify(data) },
    ];
  },
};

const SOURCES: Record<string, OutboxSource<never>> = { JointCase: caseSource as OutboxSource<never>, MicroWish: wishSource as OutboxSource<never> };
