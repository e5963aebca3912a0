import type { Resolvers } from '../generated/resolvers-types';
import { AwardNomination } from './AwardNomination';
import { DualRegistration } from './DualRegistration';
import { Grid } from './Grid';
import { JointBuildingUnit } from './JointBuildingUnit';
import { LiaisonAssignment } from './LiaisonAssignment';
import { MicroWish } from './MicroWish';
import { Mutation } from './Mutation';
import { PartyMember } from './PartyMember';
import { PartyOrganization } from './PartyOrganization';
import { PointEntry } from './PointEntry';
import { PostClaim } from './PostClaim';
import { Query } from './Query';
import { QuotaShortfall } from './QuotaShortfall';
import { Resident } from './Resident';
import { ServiceActivity } from './ServiceActivity';
import { ServicePost } from './ServicePost';
import { ScopeStatistics } from './ScopeStatistics';

// 1+3+N joint response (一呼联动)
import { GovernmentLedgerRow } from './GovernmentLedgerRow';
import { JointCase } from './JointCase';
import { JointCaseDeferral } from './JointCaseDeferral';
import { JointCaseEvent } from './JointCaseEvent';
import { JointCaseInquiry } from './JointCaseInquiry';
import { jointCaseMutations } from './JointCaseMutation';
import { jointCaseQueries } from './JointCaseQuery';
import { JointCaseRating } from './JointCaseRating';
import { JointCaseTask } from './JointCaseTask';
import { PublicSentimentRow } from './PublicSentimentRow';
import { ResponseUnit } from './ResponseUnit';
import { Whistle } from './Whistle';
import { WhistleCall } from './WhistleCall';
// event webhooks (事件订阅)
import { WebhookAttempt } from './WebhookAttempt';
import { WebhookDelivery } from './WebhookDelivery';
import { webhookMutations, webhookQueries, WebhookSubscription } from './WebhookSubscription';

export const resolvers = {
  Query: { ...Query, ...jointCaseQueries, ...webhookQueries },
  Mutation: { ...Mutation, ...jointCaseMutations, ...webhookMutations },
  // --- organisation tree and members
  PartyOrganization,
  PartyMember,
  // --- 双报到, service posts, quota
  DualRegistration,
  ServicePost,
  PostClaim,
  ServiceActivity,
  QuotaShortfall,
  // --- 微心愿, points, awards
  MicroWish,
  PointEntry,
  AwardNomination,
  // --- 大党委 and 包联
  JointBuildingUnit,
  LiaisonAssignment,
  // --- statistics (统计): the 双报到 figures of a scope
  ScopeStatistics,
  // --- entities of other departments
  Grid,
  Resident,
  // --- 1+3+N joint response (一呼联动)
  JointCase,
  JointCaseTask,
  JointCaseEvent,
  Whistle,
  WhistleCall,
  JointCaseInquiry,
  JointCaseDeferral,
  JointCaseRating,
  ResponseUnit,
  PublicSentimentRow,
  GovernmentLedgerRow,
  // --- event webhooks
  WebhookSubscription,
  WebhookDelivery,
  WebhookAttempt,
} satisfies Resolvers;
