/**
 * The data catalog (DESIGN §6): the canonical fields Jianfu holds per teacher and per school.
 * Keys are stable API — tools outside the project refer to them. Each field has its zh/en label,
 * the synonyms that real forms use for it (header matching reads them), a value type, a
 * sensitivity and, for derived fields, the field it is computed from.
 */
export type TSubject = 'teacher' | 'school';

export const CATALOG_KEYS = [
  'teacher.name', 'teacher.formerName', 'teacher.gender', 'teacher.idType', 'teacher.idNumber', 'teacher.birthDate',
  'teacher.age', 'teacher.nationality', 'teacher.nativePlace', 'teacher.birthPlace', 'teacher.ethnicity',
  'teacher.politicalStatus', 'teacher.partyJoinDate', 'teacher.maritalStatus', 'teacher.healthStatus',
  'teacher.workStartDate', 'teacher.teachingYears', 'teacher.schoolJoinDate', 'teacher.staffCategory',
  'teacher.onEstablishment', 'teacher.employmentForm', 'teacher.highestEducation', 'teacher.graduateSchool',
  'teacher.major', 'teacher.graduationDate', 'teacher.isNormalMajor', 'teacher.highestDegree',
  'teacher.professionalTitle', 'teacher.titleDate', 'teacher.postCategory', 'teacher.postLevel',
  'teacher.adminPosition', 'teacher.isClassTeacher', 'teacher.teachingStage', 'teacher.teachingSubject',
  'teacher.weeklyLessons', 'teacher.certificateType', 'teacher.certificateNumber', 'teacher.mobile', 'teacher.email',
  'teacher.address', 'teacher.school', 'teacher.staffNo',
  'school.name', 'school.code', 'school.uscc', 'school.type', 'school.divisionCode', 'school.address',
  'school.principal', 'school.phone', 'school.studentCount', 'school.classCount', 'school.staffCount',
  'school.fullTimeTeacherCount', 'school.foundedYear', 'school.area', 'school.postalCode',
] as const;
export type TCatalogKey = (typeof CATALOG_KEYS)[number];

export type TFieldType = 'text' | 'date' | 'month' | 'int' | 'decimal' | 'bool' | 'enum';
/** public: may be published; internal: staff only; personal: about a person; sensitive: encrypted at rest, masked. */
export type TSensitivity = 'public' | 'internal' | 'personal' | 'sensitive';

export interface TCatalogField {
  key: TCatalogKey;
  subject: TSubject;
  zh: string;
  en: string;
  /** Other labels real forms use for this field (exact, after normalisation). */
  synonyms: readonly string[];
  type: TFieldType;
  enumValues?: readonly string[];
  sensitivity: TSensitivity;
  derived?: { from: TCatalogKey };
}

export const GENDERS = ['男', '女'] as const;
export const ID_TYPES = ['居民身份证', '港澳居民来往内地通行证', '台湾居民来往大陆通行证', '护照', '港澳台居民居住证', '外国人永久居留身份证', '其他'] as const;
export const POLITICAL_STATUSES = ['中共党员', '中共预备党员', '共青团员', '民革党员', '民盟盟员', '民建会员', '民进会员', '农工党党员', '致公党党员', '九三学社社员', '台盟盟员', '无党派人士', '群众'] as const;
export const MARITAL_STATUSES = ['未婚', '已婚', '离婚', '丧偶', '其他'] as const;
export const EDUCATION_LEVELS = ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中等专业学校', '高中', '初中及以下'] as const;
export const DEGREES = ['博士', '硕士', '学士', '无'] as const;
export const TEACHING_STAGES = ['幼儿园', '小学', '初中', '高中', '中职', '特殊教育'] as const;
export const ETHNICITIES = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族', '满族', '侗族', '瑶族', '白族',
  '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族', '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族',
  '景颇族', '柯尔克孜族', '土族', '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族',
  '普米族', '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
] as const;

type TDef = Omit<TCatalogField, 'key' | 'subject'>;
const t = (zh: string, en: string, synonyms: string[], type: TFieldType, sensitivity: TSensitivity, extra: Partial<TDef> = {}): TDef => ({ zh, en, synonyms, type, sensitivity, ...extra });

