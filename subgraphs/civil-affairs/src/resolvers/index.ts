import { Community } from './Community';
import { Grid } from './Grid';
import { Household } from './Household';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Resident } from './Resident';
import { Visit } from './Visit';

export const resolvers = { Query, Mutation, Community, Grid, Household, Resident, Visit };
