/** Synthetic Chinese names for demo and test data (no real persons). */
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文';
const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉兰萍红娥玲芬燕彬鹏辉建国建华志强志明海燕晓东晓梅春梅丽华文静子涵雨轩思远浩然欣怡梓萱宇航佳怡俊杰雪梅海波云飞德明淑华婷婷';

/** Deterministic name for index i. */
export function syntheticName(i: number): string {
  const s = SURNAMES[i % SURNAMES.length]!;
  const g1 = GIVEN[(i * 7 + 3) % GIVEN.length]!;
  const g2 = GIVEN[(i * 13 + 5) % GIVEN.length]!;
  return i % 3 === 0 ? s + g1 : s + g1 + g2;
}

export const SUBJECTS = ['语文', '数学', '英语', '道德与法治', '科学', '物理', '化学', '生物', '历史', '地理', '体育', '音乐', '美术', '信息科技'] as const;
export const TITLES = ['三级教师', '二级教师', '一级教师', '高级教师', '正高级教师'] as const;
