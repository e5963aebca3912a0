import type { Connection } from 'mongoose';
import { awardNominationModel } from './AwardNomination';
import { dualRegistrationModel } from './DualRegistration';
import { jointBuildingUnitModel } from './JointBuildingUnit';
import { liaisonAssignmentModel } from './LiaisonAssignment';
import { microWishModel } from './MicroWish';
import { partyMemberModel } from './PartyMember';
import { partyOrganizationModel } from './PartyOrganization';
import { pointEntryModel } from './PointEntry';
import { postClaimModel } from './PostClaim';
import { serviceActivityModel } from './ServiceActivity';
import { servicePostModel } from './ServicePost';
import { jointCaseModel } from './JointCase';
import { jointCaseStepModel } from './JointCaseStep';
import { responseUnitModel } from './ResponseUnit';
import { unitRegistrationModel } from './UnitRegistration';
import { webhookModels } from './Webhook';
import { deliberationModels } from './Deliberation';
import { escalationModel } from './Escalation';
import { jointMeetingBodyModel } from './JointMeetingBody';
import { meetingModel } from './Meeting';
import { meetingTaskModel } from './MeetingTask';
import { urgeModel } from './Urge';

export const createModels = (connection: Connection) => ({
  // --- organisation tree and members
  PartyOrganization: partyOrganizationModel(connection),
  PartyMember: partyMemberModel(connection),
  // --- 双报到, service posts, quota activities
  DualRegistration: dualRegistrationModel(connection),
  ServicePost: servicePostModel(connection),
  PostClaim: postClaimModel(connection),
  ServiceActivity: serviceActivityModel(connection),
  // --- 微心愿, points, awards
  MicroWish: microWishModel(connection),
  PointEntry: pointEntryModel(connection),
  AwardNomination: awardNominationModel(connection),
  // --- 大党委 and 包联
  JointBuildingUnit: jointBuildingUnitModel(connection),
  LiaisonAssignment: liaisonAssignmentModel(connection),
  // 1+3+N joint response (一呼联动)
  JointCase: jointCaseModel(connection),
  JointCaseStep: jointCaseStepModel(connection),
  ResponseUnit: responseUnitModel(connection),
  // event webhooks: subscriptions, outbox, deliveries
  ...webhookModels(connection),
  // resident deliberation (议事协商)
  ...deliberationModels(connection),
  // 单位党组织报到
  UnitRegistration: unitRegistrationModel(connection),
  // escalation, joint meetings and supervision (三级联动, 党建联席会议, 督单)
  Escalation: escalationModel(connection),
  JointMeetingBody: jointMeetingBodyModel(connection),
  Meeting: meetingModel(connection),
  MeetingTask: meetingTaskModel(connection),
  Urge: urgeModel(connection),
});
export type Models = ReturnType<typeof createModels>;
