import { Grid } from './Grid';
import { PartyMember } from './PartyMember';
import { PartyOrganization } from './PartyOrganization';
import { Query } from './Query';
import { Resident } from './Resident';
// 1+3+N joint response (一呼联动)
import { GovernmentLedgerRow } from './GovernmentLedgerRow';
import { JointCase } from './JointCase';
import { JointCaseDeferral } from './JointCaseDeferral';
import { JointCaseEvent } from './JointCaseEvent';
import { JointCaseInquiry } from './JointCaseInquiry';
import { jointCaseMutations } from './JointCaseMutation';
import { jointCaseQueries } from './JointCaseQuery';
import { JointCaseRating } from './JointCaseRating';
import { jointCaseResidentFields } from './JointCaseResident';
import { JointCaseTask } from './JointCaseTask';
import { PublicSentimentRow } from './PublicSentimentRow';
import { ResponseUnit } from './ResponseUnit';
import { Whistle } from './Whistle';
import { WhistleCall } from './WhistleCall';

export const resolvers = {
  Query: { ...Query, ...jointCaseQueries },
  Mutation: { ...jointCaseMutations },
  PartyOrganization, PartyMember, Grid,
  Resident: { ...Resident, ...jointCaseResidentFields },
  JointCase, JointCaseTask, JointCaseEvent, Whistle, WhistleCall, JointCaseInquiry, JointCaseDeferral, JointCaseRating,
  ResponseUnit, PublicSentimentRow, GovernmentLedgerRow,
};
