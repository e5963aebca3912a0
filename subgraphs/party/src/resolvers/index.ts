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

export const resolvers = {
  Query,
  Mutation,
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
  // --- entities of other departments
  Grid,
  Resident,
};
