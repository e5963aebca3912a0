import { reference } from '@cg/kit';

/** 民情台账 row: the grid is civil affairs'. */
export const PublicSentimentRow = { grid: (row: { gridId: string }) => reference(row.gridId) };
