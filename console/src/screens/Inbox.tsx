import { useState } from 'react';
import { useQuery } from 'urql';
import { CasesQuery } from '../operations';
import type { Claims } from '../session';
import { fill, t } from '../strings';
import { useUnits } from '../useUnits';
import { CaseActions, type Mode } from './CaseActions';
import { CaseCard } from './CaseCard';
import { NewCase } from './NewCase';

/** 案件收件箱: the community's cases (community staff), the unit's tasks (a unit), or the resident's own cases. */
export function Inbox({ claims }: { claims: Claims }) {
  const { units, mine, community, communityId } = useUnits(claims);
  const mode: Mode = community ? 'community' : claims.role === 'RESIDENT' ? 'resident' : mine ? 'unit' : 'view';
  const filter = mode === 'resident' ? { reporterId: claims.sub } : mode === 'unit' ? { unitId: mine!.id } : mode === 'community' && communityId ? { communityId } : {};
  const [{ data, fetching, error }, reload] = useQuery({
    query: CasesQuery,
    variables: { filter, first: 20 },
    pause: !community && !mine && mode !== 'resident' && units.length === 0,
  });
  const [message, setMessage] = useState('');
  const heading = mode === 'resident' ? t.inbox.myCases : mode === 'unit' ? `${t.inbox.myUnit}：${mine!.name}` : t.inbox.allCases;
  return (
    <section aria-labelledby="inbox-heading">
      <h2 id="inbox-heading">{t.inbox.title}</h2>
      <p>
        {heading} · {fill(t.inbox.total, { n: data?.jointCases.totalCount ?? 0 })}{' '}
        <button type="button" onClick={() => reload({ requestPolicy: 'network-only' })}>
          {t.common.refresh}
        </button>
      </p>
      <p role="status" className="message" data-testid="message">
        {message}
      </p>
      {mode === 'community' && <NewCase onMessage={setMessage} />}
      {fetching && !data && <p>{t.common.loading}</p>}
      {error && !data && <p role="alert">{t.common.error + error.message}</p>}
      {data?.jointCases.edges.length === 0 && <p>{t.inbox.empty}</p>}
      {data?.jointCases.edges.map(({ node }) => (
        <CaseCard key={node.id} c={node}>
          <CaseActions
            c={node}
            mode={mode}
            mine={mine}
            units={units}
            onDone={(text, stale) => {
              setMessage(text);
              if (stale) reload({ requestPolicy: 'network-only' });
            }}
          />
        </CaseCard>
      ))}
    </section>
  );
}
