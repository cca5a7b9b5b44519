/**
 * The canonical indicator dictionary: one entry per indicator, with the names
 * reports use for it. Every extractor and every comparison reads this table;
 * nothing else knows indicator names.
 */

export interface Indicator {
  key: string;
  /** Canonical Chinese name. */
  label: string;
  en: string;
  /** Unit of the level figure (the growth unit is always %). */
  unit: string | null;
  /** Names as they appear in reports, longest first when matched. */
  names: string[];
  /** Text just before a name that means it is not this indicator (万元生产总值能耗). */
  notAfter?: RegExp;
  /** Text just after a name that means it is not this indicator. */
  notBefore?: RegExp;
  /** Text around a name (4 characters either side) that means it is a benchmark, not this indicator (与经济增长同步). */
  notAround?: RegExp;
  /** Expands to other indicators (城乡居民 → 城镇 and 农村). */
  expands?: string[];
  /** The name national reports use, where it differs (国内生产总值). */
  nationalLabel?: string;
  /** A target for it is a ceiling even when stated as 左右 (prices, unemployment, the deficit). */
  ceiling?: boolean;
  /** The headline indicator: charted first, and the benchmark for 与经济增长同步. */
  headline?: boolean;
  /** The verb for a rise when it is not 增长 (prices 上涨). */
  riseVerb?: string;
}

