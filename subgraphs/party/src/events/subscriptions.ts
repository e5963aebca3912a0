import { randomBytes } from 'node:crypto';
import { assertId, badInput, ErrorCode, notFound, requireRange, typedError, type Identity } from '@cg/kit';
import type { Context } from '../context';
import { COMMUNITY_ROLES } from '../jointCase/authorize';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookSubscriptionDoc } from '../models/Webhook';
import type { ResponseUnitDoc } from '../models/ResponseUnit';

export interface SubscribeInput {
  url: string;
  events: string[];
  unitId?: string | null;
  communityId?: string | null;
  organizationId?: string | null;
  withinHours?: number | null;
}

const WISH_EVENTS: readonly WebhookEventType[] = ['WISH_CLAIMED', 'WISH_DONE'];
const forbidden = (message: string, field: string) => typedError(ErrorCode.FORBIDDEN, message, { reason: 'scope', field });

/** Only http(s) URLs with a host and no user/password part: anything else could not receive a POST or would leak credentials. */
function requireWebhookUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badInput('url must be an absolute http(s) URL', { field: 'url' });
  }
  if (!['http:', 'https:'].includes(url.protocol)) throw badInput(`url must use http or https, not ${url.protocol.replace(':', '')}`, { field: 'url' });
  if (url.username || url.password) throw badInput('url must not carry a user name or password', { field: 'url' });
  if (value.length > 2000) throw badInput('url is longer than 2000 characters', { field: 'url' });
  return url.toString();
}

/**
 * Who may subscribe to what (the access rules of the API): a unit's own staff to their unit (the unit whose
 * `department` is theirs); community roles to a community in their scope; the party department to an organisation.
 */
async function requireTarget(ctx: Context, identity: Identity, input: SubscribeInput, events: WebhookEventType[]) {
  const given = (['unitId', 'communityId', 'organizationId'] as const).filter((k) => input[k] != null);
  if (given.length !== 1) throw badInput('name exactly one of unitId, communityId, organizationId', { field: given[1] ?? 'unitId' });
  const wishes = events.filter((e) => WISH_EVENTS.includes(e));
  if (input.organizationId != null) {
    const organizationId = assertId(input.organizationId, 'organizationId');
    if (wishes.length !== events.length) throw badInput('an organisation is told only of WISH_CLAIMED and WISH_DONE', { field: 'events' });
    if (identity.department !== 'party') throw forbidden('only the party department subscribes to an organisation', 'organizationId');
    if (!(await ctx.models.PartyOrganization.exists({ _id: organizationId }))) throw notFound('PartyOrganization', organizationId);
    return { organizationId };
  }
  if (wishes.length) throw badInput('WISH_CLAIMED and WISH_DONE are about an organisation: give organizationId', { field: 'events' });
  if (input.unitId != null) {
    const unitId = assertId(input.unitId, 'unitId');
    const unit = (await ctx.models.ResponseUnit.findById(unitId).lean()) as ResponseUnitDoc | null;
    if (!unit) throw notFound('ResponseUnit', unitId);
    if (unit.department !== identity.department) throw forbidden(`${identity.department} does not act for ${unit.name}`, 'unitId');
    return { unitId };
  }
  const communityId = assertId(input.communityId, 'communityId');
  const { communityIds, gridIds } = identity.scope;
  const inScope = communityIds.includes(communityId) || (communityIds.length === 0 && gridIds.length === 0);
  if (!(COMMUNITY_ROLES as readonly string[]).includes(identity.role) || !inScope) throw forbidden("the community is not in the caller's scope", 'communityId');
  return { communityId };
}

export async function subscribeWebhook(ctx: Context, input: SubscribeInput) {
  const identity = ctx.identity;
  if (!identity) throw typedError(ErrorCode.UNAUTHENTICATED, 'sign in to subscribe');
  const url = requireWebhookUrl(input.url);
  const events = [...new Set(input.events ?? [])] as WebhookEventType[];
  if (!events.length) throw badInput('name at least one event', { field: 'events' });
  if (events.some((e) => !WEBHOOK_EVENT_TYPES.includes(e))) throw badInput('unknown event type', { field: 'events' });
  const deadline = events.includes('DEADLINE_NEAR');
  if (deadline && input.withinHours == null) throw badInput('DEADLINE_NEAR needs withinHours', { field: 'withinHours' });
  const withinHours = input.withinHours == null ? null : requireRange(input.withinHours, 'withinHours', 0.01, 720);
  const target = await requireTarget(ctx, identity, input, events);
  const secret = randomBytes(32).toString('base64url');
  const created = await ctx.models.WebhookSubscription.create({
    url,
    events,
    secret,
    ...target,
    withinHours: deadline ? withinHours : null,
    ownerDepartment: identity.department,
    createdBy: identity.subject,
    createdAt: new Date(),
    active: true,
  });
  return { subscription: created.toObject() as WebhookSubscriptionDoc, secret };
}

/** The caller's department's subscription, or null (another department's is not acknowledged to exist). */
export async function ownSubscription(ctx: Context, id: string): Promise<WebhookSubscriptionDoc | null> {
  const doc = (await ctx.models.WebhookSubscription.findById(assertId(id)).lean()) as WebhookSubscriptionDoc | null;
  return doc && ctx.identity && doc.ownerDepartment === ctx.identity.department ? doc : null;
}

export async function listSubscriptions(ctx: Context, includeEnded: boolean | null | undefined): Promise<WebhookSubscriptionDoc[]> {
  if (!ctx.identity) return [];
  const docs = (await ctx.models.WebhookSubscription.find({ ownerDepartment: ctx.identity.department }).lean()) as WebhookSubscriptionDoc[];
  return docs.filter((d) => includeEnded || d.active).sort((a, b) => +new Date(b.createdAt) - +new Date(a.createdAt));
}

export async function unsubscribeWebhook(ctx: Context, id: string): Promise<WebhookSubscriptionDoc> {
  const own = await ownSubscription(ctx, id);
  if (!own) throw notFound('WebhookSubscription', String(id));
  await ctx.models.WebhookSubscription.updateOne({ _id: own._id }, { $set: { active: false } });
  return { ...own, active: false };
}
