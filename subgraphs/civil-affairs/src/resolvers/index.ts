import type { Resolvers } from '../generated/resolvers-types';
import { AssistanceRecord } from './AssistanceRecord';
import { CareProfile } from './CareProfile';
import { CivilityPointsAccount } from './CivilityPointsAccount';
import { CivilityAward } from './CivilityAward';
import { CivilityPointsEntry } from './CivilityPointsEntry';
import { CivilityRankingRow } from './CivilityRankingRow';
import { Community } from './Community';
import { communityMutations } from './CommunityMutation';
import { Dispute } from './Dispute';
import { DisputeParty } from './DisputeParty';
import { Grid } from './Grid';
import { Household } from './Household';
import { MustGoEventRecord } from './MustGoEventRecord';
import { Mutation } from './Mutation';
import { ProxyService } from './ProxyService';
import { Query } from './Query';
import { Resident } from './Resident';
import { ResidentCare } from './ResidentCare';
import { Unit } from './Unit';
import { ScopeStatistics } from './ScopeStatistics';
import { Visit } from './Visit';
// volunteers (志愿服务)
import { VolunteerActivity } from './VolunteerActivity';
import { VolunteerAttendance } from './VolunteerAttendance';
import { VolunteerMember } from './VolunteerMember';
import { volunteerMutations, volunteerQueries, VolunteerTeam } from './VolunteerTeam';

export const resolvers = {
  Query: { ...Query, ...volunteerQueries },
  Mutation: { ...Mutation, ...communityMutations, ...volunteerMutations },
  Community,
  Grid,
  Household,
  Resident,
  ResidentCare,
  CareProfile,
  AssistanceRecord,
  Visit,
  ProxyService,
  MustGoEventRecord,
  Dispute,
  DisputeParty,
  CivilityPointsAccount,
  CivilityPointsEntry,
  Unit,
  VolunteerTeam,
  VolunteerMember,
  VolunteerActivity,
  VolunteerAttendance,
  ScopeStatistics,
  CivilityRankingRow,
  CivilityAward,
} satisfies Resolvers;
