/**
 * The Chinese names of a joint case's categories (案件类别), as the console shows them and the exports print them:
 * one table so a sheet and the screen never call a category two things. Plain data, no imports: the console's
 * bundle takes it as it is.
 */
export const CATEGORY_LABELS: Readonly<Record<string, string>> = {
  WATER: '供水',
  POWER: '供电',
  GAS: '燃气',
  HEATING: '供暖',
  PROPERTY_SERVICE: '物业服务',
  ENVIRONMENT: '环境卫生',
  PUBLIC_ORDER: '治安秩序',
  BUILDING_SAFETY: '房屋安全',
  DISPUTE: '矛盾纠纷',
  EMPLOYMENT: '就业',
  ASSISTANCE: '救助保障',
  OTHER: '其他',
};
