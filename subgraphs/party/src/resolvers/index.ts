import { Grid } from './Grid';
import { PartyMember } from './PartyMember';
import { PartyOrganization } from './PartyOrganization';
import { Query } from './Query';
import { Resident } from './Resident';

export const resolvers = { Query, PartyOrganization, PartyMember, Grid, Resident };
