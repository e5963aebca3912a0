import { fetchById } from '@cg/kit';
import type { Context } from '../context';
import type { LEVELS } from '../models/PartyOrganization';

export const Query = {
  partyOrganizations: (_: unknown, { level }: { level?: (typeof LEVELS)[number] | null }, { models }: Context) =>
    models.PartyOrganization.find(level ? { level } : {}).sort({ level: 1, name: 1 }).lean(),
  partyOrganization: fetchById((ctx: Context) => ctx.loaders.organization),
  partyMember: fetchById((ctx: Context) => ctx.loaders.member),
};
