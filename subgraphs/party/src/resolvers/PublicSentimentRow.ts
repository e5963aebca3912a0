import { reference } from '@cg/kit';
import type { PublicSentimentRowResolvers } from '../generated/resolvers-types';
import type { publicSentimentLedger } from '../jointCase/ledgers';

export type PublicSentimentRowParent = Awaited<ReturnType<typeof publicSentimentLedger>>[number];

/** 民情台账 row: the grid is civil affairs'. */
export const PublicSentimentRow = { grid: (row) => reference(row.gridId) } satisfies PublicSentimentRowResolvers;