export const INDICATORS: readonly Indicator[] = [
  {
    key: 'gdp', label: '地区生产总值', nationalLabel: '国内生产总值', en: 'GDP', unit: '亿元', headline: true,
    names: ['地区生产总值', '国内生产总值', '国民生产总值', '生产总值', 'GDP', '经济总量', '经济增长速度', '经济增长', '经济增速'],
    notAfter: /(万元|单位|占|亿元|人均|每|元|相当于|相当于全市|相当于全省)$/,
    notAround: /[与和同](经济增[长速]|(地区|国内)?生产总值增[长速]|GDP增速)(基本|保持)?同步|(不低于|快于|高于|低于)(经济增[长速]|(地区|国内)?生产总值增速)/,
    notBefore: /^(综合能耗|能耗|用水|电耗|比重|的比重|的比例|比例|增加值能耗|二氧化碳|同步|潜力|动力|质量|速度|的|预期目标|目标|韧性|活力|新动能|基本同步|保持同步|水平)/,
  },
  {
    key: 'industrial-value-added', label: '规模以上工业增加值', en: 'Industrial value added (above designated size)', unit: '亿元',
    names: ['规模以上工业增加值', '规上工业增加值', '规模以上工业企业增加值', '规模以上工业企业工业增加值', '规模工业增加值'],
  },
  {
    key: 'primary-value-added', label: '第一产业增加值', en: 'Primary industry value added', unit: '亿元',
    names: ['第一产业增加值', '一产增加值'],
  },
  {
    key: 'secondary-value-added', label: '第二产业增加值', en: 'Secondary industry value added', unit: '亿元',
    names: ['第二产业增加值', '二产增加值'],
  },
  {
    key: 'services-value-added', label: '服务业增加值', en: 'Services value added', unit: '亿元',
    names: ['服务业增加值', '第三产业增加值'],
    notAfter: /(生产性|现代)$/,
  },
  {
    key: 'fiscal-revenue', label: '一般公共预算收入', en: 'General public budget revenue', unit: '亿元',
    names: ['地方一般公共预算收入', '一般公共预算收入', '地方财政一般预算收入', '地方一般预算收入', '一般预算收入', '地方财政收入'],
  },
  {
    key: 'fixed-asset-investment', label: '固定资产投资', en: 'Fixed-asset investment', unit: '亿元',
    names: ['固定资产投资'],
  },
  {
    key: 'retail-sales', label: '社会消费品零售总额', en: 'Retail sales of consumer goods', unit: '亿元',
    names: ['社会消费品零售总额', '社零额', '社会消费品零售额'],
  },
  {
    key: 'trade', label: '外贸进出口', en: 'Foreign trade (imports and exports)', unit: '亿元',
    names: ['外贸进出口总额', '外贸进出口', '货物进出口总额', '进出口总额', '进出口总值', '货物进出口', '进出口', '外贸'],
    notAfter: /(电商|跨境|服务|贸易|口岸|企业|保税)$/,
    // 外贸进口 is imports only.
    notBefore: /^进口/,
  },
  {
    key: 'exports', label: '外贸出口', en: 'Exports', unit: '亿元',
    names: ['外贸出口总额', '外贸出口额', '外贸出口', '货物出口总额', '出口总额', '出口总值', '出口额'],
    notAfter: /(电商|跨境|服务|贸易|口岸|企业|保税)$/,
  },
  {
    key: 'foreign-investment', label: '实际使用外资', en: 'Actual use of foreign capital', unit: '亿美元',
    names: ['实际使用外资', '实际利用外资', '使用外资', '利用外资', '到账外资', '外资'],
    // 外资企业; 省外资金 (funds from other provinces), 外资金融机构.
    notBefore: /^(企业|项目|银行|金)/,
  },
  {
    key: 'disposable-income', label: '居民人均可支配收入', en: 'Per-capita disposable income', unit: '元',
    names: ['全体居民人均可支配收入', '居民人均可支配收入', '常住居民人均可支配收入', '居民收入'],
    notAfter: /(城镇|城市|农村|乡村|城乡|城镇常住|农村常住|城乡常住)$/,
  },
  {
    key: 'urban-income', label: '城镇居民人均可支配收入', en: 'Urban per-capita disposable income', unit: '元',
    // 城市居民 is the older wording (保定 2010: "城市居民人均可支配收入增长11%").
    names: ['城镇居民人均可支配收入', '城镇常住居民人均可支配收入', '城市居民人均可支配收入', '城镇居民可支配收入'],
  },
  {
    key: 'rural-income', label: '农村居民人均可支配收入', en: 'Rural per-capita disposable income', unit: '元',
    names: [
      '农村居民人均可支配收入', '农村常住居民人均可支配收入', '乡村居民人均可支配收入', '农民人均可支配收入', '农民人均纯收入', '农村居民人均纯收入',
    ],
  },
  {
    key: 'urban-rural-income', label: '城乡居民人均可支配收入', en: 'Urban and rural per-capita disposable income', unit: '元',
    names: [
      '城乡居民人均可支配收入', '城乡常住居民人均可支配收入', '城镇和农村居民人均可支配收入', '城镇和农村常住居民人均可支配收入',
      '城镇、农村居民人均可支配收入', '城镇、农村常住居民人均可支配收入', '城镇和农村人均可支配收入', '城乡居民收入',
    ],
    expands: ['urban-income', 'rural-income'],
  },
  {
    key: 'urban-employment', label: '城镇新增就业', en: 'New urban jobs', unit: '万人',
    names: ['城镇新增就业人数', '城镇新增就业', '新增城镇就业'],
  },
  {
    key: 'unemployment', label: '城镇调查失业率', en: 'Surveyed urban unemployment rate', unit: '%', ceiling: true,
    // 登记失业率 without 城镇 (保定 2010: "登记失业率控制在4.5%以内").
    names: ['城镇调查失业率', '城镇登记失业率', '调查失业率', '登记失业率'],
  },
  {
    key: 'cpi', label: '居民消费价格', en: 'Consumer prices (CPI)', unit: '%', ceiling: true, riseVerb: '上涨',
    names: ['居民消费价格指数涨幅', '居民消费价格涨幅', '居民消费价格指数', '居民消费价格总水平', '居民消费价格', '商品零售价格涨幅', '商品零售价格', 'CPI'],
  },
  {
    key: 'grain', label: '粮食产量', en: 'Grain output', unit: '万吨',
    names: ['粮食综合生产能力', '粮食总产量', '粮食产量', '粮食总产'],
  },
  {
    key: 'energy-intensity', label: '单位生产总值能耗', en: 'Energy use per unit of GDP', unit: '%',
    names: [
      '单位地区生产总值能耗', '单位国内生产总值能耗', '单位生产总值能耗', '万元地区生产总值能耗', '万元生产总值能耗', '万元GDP能耗',
      '单位地区生产总值综合能耗', '单位生产总值综合能耗', '万元地区生产总值综合能耗', '万元生产总值综合能耗',
      '节能减排降碳', '节能减排', '节能降碳', '能耗强度',
    ],
  },
  {
    key: 'new-economy-share', label: '“四新”经济增加值占比', en: 'Share of the “four new” economy', unit: '%',
    names: ['“四新”经济增加值占比', '"四新"经济增加值占比', '四新经济增加值占比', '“四新”经济增加值', '"四新"经济增加值', '四新经济增加值'],
  },
  {
    key: 'high-tech-share', label: '高新技术产业产值占比', en: 'Share of high-tech industry output', unit: '%',
    names: ['高新技术产业产值占比', '高新技术产业产值', '高新技术产值占比'],
  },
  {
    key: 'rd-intensity', label: '研发经费投入强度', en: 'R&D intensity', unit: '%',
    names: ['研发经费投入强度', '研究与试验发展经费投入强度', '研发投入强度', '全社会研发经费支出', '研发经费支出', '研究与试验发展经费支出', '研发（R&D）经费支出', '研发(R&D)经费支出'],
  },
  {
    key: 'deficit-ratio', label: '赤字率', en: 'Deficit ratio', unit: '%', ceiling: true,
    names: ['赤字率'],
  },
];

