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
import { rosterMutations } from './RosterMutation';
import { Whistle } from './Whistle';
import { WhistleCall } from './WhistleCall';
// event webhooks (事件订阅)
import { WebhookAttempt } from './WebhookAttempt';
import { WebhookDelivery } from './WebhookDelivery';
import { webhookMutations, webhookQueries, WebhookSubscription } from './WebhookSubscription';
// resident deliberation (议事协商)
import { Community } from './Community';
import { DeliberationFollowUp } from './DeliberationFollowUp';
import { DeliberationParticipant } from './DeliberationParticipant';
import { DeliberationSession } from './DeliberationSession';
import { deliberationMutations, deliberationQueries, DeliberationTopic } from './DeliberationTopic';
import { volunteerPointMutations } from './VolunteerPointsMutation';

// 管家吹哨, 单位党组织报到, points following the work
import { looseEndMutations, looseEndQueries } from './LooseEnds';
import { PatrolIssue } from './PatrolIssue';
import { UnitRegistration } from './UnitRegistration';

// escalation, joint meetings and supervision (三级联动, 党建联席会议, 督单)
import { AgendaItem } from './AgendaItem';
import { Escalation } from './Escalation';
import { EscalationStep } from './EscalationStep';
import { governanceMutations } from './GovernanceMutation';
import { governanceQueries } from './GovernanceQuery';
import { JointMeetingBody } from './JointMeetingBody';
import { Meeting } from './Meeting';
import { MeetingAttendance } from './MeetingAttendance';
import { MeetingTask } from './MeetingTask';
import { OverdueCaseTask } from './OverdueCaseTask';
import { OverdueDigest } from './OverdueDigest';
import { Urge } from './Urge';

export const resolvers = {
  Query: { ...Query, ...jointCaseQueries, ...webhookQueries, ...deliberationQueries, ...looseEndQueries, ...governanceQueries },
  Mutation: {
    ...Mutation,
    ...jointCaseMutations,
    ...webhookMutations,
    ...rosterMutations,
    ...deliberationMutations,
    ...volunteerPointMutations,
    ...looseEndMutations,
    ...governanceMutations,
  },
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
  // --- resident deliberation (议事协商)
  Community,
  DeliberationTopic,
  DeliberationSession,
  DeliberationParticipant,
  DeliberationFollowUp,
  // --- 管家吹哨, 单位党组织报到
  PatrolIssue,
  UnitRegistration,
  // --- escalation, joint meetings and supervision
  Escalation,
  EscalationStep,
  JointMeetingBody,
  Meeting,
  MeetingAttendance,
  AgendaItem,
  MeetingTask,
  Urge,
  OverdueDigest,
  OverdueCaseTask,
} satisfies Resolvers;
