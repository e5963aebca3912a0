import { Building } from './Building';
import { Community } from './Community';
import { Estate } from './Estate';
import { Grid } from './Grid';
import { PropertyCompany } from './PropertyCompany';
import { Query } from './Query';
import { Unit } from './Unit';

export const resolvers = { Query, PropertyCompany, Estate, Building, Unit, Grid, Community };
