import { notFound } from '@cg/kit';
import type { Models } from './models';
import type { PartyMemberDoc } from './models/PartyMember';

export async function requireMember(models: Models, id: string, field = 'memberId'): Promise<PartyMemberDoc> {
  const member = (await models.PartyMember.findById(id).lean()) as PartyMemberDoc | null;
  if (!member) throw notFound('PartyMember', id, field);
  return member;
}