const DEFS: Record<TCatalogKey, TDef> = {
  'teacher.name': t('姓名', 'Name', ['教师姓名', '教职工姓名', '职工姓名', '人员姓名', '本人姓名', '姓名全称', '名字', '真实姓名'], 'text', 'personal'),
  'teacher.formerName': t('曾用名', 'Former name', ['曾用姓名', '原名', '曾用名字'], 'text', 'personal'),
  'teacher.gender': t('性别', 'Gender', ['男女', '性别男女'], 'enum', 'personal', { enumValues: GENDERS }),
  'teacher.idType': t('身份证件类型', 'ID document type', ['证件类型', '身份证件种类', '证件种类', '证件类别', '身份证件类别'], 'enum', 'personal', { enumValues: ID_TYPES }),
  'teacher.idNumber': t('身份证件号', 'ID number', ['身份证号', '身份证号码', '身份证件号码', '公民身份号码', '公民身份证号码', '证件号码', '证件号', '居民身份证号码', '身份证', '有效身份证件号码', '有效证件号码', '公民身份证号', '身份证编号'], 'text', 'sensitive'),
  'teacher.birthDate': t('出生日期', 'Date of birth', ['出生年月', '出生年月日', '生日', '出生时间'], 'date', 'personal'),
  'teacher.age': t('年龄', 'Age', ['周岁', '年龄周岁', '实际年龄', '现年龄'], 'int', 'personal', { derived: { from: 'teacher.birthDate' } }),
  'teacher.nationality': t('国籍/地区', 'Nationality', ['国籍', '国籍地区', '国家地区'], 'text', 'personal'),
  'teacher.nativePlace': t('籍贯', 'Native place', ['籍贯省市县', '祖籍'], 'text', 'personal'),
  'teacher.birthPlace': t('出生地', 'Place of birth', ['出生地点', '出生地省市县'], 'text', 'personal'),
  'teacher.ethnicity': t('民族', 'Ethnicity', ['族别'], 'enum', 'personal', { enumValues: ETHNICITIES }),
  'teacher.politicalStatus': t('政治面貌', 'Political status', ['政治面目', '党派', '党派团体', '政治身份'], 'enum', 'personal', { enumValues: POLITICAL_STATUSES }),
  'teacher.partyJoinDate': t('入党时间', 'Date joined the Party', ['入党年月', '入党日期', '加入党派时间', '入党年月日', '加入中国共产党时间'], 'date', 'personal'),
  'teacher.maritalStatus': t('婚姻状况', 'Marital status', ['婚否', '婚姻状态', '婚姻情况'], 'enum', 'personal', { enumValues: MARITAL_STATUSES }),
  'teacher.healthStatus': t('健康状况', 'Health', ['身体状况', '健康状态', '身体健康状况', '健康情况'], 'text', 'personal'),
  'teacher.workStartDate': t('参加工作年月', 'Started work', ['参加工作时间', '参加工作日期', '参工时间', '参加教育工作时间', '参工年月', '工作时间', '参加工作年月日', '工作年月'], 'month', 'personal'),
  'teacher.teachingYears': t('教龄', 'Years of teaching', ['教龄年', '从教年限', '从教年数', '任教年限', '从事教育工作年限', '从事教学工作年限', '教龄年数'], 'int', 'personal', { derived: { from: 'teacher.workStartDate' } }),
  'teacher.schoolJoinDate': t('进本校年月', 'Joined this school', ['进本校时间', '进入本校时间', '来校时间', '调入本校时间', '到校时间', '进校时间', '进本单位时间', '进入本单位年月', '进校年月', '来本校时间', '来校年月', '到本校时间', '到本校工作时间', '进入本校工作时间', '进入本单位时间', '调入本校年月', '到校年月', '入校时间'], 'month', 'personal'),
  'teacher.staffCategory': t('教职工类别', 'Staff category', ['人员类别', '教职工类型', '职工类别'], 'text', 'internal'),
  'teacher.onEstablishment': t('是否在编', 'On the establishment', ['在编', '在编情况', '是否编制内', '编制情况', '是否有编制', '编内编外', '是否在编在岗'], 'bool', 'internal'),
  'teacher.employmentForm': t('用人形式', 'Employment form', ['用工形式', '聘用形式', '用人方式', '用工性质'], 'text', 'internal'),
  'teacher.highestEducation': t('最高学历', 'Highest education', ['学历', '现学历', '最后学历', '现有学历', '最高学历层次', '学历层次'], 'enum', 'personal', { enumValues: EDUCATION_LEVELS }),
  'teacher.graduateSchool': t('毕业院校', 'Graduated from', ['毕业学校', '毕业院校名称', '最高学历毕业院校', '毕业院校校名', '最高学历毕业学校', '毕业院校系'], 'text', 'personal'),
  'teacher.major': t('所学专业', 'Major', ['专业', '毕业专业', '所学专业名称', '最高学历所学专业', '专业名称'], 'text', 'personal'),
  'teacher.graduationDate': t('毕业时间', 'Graduated on', ['毕业年月', '毕业日期', '最高学历毕业时间'], 'month', 'personal'),
  'teacher.isNormalMajor': t('是否师范类专业', 'Teacher-training major', ['是否师范专业', '师范类专业', '是否师范生', '是否师范类', '是否师范类专业毕业', '是否师范专业毕业', '是否师范'], 'bool', 'personal'),
  'teacher.highestDegree': t('最高学位', 'Highest degree', ['学位', '现学位', '学位层次'], 'enum', 'personal', { enumValues: DEGREES }),
  'teacher.professionalTitle': t('专业技术职务', 'Professional title', ['职称', '专技职称', '专业技术职称', '现任专业技术职务', '专业技术职务职称', '技术职称', '现职称', '现聘专业技术职务', '专技职务', '现专业技术职务', '职称名称', '教师职称', '职称等级'], 'text', 'personal'),
  'teacher.titleDate': t('职称取得时间', 'Title obtained', ['职称取得年月', '取得职称时间', '职称评定时间', '任职资格取得时间', '现职称取得时间', '职称时间', '取得现职称时间', '现职称评定时间'], 'month', 'personal'),
  'teacher.postCategory': t('岗位类别', 'Post category', ['岗位类型', '聘用岗位类别'], 'text', 'internal'),
  'teacher.postLevel': t('岗位等级', 'Post level', ['聘用岗位等级', '岗位级别', '现聘岗位等级', '现岗位等级'], 'text', 'internal'),
  'teacher.adminPosition': t('行政职务', 'Administrative post', ['职务', '现任职务', '担任职务', '行政职务名称', '现任行政职务', '所任职务', '现职务'], 'text', 'internal'),
  'teacher.isClassTeacher': t('是否班主任', 'Class teacher', ['班主任', '是否担任班主任', '担任班主任', '是否担任班主任工作'], 'bool', 'internal'),
  'teacher.teachingStage': t('任教学段', 'Stage taught', ['任课学段', '学段', '任教学段名称'], 'enum', 'internal', { enumValues: TEACHING_STAGES }),
  'teacher.teachingSubject': t('任教学科', 'Subject taught', ['任课学科', '任教科目', '主要任教学科', '所教学科', '任教课程', '学科', '任课科目', '所任学科', '所教科目', '现任教学科', '任教学科名称'], 'text', 'internal'),
  'teacher.weeklyLessons': t('周课时数', 'Lessons a week', ['周课时', '每周课时', '周课时量', '每周课时数', '周课时节数', '周教学课时数'], 'int', 'internal'),
  'teacher.certificateType': t('教师资格种类', 'Teacher certificate type', ['教师资格证种类', '教师资格类别', '资格证种类', '教师资格证类别', '教师资格学段', '教师资格证类型', '教师资格证书种类'], 'text', 'personal'),
  'teacher.certificateNumber': t('教师资格证号码', 'Teacher certificate number', ['教师资格证号', '教师资格证编号', '资格证号码', '教师资格证书编号', '教师资格证书号码', '教师资格证书号', '资格证书编号', '资格证书号码', '资格证号'], 'text', 'personal'),
  'teacher.mobile': t('手机号码', 'Mobile', ['手机', '手机号', '移动电话', '联系电话', '联系方式', '电话', '电话号码', '联系手机', '本人手机号码', '个人手机', '手机联系方式'], 'text', 'sensitive'),
  'teacher.email': t('电子邮箱', 'Email', ['邮箱', '电子邮件', 'email', 'e-mail', '邮箱地址', '电子信箱'], 'text', 'personal'),
  'teacher.address': t('通讯地址', 'Postal address', ['通信地址', '家庭住址', '现住址', '联系地址', '住址', '家庭地址', '现居住地址', '地址', '现居住地', '居住地址', '常住地址', '现家庭住址'], 'text', 'personal'),
  'teacher.school': t('所在学校', 'School', ['学校', '工作单位', '所在单位', '单位', '任职学校', '学校名称', '单位名称', '现工作单位', '任教学校', '所在学校名称', '现任教学校', '工作学校'], 'text', 'internal'),
  'teacher.staffNo': t('教职工号', 'Staff number', ['工号', '教工号', '职工号', '教职工编号', '人员编号', '职工编号', '教师编号'], 'text', 'internal'),
  'school.name': t('学校名称', 'School name', ['学校', '校名', '单位名称', '学校全称', '单位', '学校（单位）名称', '名称', '单位全称'], 'text', 'public'),
  'school.code': t('学校标识码', 'School code', ['学校代码', '学校识别码', '标识码', '学校标识代码', '学校编码'], 'text', 'public'),
  'school.uscc': t('统一社会信用代码', 'Unified social credit code', ['信用代码', '社会信用代码', '组织机构代码', '统一信用代码', '统一社会信用代码证号'], 'text', 'public'),
  'school.type': t('办学类型', 'School type', ['学校类型', '学校类别', '办学类别'], 'text', 'public'),
  'school.divisionCode': t('行政区划代码', 'Division code', ['区划代码', '所在地区划代码', '行政区划', '所在地行政区划代码', '区划编码'], 'text', 'public'),
  'school.address': t('学校地址', 'School address', ['地址', '校址', '详细地址', '单位地址', '通讯地址', '通信地址', '学校详细地址', '学校所在地址', '学校通讯地址'], 'text', 'public'),
  'school.principal': t('校长姓名', 'Principal', ['校长', '负责人', '学校负责人', '法定代表人', '校长（负责人）姓名', '负责人姓名', '学校负责人姓名', '法人代表', '法定代表人姓名'], 'text', 'public'),
  'school.phone': t('学校联系电话', 'School phone', ['联系电话', '电话', '办公电话', '学校电话', '单位电话', '联系方式', '电话号码', '办公室电话', '单位联系电话', '学校办公电话', '固定电话', '座机'], 'text', 'public'),
  'school.studentCount': t('在校学生数', 'Students', ['学生数', '在校生数', '学生人数', '在校学生人数', '在校生人数', '学生总数', '学生总人数', '在校学生总数', '在校生总数'], 'int', 'public'),
  'school.classCount': t('教学班数', 'Classes', ['班级数', '班数', '教学班个数', '班级个数', '班级总数'], 'int', 'public'),
  'school.staffCount': t('教职工数', 'Staff', ['教职工人数', '教职工总数', '在编教职工数', '教职工总人数', '教职员工数'], 'int', 'public'),
  'school.fullTimeTeacherCount': t('专任教师数', 'Full-time teachers', ['专任教师人数', '专任教师', '专任教师总数'], 'int', 'public'),
  'school.foundedYear': t('建校年份', 'Founded', ['建校时间', '建校年月', '创办时间', '办学起始年份', '创建时间', '创办年份', '建校日期'], 'int', 'public'),
  'school.area': t('占地面积', 'Site area (m²)', ['校园占地面积', '学校占地面积', '校园面积', '占地总面积'], 'decimal', 'public'),
  'school.postalCode': t('邮政编码', 'Postal code', ['邮编'], 'text', 'public'),
};

export const CATALOG: readonly TCatalogField[] = CATALOG_KEYS.map((key) => ({ key, subject: key.startsWith('school.') ? 'school' : 'teacher', ...DEFS[key] }));

const BY_KEY = new Map<string, TCatalogField>(CATALOG.map((f) => [f.key, f]));

export function isCatalogKey(s: string): s is TCatalogKey {
  return BY_KEY.has(s);
}

export function getCatalogField(key: TCatalogKey): TCatalogField {
  return BY_KEY.get(key)!;
}

export function catalogFieldsOf(subject: TSubject): TCatalogField[] {
  return CATALOG.filter((f) => f.subject === subject);
}
