import type { Resolvers } from '../generated/resolvers-types';
import { Mutation } from './Mutation';
import { Query } from './Query';
import { Resident } from './Resident';
import { __Entity__ } from './__Entity__';

export const resolvers = { Query, Mutation, __Entity__, Resident } satisfies Resolvers;