const BY_KEY = new Map(INDICATORS.map((i) => [i.key, i]));

export function indicator(key: string): Indicator | undefined {
  return BY_KEY.get(key);
}

/** The headline indicator (GDP). */
export const HEADLINE_INDICATOR: Indicator = INDICATORS.find((i) => i.headline)!;

interface NameEntry {
  name: string;
  indicator: Indicator;
}

const NAMES: NameEntry[] = INDICATORS.flatMap((indicator) => indicator.names.map((name) => ({ name, indicator }))).sort(
  (a, b) => b.name.length - a.name.length,
);
const NAME_RE = new RegExp(NAMES.map((n) => n.name.replace(/[.*+?^${}()|[\]\\"]/g, '\\$&')).join('|'), 'g');
const BY_NAME = new Map(NAMES.map((n) => [n.name, n.indicator]));

export interface IndicatorMention {
  indicator: Indicator;
  /** The name as written. */
  name: string;
  start: number;
  end: number;
}

/**
 * Words after a name that make it another measure, for every indicator: a contribution (对经济增长贡献率),
 * an elasticity, a dependence ratio (外贸依存度), an increment (外贸增量占全区外贸增量的63%).
 */
const ANOTHER_MEASURE = /^的?(贡献率|贡献度|贡献份额|拉动率|弹性|系数|依存度|增量)/;
/**
 * …and, for an indicator that is an amount or a growth (not itself a ratio), a share of it or in it:
 * 外资占比, 服务业增加值比重, 出口总额占全省比重, 在国内生产总值中的比重. (A ratio indicator's share is
 * the indicator: 研发经费支出占GDP比重 is R&D intensity.)
 */
const SHARE_OF = /^(的?(占比|比重|比例|份额)|占[^，。；、,;]{0,12}(比重|比例|份额)|中(的|所占)?(比重|比例|份额))/;
/** A name after 占 is the whole a share is taken of: 民间投资占固定资产投资比重, 冻鳟鱼出口占全国同类产品出口总值的98.5%. */
const SHARE_WHOLE = /占[^，。；、,;]{0,10}$/;

/** Every indicator named in the text, longest name first, minus look-alikes (万元生产总值能耗 is not GDP, 对经济增长贡献率 is not its growth). */
export function findIndicators(text: string): IndicatorMention[] {
  const out: IndicatorMention[] = [];
  for (const m of text.matchAll(NAME_RE)) {
    const ind = BY_NAME.get(m[0])!;
    const before = text.slice(Math.max(0, m.index - 4), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 6);
    if (ind.notAfter?.test(before) || ind.notBefore?.test(after) || ind.notAround?.test(before + m[0] + after)) continue;
    if (ANOTHER_MEASURE.test(after)) continue;
    if (ind.unit !== '%' && (SHARE_WHOLE.test(text.slice(Math.max(0, m.index - 12), m.index)) || SHARE_OF.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16)))) continue;
    out.push({ indicator: ind, name: m[0], start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** The indicator's name for a region: 国内生产总值 for the whole country, 地区生产总值 elsewhere. */
export function labelFor(ind: Indicator, level: string | null | undefined): string {
  return level === 'national' ? (ind.nationalLabel ?? ind.label) : ind.label;
}

