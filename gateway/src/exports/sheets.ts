/**
 * What each export holds (导出): the two ledgers and three lists (两台账三清单), the measures and the overdue list,
 * as sheets of Chinese-headed columns, each filled by GraphQL operations the gateway runs for the caller, page by page.
 */
export interface Column {
  header: string;
  width?: number;
  value(row: Row): string | number | null;
}
export type Row = Record<string, any>;
/** Runs one operation as the caller; throws ExportError on any error. */
export type Run = (query: string, variables: Record<string, unknown>) => Promise<Row>;
export interface Scope {
  from?: string;
  to?: string;
  communityId?: string;
  gridId?: string;
  unitId?: string;
}
export interface Sheet {
  title: string;
  columns: Column[];
  rows(run: Run, scope: Scope): AsyncGenerator<Row[]>;
}

export const CATEGORY_LABELS: Record<string, string> = {
  WATER: '供水', POWER: '供电', GAS: '燃气', HEATING: '供暖', PROPERTY_SERVICE: '物业服务', ENVIRONMENT: '环境卫生', PUBLIC_ORDER: '治安秩序',
  BUILDING_SAFETY: '房屋安全', DISPUTE: '矛盾纠纷', EMPLOYMENT: '就业', ASSISTANCE: '救助保障', OTHER: '其他',
};
const KIND_LABELS: Record<string, string> = { COMMUNITY: '社区', PROPERTY: '物业', CONSTRUCTION: '住建', LAW_ENFORCEMENT: '执法', JOINT_BUILDING: '共建单位' };
const label = (labels: Record<string, string>) => (code: string | null | undefined) => (code ? labels[code] ?? code : null);
const category = label(CATEGORY_LABELS);
const kind = label(KIND_LABELS);
const col = (header: string, value: Column['value'], width = 12): Column => ({ header, value, width });
const num = (header: string, key: string) => col(header, (r) => r[key] as number);

/** A ledger's scope: cases submitted in [from, to); a period is required. */
const ledgerScope = (scope: Scope) => ({ from: scope.from, to: scope.to, communityId: scope.communityId, gridId: scope.gridId, unitId: scope.unitId });
const once = (fetch: (run: Run, scope: Scope) => Promise<Row[]>) =>
  async function* rows(run: Run, scope: Scope) {
    yield await fetch(run, scope);
  };

const publicSentiment: Sheet = {
  title: '民情台账',
  columns: [
    col('网格编码', (r) => r.grid.code), col('网格', (r) => r.grid.name, 20), col('类别', (r) => category(r.category)),
    num('受理', 'received'), num('回单', 'handled'), num('审定', 'resolved'), num('评价', 'rated'), num('满意', 'satisfied'),
  ],
  rows: once(async (run, scope) =>
    (await run(`query($s: JointCaseScope!) { publicSentimentLedger(scope: $s) { grid { code name } category received handled resolved rated satisfied } }`, { s: ledgerScope(scope) }))
      .publicSentimentLedger),
};

const government: Sheet = {
  title: '政务台账',
  columns: [
    col('单位', (r) => r.unit.name, 24), col('类型', (r) => kind(r.unit.kind)), num('受理任务', 'received'), num('办结', 'resolved'), num('按期办结', 'onTime'),
    num('超期', 'overdue'), num('吹哨', 'whistleCalls'), num('按时报到', 'reportedOnTime'),
  ],
  rows: once(async (run, scope) =>
    (await run(`query($s: JointCaseScope!) { governmentLedger(scope: $s) { unit { name kind } received resolved onTime overdue whistleCalls reportedOnTime } }`, { s: ledgerScope(scope) }))
      .governmentLedger),
};

const THREE_LISTS = `query($c: ID!) { threeLists(communityId: $c) { problems { category open overdue } resources { name kind department categories }
  responsibilities { unit { name kind } categories openLeadTasks } } }`;
const threeLists = (pick: string) => async (run: Run, scope: Scope) => (await run(THREE_LISTS, { c: scope.communityId }))[`threeLists`][pick] as Row[];
const categories = (r: Row) => (r.categories as string[]).map((c) => category(c)).join('、');

const problems: Sheet = { title: '问题清单', columns: [col('类别', (r) => category(r.category)), num('未办结', 'open'), num('超期', 'overdue')], rows: once(threeLists('problems')) };
const resources: Sheet = {
  title: '资源清单',
  columns: [col('单位', (r) => r.name, 24), col('类型', (r) => kind(r.kind)), col('责任类别', categories, 30)],
  rows: once(threeLists('resources')),
};
const responsibilities: Sheet = {
  title: '责任清单',
  columns: [col('单位', (r) => r.unit.name, 24), col('类型', (r) => kind(r.unit.kind)), col('责任类别', categories, 30), num('牵头未办结', 'openLeadTasks')],
  rows: once(threeLists('responsibilities')),
};

