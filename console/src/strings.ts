/** Every string the console shows (zh-CN), in one place. */
export const t = {
  appTitle: '一呼联动 · 社区案件工作台',
  nav: { inbox: '案件收件箱', dossier: '案件卷宗', supervision: '督单', dashboard: '考核看板', ledgers: '两台账三清单' },
  signIn: {
    title: '登录',
    devHeading: '演示身份（仅开发环境）',
    devHint: '选择一个演示身份，网关用开发密钥签发令牌。',
    pasteHeading: '使用身份认证中心签发的令牌',
    pasteHint: '生产环境：从统一身份认证（OIDC）登录后获得的访问令牌粘贴到此处。',
    tokenLabel: '访问令牌（JWT）',
    submit: '登录',
    signOut: '退出',
    badToken: '令牌格式不正确',
    signedInAs: '当前身份',
  },
  identities: {
    'party-secretary': '社区党委书记',
    'grid-worker': '网格员（一网格）',
    'civil-affairs-clerk': '民政科员',
    'employment-clerk': '就业科员',
    'property-staff': '物业公司职员',
    'property-desk': '物业服务中心（鑫源物业）',
    'law-enforcement-clerk': '综合行政执法局办事员',
    'water-clerk': '供水公司办事员',
    auditor: '审计员',
    resident: '居民（报事人）',
  } as Record<string, string>,
  roles: { GRID_WORKER: '网格员', PARTY_SECRETARY: '党组织书记', DEPARTMENT_CLERK: '部门办事员', PROPERTY_STAFF: '物业职员', RESIDENT: '居民', AUDITOR: '审计员' } as Record<string, string>,
  status: {
    SUBMITTED: '已点单', DISPATCHED: '已派单', ACCEPTED: '已接单', IN_PROGRESS: '办理中', RESOLVED: '已回单', VERIFIED: '已审定', RATED: '已评单',
    CLOSED: '已办结', RETURNED: '已退单', TRANSFERRED: '已转单', DEFERRAL_REQUESTED: '挂账申请中', DEFERRED: '已挂账', REWORK: '返工', DUPLICATE: '重复件',
  } as Record<string, string>,
  taskStatus: { PENDING: '待接单', ACCEPTED: '已接单', RESOLVED: '已办结', RETURNED: '已退单', WITHDRAWN: '已撤回' } as Record<string, string>,
  taskRole: { LEAD: '牵头', HELPER: '协办' } as Record<string, string>,
  category: {
    WATER: '供水', POWER: '供电', GAS: '燃气', HEATING: '供暖', PROPERTY_SERVICE: '物业服务', ENVIRONMENT: '环境卫生', PUBLIC_ORDER: '治安秩序',
    BUILDING_SAFETY: '房屋安全', DISPUTE: '矛盾纠纷', EMPLOYMENT: '就业', ASSISTANCE: '救助保障', OTHER: '其他',
  } as Record<string, string>,
  urgency: { EMERGENCY: '紧急', NORMAL: '一般', COMPLEX: '复杂' } as Record<string, string>,
  unitKind: { COMMUNITY: '社区', PROPERTY: '物业', CONSTRUCTION: '住建', LAW_ENFORCEMENT: '综合执法', JOINT_BUILDING: '共建单位' } as Record<string, string>,
  actions: {
    submit: '点单', dispatch: '派单', accept: '接单', giveBack: '退单', start: '办单', resolve: '回单', resolveTask: '办结任务', verify: '审定',
    sendBack: '返工', rate: '评单', close: '办结', whistle: '吹哨', report: '报到',
  },
  inbox: {
    title: '案件收件箱', myUnit: '本单位', allCases: '本社区全部案件', myCases: '我的诉求', empty: '暂无案件', total: '共 {n} 件',
    newCase: '点单（代居民登记）', fileNumber: '户档编号', findHousehold: '查找', reporter: '报事人', dwelling: '房屋',
    category: '类别', urgency: '紧急程度', description: '问题描述', leadUnit: '牵头单位', helperUnits: '协办单位', note: '说明', reason: '理由',
    score: '评分（1–5）', whistleUnits: '吹哨单位', due: '办理时限', submitted: '点单时间', statusCol: '状态', overdue: '已超期', open: '卷宗',
    conflict: '案件已被他人更新（版本冲突），已刷新，请重试。', done: '已完成：{step}', noHousehold: '未找到该户档', version: '版本',
    whistleWaiting: '待报到', tasks: '单位任务',
  },
  dossier: {
    title: '案件卷宗', pick: '请先在收件箱中选择一件案件', caseId: '案件编号', reporter: '报事人', phone: '电话', household: '户档', tenure: '住房情况',
    employment: '就业状态', party: '党员身份', place: '地点', building: '楼栋', estate: '小区', company: '物业公司', grid: '网格', leader: '网格长',
    community: '社区', branch: '网格党支部', members: '党员', history: '流转记录', whistles: '吹哨报到', rating: '评价', masked: '已脱敏',
    parts: { party: '党建（案件、单位、党支部）', civil: '民政（居民、户、网格）', property: '物业（房屋、楼栋、小区）', employment: '就业' },
    none: '无',
  },
  supervision: { title: '督单：超期与临期案件', window: '临期窗口（小时）', byUnit: '按单位统计', unit: '单位', overdueCount: '超期', soonCount: '临期', cases: '案件', noLead: '未派单' },
  dashboard: {
    title: '考核看板', community: '社区', month: '月份', byMonth: '逐月趋势', byGrid: '各网格（所选月份）', figures: '指标数值', scope: '统计范围',
    measures: {
      responseRate: '响应率', resolutionRate: '解决率', satisfactionRate: '满意率', onTimeRate: '按期处置率', inGridShare: '网格内解决率',
      reportOnTimeRate: '吹哨报到及时率', cases: '受理量', overdue: '超期', whistled: '吹哨',
    } as Record<string, string>,
    noData: '—',
  },
  ledgers: {
    title: '两台账三清单', sentiment: '民情台账', government: '政务台账', problems: '问题清单', resources: '资源清单', responsibilities: '责任清单',
    grid: '网格', received: '受理', handled: '已回单', resolved: '已解决', rated: '已评价', satisfied: '满意', unit: '单位', onTime: '按期',
    overdue: '超期', whistleCalls: '被吹哨', reportedOnTime: '及时报到', open: '未办结', kind: '类型', categories: '负责类别', openLeadTasks: '在办牵头任务',
    export: '导出 CSV',
  },
  common: { loading: '加载中…', error: '出错了：', refresh: '刷新', cancel: '取消', confirm: '确定' },
};

export const fill = (template: string, values: Record<string, string | number>) => template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
