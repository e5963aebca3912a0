import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import type { JointCaseCategory, JointCaseUrgency } from '../gql/graphql';
import { HouseholdQuery, SubmitMutation } from '../operations';
import { t } from '../strings';

const CATEGORIES = Object.keys(t.category) as JointCaseCategory[];
const URGENCIES = Object.keys(t.urgency) as JointCaseUrgency[];

/** 点单 by community staff on a resident's behalf (the hotline or the grid worker's visit): found by household file number. */
export function NewCase({ onMessage }: { onMessage: (text: string) => void }) {
  const client = useClient();
  const [, submit] = useMutation(SubmitMutation);
  const [fileNumber, setFileNumber] = useState('');
  const [household, setHousehold] = useState<{ dwellingId: string; dwelling: string; members: Array<{ id: string; name: string | null }> } | null>(null);
  const [reporterId, setReporterId] = useState('');
  const [category, setCategory] = useState<JointCaseCategory>('PUBLIC_ORDER');
  const [urgency, setUrgency] = useState<JointCaseUrgency>('NORMAL');
  const [description, setDescription] = useState('');
  const find = async () => {
    const { data } = await client.query(HouseholdQuery, { fileNumber: fileNumber.trim() }).toPromise();
    const found = data?.householdByFileNumber;
    if (!found?.dwelling) return (setHousehold(null), onMessage(t.inbox.noHousehold));
    setHousehold({ dwellingId: found.dwelling.id, dwelling: found.dwelling.label, members: found.members });
    setReporterId(found.members[0]?.id ?? '');
  };
  return (
    <details className="panel">
      <summary>{t.inbox.newCase}</summary>
      <form
        aria-label={t.inbox.newCase}
        onSubmit={(event) => {
          event.preventDefault();
          if (!household) return;
          void submit({ input: { reporterId, unitId: household.dwellingId, category, urgency, description } }).then((r) =>
            onMessage(r.error ? `${t.common.error}${r.error.message}` : `${t.actions.submit}：${r.data?.submitJointCase.id ?? ''}`),
          );
        }}
      >
        <label>
          {t.inbox.fileNumber}
          <input value={fileNumber} onChange={(e) => setFileNumber(e.target.value)} />
        </label>
        <button type="button" onClick={() => void find()}>
          {t.inbox.findHousehold}
        </button>
        {household && (
          <>
            <p>
              {t.inbox.dwelling}：{household.dwelling}
            </p>
            <label>
              {t.inbox.reporter}
              <select value={reporterId} onChange={(e) => setReporterId(e.target.value)}>
                {household.members.map((m) => (
                  <option key={m.id} value={m.id}>
                    {m.name ?? m.id}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.inbox.category}
              <select value={category} onChange={(e) => setCategory(e.target.value as JointCaseCategory)}>
                {CATEGORIES.map((c) => (
                  <option key={c} value={c}>
                    {t.category[c]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.inbox.urgency}
              <select value={urgency} onChange={(e) => setUrgency(e.target.value as JointCaseUrgency)}>
                {URGENCIES.map((u) => (
                  <option key={u} value={u}>
                    {t.urgency[u]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.inbox.description}
              <textarea value={description} onChange={(e) => setDescription(e.target.value)} required />
            </label>
            <button type="submit">{t.actions.submit}</button>
          </>
        )}
      </form>
    </details>
  );
}
