import { addDays, entityResolvers, loadReferenced, paginate, reference } from '@cg/kit';
import type { Context } from '../context';
import type { JointMeetingBodyResolvers } from '../generated/resolvers-types';
import type { MeetingDoc } from '../models/Meeting';

const CHINA_OFFSET = 8 * 3_600_000;

/** A standing joint meeting (党建联席会议 / 大党委). */
export const JointMeetingBody = {
  ...entityResolvers((ctx: Context) => ctx.loaders.jointMeetingBody),
  organization: (b, _, { loaders }) => (b.organizationId ? loaders.organization.load(b.organizationId) : null),
  memberUnits: (b, _, { loaders }) => Promise.all(b.memberUnitIds.map((id) => loadReferenced(loaders.responseUnit, id, 'ResponseUnit'))),
  communities: (b) => b.communityIds.map((id) => reference(id)),
  meetings: (b, args, { models }) => paginate<MeetingDoc>(models.Meeting, { bodyId: b._id }, { heldAt: -1 }, args),
  nextMeetingDue: async (b, _, { models }) => {
    const last = (await models.Meeting.findOne({ bodyId: b._id }).sort({ heldAt: -1 }).lean()) as MeetingDoc | null;
    if (!last) return null;
    const day = new Date(new Date(last.heldAt).getTime() + CHINA_OFFSET).toISOString().slice(0, 10);
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const months = m - 1 + b.intervalMonths;
    const target = `${y + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
    return addDays(target, Math.min(d, 28) - 1);
  },
} satisfies JointMeetingBodyResolvers;
