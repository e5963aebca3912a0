import type { Resolvers } from '../generated/resolvers-types';
import { AssistanceRecord } from './AssistanceRecord';
import { CareProfile } from './CareProfile';
import { CivilityPointsAccount } from './CivilityPointsAccount';
import { CivilityPointsEntry } from './CivilityPointsEntry';
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
import { Visit } from './Visit';

export const resolvers = {
  Query,
  Mutation: { ...Mutation, ...communityMutations },
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
} satisfies Resolvers;
