import { makeSchoolCode } from '../../../domain/validators/schoolCode';
import { validateRegionCode } from '../../../domain/validators/regionCode';
import type { TSchoolType } from '../../../domain/roles';
import { CITY_NAMES, COUNTY_ROOTS, COUNTY_WORDS, PROVINCE_CODE, PROVINCE_NAME, SCHOOL_SUFFIX, SCHOOL_TYPES, STAFF_WEIGHT, TOWN_NAMES, int, weighted, type TScalePlan } from './plan';

export interface TSynOrg {
  id: number;
  parent_id: number | null;
  kind: 'region' | 'agency' | 'section' | 'school';
  code: string | null;
  name: string;
  path: string;
  depth: number;
  region_code: string | null;
  school_type: TSchoolType | null;
}

export interface TSynSchool extends TSynOrg {
  school_type: TSchoolType;
  teachers: number;
}

export interface TSynCounty {
  region: TSynOrg;
  bureau: TSynOrg;
  office: TSynOrg;
  schools: TSynSchool[];
}

export interface TSynProvince {
  province: TSynOrg;
  cities: TSynOrg[];
  counties: TSynCounty[];
  orgs: TSynOrg[];
}

const ORDINALS = ['第一', '第二', '第三', '第四', '第五', '第六', '第七', '第八', '第九', '第十'];

/**
 * The org tree in memory with explicit ids from `firstId`: province → cities → counties (GB/T
 * 2260 codes: districts 02–20, counties 21+) → bureau (with 基础教育股 and 人事股, where the
 * office sits) → schools (10-digit 学校标识码 with the category prefix of their type), with a
 * staff size per school scaled so that the teachers add up to the plan.
 */
export function buildOrgTree(plan: TScalePlan, firstId: number, rand: () => number): TSynProvince {
  let nextId = firstId;
  const orgs: TSynOrg[] = [];
  const make = (parent: TSynOrg | null, o: Omit<TSynOrg, 'id' | 'parent_id' | 'path' | 'depth'>): TSynOrg => {
    const id = nextId++;
    const org: TSynOrg = { ...o, id, parent_id: parent?.id ?? null, path: `${parent?.path ?? '/'}${id}/`, depth: parent ? parent.depth + 1 : 0 };
    orgs.push(org);
    return org;
  };
  const province = make(null, { kind: 'region', code: PROVINCE_CODE, name: PROVINCE_NAME, region_code: PROVINCE_CODE, school_type: null });
  const cities: TSynOrg[] = [];
  for (let c = 0; c < plan.cities; c++) {
    const code = `${PROVINCE_CODE.slice(0, 2)}${String(c + 1).padStart(2, '0')}00`;
    cities.push(make(province, { kind: 'region', code, name: `${CITY_NAMES[c % CITY_NAMES.length]}市`, region_code: code, school_type: null }));
  }
  // counties per city: as even as possible
  const perCity = cities.map((_, i) => Math.floor(plan.counties / plan.cities) + (i < plan.counties % plan.cities ? 1 : 0));
  const names = new Set<string>();
  const countyName = (district: boolean) => {
    for (;;) {
      const n = `${COUNTY_WORDS[int(rand, 0, COUNTY_WORDS.length - 1)]}${COUNTY_ROOTS[int(rand, 0, COUNTY_ROOTS.length - 1)]}${district ? '区' : '县'}`;
      if (!names.has(n) || names.size > COUNTY_WORDS.length * COUNTY_ROOTS.length * 1.5) {
        names.add(n);
        return n;
      }
    }
  };
  // schools per county: the plan's total spread by a size weight per county
  const sizes = Array.from({ length: plan.counties }, () => 0.5 + rand());
  const sizeSum = sizes.reduce((a, b) => a + b, 0);
  const schoolsPer = sizes.map((s) => Math.max(1, Math.round((s / sizeSum) * plan.schools)));
  schoolsPer[0]! += plan.schools - schoolsPer.reduce((a, b) => a + b, 0);

  const counties: TSynCounty[] = [];
  let schoolSeq = 1;
  let k = 0;
  cities.forEach((city, ci) => {
    for (let j = 0; j < perCity[ci]!; j++) {
      const district = j < Math.ceil(perCity[ci]! / 3);
      const dd = district ? 2 + j : 21 + j;
      const code = `${city.code!.slice(0, 4)}${String(dd).padStart(2, '0')}`;
      if (!validateRegionCode(code).ok) throw new Error(`invalid region code ${code}`);
      const name = countyName(district);
      const region = make(city, { kind: 'region', code, name, region_code: code, school_type: null });
      const bureau = make(region, { kind: 'agency', code: null, name: `${name}教育局`, region_code: code, school_type: null });
      make(bureau, { kind: 'section', code: null, name: '基础教育股', region_code: code, school_type: null });
      const office = make(bureau, { kind: 'section', code: null, name: '人事股（减负办）', region_code: code, school_type: null });
      const schools: TSynSchool[] = [];
      const perName = new Map<string, number>();
      for (let s = 0; s < schoolsPer[k]!; s++) {
        const type = weighted(rand, SCHOOL_TYPES);
        const town = TOWN_NAMES[int(rand, 0, TOWN_NAMES.length - 1)]!;
        const base = `${name}${town}`;
        const nth = perName.get(`${base}${type}`) ?? 0;
        perName.set(`${base}${type}`, nth + 1);
        const ordinal = nth < ORDINALS.length ? ORDINALS[nth]! : `第${nth + 1}`;
        const school = make(bureau, {
          kind: 'school',
          code: makeSchoolCode({ type, provinceCode: PROVINCE_CODE.slice(0, 2), seq: schoolSeq++ }),
          name: `${base}${ordinal}${SCHOOL_SUFFIX[type]}`,
          region_code: code,
          school_type: type,
        }) as TSynSchool;
        school.teachers = 0;
        schools.push(school);
      }
      counties.push({ region, bureau, office, schools });
      k++;
    }
  });
  // staff sizes: weight by type ± 30 %, scaled to the plan's teachers, the remainder spread one by one
  const all = counties.flatMap((c) => c.schools);
  const raw = all.map((s) => STAFF_WEIGHT[s.school_type] * (0.7 + 0.6 * rand()));
  const rawSum = raw.reduce((a, b) => a + b, 0);
  let assigned = 0;
  all.forEach((s, i) => {
    s.teachers = Math.max(1, Math.floor((raw[i]! / rawSum) * plan.teachers));
    assigned += s.teachers;
  });
  for (let i = 0; assigned < plan.teachers; i = (i + 1) % all.length, assigned++) all[i]!.teachers++;
  return { province, cities, counties, orgs };
}

/** Org rows as the table stores them. */
export function* orgRows(tree: TSynProvince, at: string): Generator<Record<string, unknown>> {
  for (const o of tree.orgs) {
    yield { id: o.id, parent_id: o.parent_id, kind: o.kind, code: o.code, name: o.name, path: o.path, depth: o.depth, region_code: o.region_code, school_type: o.school_type, hotline: null, mailbox: null, status: 'active', created_at: at, updated_at: at };
  }
}
