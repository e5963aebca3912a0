import { notFound } from '@cg/kit';
import type { Models } from './models';
import type { PartyMemberDoc } from './models/PartyMember';

/** NOT_FOUND naming the input field that referred to the missing record. */
export function missing(typename: string, id: string, field: string) {
  const error = notFound(typename, id);
  Object.assign(error.extensions, { field });
  return error;
}

export async function requireMember(models: Models, id: string, field = 'memberId'): Promise<PartyMemberDoc> {
  const member = (await models.PartyMember.findById(id).lean()) as PartyMemberDoc | null;
  if (!member) throw missing('PartyMember', id, field);
  return member;
}