const MEASURES: Array<[string, string, 'count' | 'rate']> = [
  ['cases', '受理量', 'count'], ['dispatched', '派单量', 'count'], ['responded', '接单量', 'count'], ['handled', '回单量', 'count'], ['resolved', '审定量', 'count'],
  ['onTime', '按期处置', 'count'], ['overdue', '超期', 'count'], ['reworked', '返工', 'count'], ['rated', '评价', 'count'], ['satisfied', '满意', 'count'],
  ['whistled', '吹哨', 'count'], ['reportsDue', '应报到', 'count'], ['reportsOnTime', '按时报到', 'count'], ['resolvedInGrid', '网格内解决', 'count'],
  ['resolvedInCommunity', '社区内解决', 'count'], ['responseRate', '响应率', 'rate'], ['resolutionRate', '解决率', 'rate'], ['onTimeRate', '按期处置率', 'rate'],
  ['overdueRate', '超期率', 'rate'], ['reworkRate', '返工率', 'rate'], ['satisfactionRate', '满意率', 'rate'], ['whistleRate', '吹哨率', 'rate'],
  ['reportOnTimeRate', '报到及时率', 'rate'], ['inGridShare', '小事不出网格率', 'rate'], ['inCommunityShare', '大事不出社区率', 'rate'],
];
const measures: Sheet = {
  title: '考核指标',
  columns: [col('指标', (r) => r.label, 18), col('字段', (r) => r.key, 20), col('数值', (r) => r.value as number | null)],
  rows: once(async (run, scope) => {
    const m = (await run(`query($s: JointCaseScope!) { jointCaseMeasures(scope: $s) { ${MEASURES.map(([k]) => k).join(' ')} } }`, { s: ledgerScope(scope) })).jointCaseMeasures;
    return MEASURES.map(([key, text]) => ({ key, label: text, value: m[key] }));
  }),
};

/** 超期清单: overdue cases, 100 a page through the supervision list (personal fields as the caller may see them). */
const PAGE = 100;
const overdue: Sheet = {
  title: '超期清单',
  columns: [
    col('案件编号', (r) => r.id, 26), col('类别', (r) => category(r.category)), col('紧急程度', (r) => r.urgency), col('状态', (r) => r.status, 14),
    col('问题描述', (r) => r.description, 30), col('受理时间', (r) => r.submittedAt, 26), col('办理时限', (r) => r.dueAt, 26), col('网格', (r) => r.grid?.code), col('牵头单位', (r) => r.leadUnit?.name ?? null, 24),
    col('报事人', (r) => r.reporter?.name ?? null), col('联系电话', (r) => r.reporter?.phone ?? null, 16),
  ],
  async *rows(run, scope) {
    let after: string | null = null;
    do {
      const page: Row = (await run(`query($c: ID, $g: ID, $f: Int, $a: String) { supervisionList(withinHours: 0, communityId: $c, gridId: $g, first: $f, after: $a) {
        edges { node { id category urgency status description submittedAt dueAt overdue grid { code } leadUnit { name } reporter { name phone } } } pageInfo { hasNextPage endCursor } } }`,
        { c: scope.communityId, g: scope.gridId, f: PAGE, a: after })).supervisionList;
      yield (page.edges as Row[]).map((e) => e.node).filter((n) => n.overdue);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
  },
};

/** Export name → its sheets, and what its scope needs. CSV serves the one-sheet exports. */
export const EXPORTS: Record<string, { title: string; sheets: Sheet[]; needs: Array<'period' | 'community'> }> = {
  ledgers: { title: '两台账', sheets: [publicSentiment, government], needs: ['period'] },
  'public-sentiment-ledger': { title: '民情台账', sheets: [publicSentiment], needs: ['period'] },
  'government-ledger': { title: '政务台账', sheets: [government], needs: ['period'] },
  'three-lists': { title: '三清单', sheets: [problems, resources, responsibilities], needs: ['community'] },
  'problem-list': { title: '问题清单', sheets: [problems], needs: ['community'] },
  'resource-list': { title: '资源清单', sheets: [resources], needs: ['community'] },
  'responsibility-list': { title: '责任清单', sheets: [responsibilities], needs: ['community'] },
  measures: { title: '考核指标', sheets: [measures], needs: ['period'] },
  overdue: { title: '超期清单', sheets: [overdue], needs: [] },
};
