/**
 * The shape of the synthetic province: how many of each thing, and the distributions they are
 * drawn from. Everything is drawn from a seeded PRNG, so two runs build the same province.
 */
import type { TItemKind } from '../../../domain/register/kinds';
import type { TSchoolType } from '../../../domain/roles';

export const SCALES = ['province', 'county'] as const;
export type TScale = (typeof SCALES)[number];

export interface TScalePlan {
  cities: number;
  counties: number;
  schools: number;
  teachers: number;
  items: number;
  cases: number;
}

export const SCALE_PLANS: Record<TScale, TScalePlan> = {
  province: { cities: 16, counties: 130, schools: 20_000, teachers: 1_000_000, items: 500_000, cases: 200_000 },
  // small: for tests and a quick look (one city, three counties)
  county: { cities: 1, counties: 3, schools: 36, teachers: 900, items: 1_500, cases: 300 },
};

/** GB/T 2260 province code of the synthetic province (names are fictional). */
export const PROVINCE_CODE = '430000';
export const PROVINCE_NAME = '湘禾省';

/** mulberry32: a small, fast, seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Picks a key by weight. */
export function weighted<T extends string>(rand: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((a, [, w]) => a + w, 0);
  let x = rand() * total;
  for (const [k, w] of table) {
    x -= w;
    if (x < 0) return k;
  }
  return table[table.length - 1]![0];
}

export function int(rand: () => number, min: number, max: number): number {
  return min + Math.floor(rand() * (max - min + 1));
}

export const SCHOOL_TYPES: readonly (readonly [TSchoolType, number])[] = [
  ['primary', 55],
  ['junior', 18],
  ['nine_year', 8],
  ['kindergarten', 8],
  ['complete_middle', 4],
  ['senior', 4],
  ['vocational', 2],
  ['special', 1],
];

/** Relative size of a school's staff by type (scaled to the plan's teacher total). */
export const STAFF_WEIGHT: Record<TSchoolType, number> = { primary: 40, junior: 60, nine_year: 60, kindergarten: 15, complete_middle: 90, senior: 100, vocational: 70, special: 20 };

export const SCHOOL_SUFFIX: Record<TSchoolType, string> = {
  primary: '小学',
  junior: '初级中学',
  nine_year: '九年一贯制学校',
  kindergarten: '幼儿园',
  complete_middle: '中学',
  senior: '高级中学',
  vocational: '职业中学',
  special: '特殊教育学校',
};

/** Demands by kind: forms and meetings are the most frequent, supervisions the rarest. */
export const KIND_WEIGHTS: readonly (readonly [TItemKind, number])[] = [
  ['data_collection', 20],
  ['meeting', 15],
  ['document', 12],
  ['social_affair', 10],
  ['training', 10],
  ['inspection', 8],
  ['evaluation', 7],
  ['assessment', 6],
  ['app_task', 6],
  ['secondment', 3],
  ['supervision', 3],
];

export type TSeedStatus = 'draft' | 'submitted' | 'reviewed' | 'approved' | 'completed' | 'returned' | 'rejected' | 'merged' | 'cancelled' | 'revoked';

export const STATUS_WEIGHTS: readonly (readonly [TSeedStatus, number])[] = [
  ['approved', 52],
  ['completed', 22],
  ['rejected', 5],
  ['revoked', 4],
  ['submitted', 4],
  ['draft', 3],
  ['cancelled', 3],
  ['merged', 2],
  ['reviewed', 2],
  ['returned', 2],
  // the rest of the weight lands on the last entry: none left
] as const;

export const CITY_NAMES = ['青川', '白鹭', '云溪', '石门', '临江', '桃源', '丰华', '安宁', '岳麓', '湘北', '金岭', '玉屏', '长林', '东湖', '南山', '柳城', '清河', '梅岭', '凤鸣', '龙泉'];
export const COUNTY_WORDS = ['东', '西', '南', '北', '新', '安', '永', '长', '宁', '平', '兴', '和', '福', '文', '华', '德', '泰', '丰', '宝', '庆'];
export const COUNTY_ROOTS = ['阳', '江', '山', '乡', '城', '溪', '源', '田', '州', '陵', '林', '河', '湖', '桥', '口', '坪', '岭', '塘'];
export const TOWN_NAMES = ['城关', '河西', '青山', '白塔', '柳营', '石桥', '龙泉', '永安', '新华', '东坡', '南岭', '北港', '高桥', '黄土', '梨园', '花溪', '沙坪', '枫林', '大坝', '双河'];

export const ISSUERS = ['教育局基础教育股', '教育局人事股', '教育局安全股', '县委宣传部', '县应急管理局', '县卫生健康局', '县统计局', '县市场监管局', '团县委', '县妇联', '县科协', '县司法局'];
export const BORROWERS = ['县委办公室', '县委宣传部', '县政府办公室', '县文旅局', '县融媒体中心', '县乡村振兴局', '县信访局'];
