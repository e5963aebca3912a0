import type { Resolvers } from '../generated/resolvers-types';
import { Building } from './Building';
import { Community } from './Community';
import { contractQueries } from './ContractQuery';
import { CrossAppointment } from './CrossAppointment';
import { Estate } from './Estate';
import { EstateManagementEvent } from './EstateManagementEvent';
import { EstatePatrol } from './EstatePatrol';
import { FallbackService } from './FallbackService';
import { Grid } from './Grid';
import { masterDataMutations } from './MasterDataMutation';
import { JointCase } from './JointCase';
import { Mutation } from './Mutation';
import { OwnersCommittee } from './OwnersCommittee';
import { OwnersCommitteeMember } from './OwnersCommitteeMember';
import { PatrolIssue } from './PatrolIssue';
import { PropertyCompany } from './PropertyCompany';
import { PropertyServiceContract } from './PropertyServiceContract';
import { Query } from './Query';
import { Resident } from './Resident';
import { ServiceOrder } from './ServiceOrder';
import { Unit } from './Unit';

export const resolvers = {
  Query: { ...Query, ...contractQueries },
  Mutation: { ...Mutation, ...masterDataMutations },
  PropertyCompany,
  Estate,
  EstateManagementEvent,
  Building,
  Unit,
  Grid,
  Community,
  Resident,
  OwnersCommittee,
  OwnersCommitteeMember,
  CrossAppointment,
  ServiceOrder,
  EstatePatrol,
  PatrolIssue,
  PropertyServiceContract,
  FallbackService,
  JointCase,
} satisfies Resolvers;
