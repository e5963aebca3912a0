import { Community } from './Community';
import { Grid } from './Grid';
import { Household } from './Household';
import { Query } from './Query';
import { Resident } from './Resident';

export const resolvers = { Query, Community, Grid, Household, Resident };
