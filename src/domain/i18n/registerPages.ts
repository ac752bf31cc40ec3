/**
 * Labels of the register's baseline (全面登记) and secondment (借用教师清退) pages, and of their
 * exports in the audit log. Part of the one label table: merged into `LABELS` by `index.ts`.
 * `{name}` marks a placeholder.
 */
export const REGISTER_PAGE_LABELS = {
  'nav.baseline': ['全面登记', 'Baseline inventory'],
  'nav.secondments': ['借用教师清退', 'Seconded teachers'],
  'auditAction.baseline.export': ['导出全面登记', 'Baseline inventory exported'],
  'auditAction.secondment.export': ['导出借用教师清退台账', 'Secondment list exported'],

  // baseline page
  'baseline.baselineYear': ['基线年度', 'Baseline year'],
  'baseline.year': ['对比年度', 'Compared with'],
  'baseline.filter.kind': ['全部类别', 'All kinds'],
  'baseline.filter.decision': ['全部处理意见', 'All decisions'],
  'baseline.decision.keep': ['保留', 'Keep'],
  'baseline.decision.merge': ['合并', 'Merge'],
  'baseline.decision.cancel': ['取消', 'Cancel'],
  'baseline.decision.undecided': ['未处理', 'Undecided'],
  'baseline.col.burden': ['测算', 'Estimate'],
  'baseline.col.decision': ['处理意见', 'Decision'],
  'baseline.burdenFormula': ['{m}分钟 × {r}人 × {t}次', '{m} min × {r} × {t}'],
  'baseline.decideTitle': ['{decision}：{title}', '{decision}: {title}'],
  'baseline.reasonHint': ['合并、取消须写明理由（如“并入××检查”“与教育教学无关”）。', 'Merging or cancelling needs a reason (e.g. “merged into the safety inspection”, “unrelated to teaching”).'],
  'baseline.reasonOptional': ['理由（选填）', 'Reason (optional)'],
  'baseline.decided': ['已标记为“{decision}”', 'Marked “{decision}”'],
  'baseline.decisions': ['保留 {keep} 项 · 合并 {merge} 项 · 取消 {cancel} 项 · 未处理 {undecided} 项', 'Keep {keep} · merge {merge} · cancel {cancel} · undecided {undecided}'],
  'baseline.total': ['{year}年基线共 {n} 项', '{n} baseline entries for {year}'],
  'baseline.empty': ['{year}年尚未录入基线事项：请逐项录入，或下载模板填写后导入。', 'No baseline entries for {year} yet: add them one by one, or fill in the template and import it.'],
  'baseline.add': ['录入事项', 'Add entries'],
  'baseline.addTitle': ['录入{year}年基线事项', 'Add baseline entries for {year}'],
  'baseline.addRow': ['第 {n} 项', 'Entry {n}'],
  'baseline.addMore': ['再加一项', 'Add another'],
  'baseline.removeRow': ['删除此项', 'Remove'],
  'baseline.added': ['已录入 {n} 项', '{n} entries added'],
  'baseline.template': ['下载导入模板', 'Download template'],
  'baseline.import': ['从 Excel 导入', 'Import from Excel'],
  'baseline.importing': ['正在导入…', 'Importing…'],
  'baseline.imported': ['已导入 {n} 项', '{n} entries imported'],
  'baseline.importFailed': [
    '有 {n} 行填写有误，整个文件未导入（一行也没有保存）。请按下表修改后重新导入。',
    '{n} rows are invalid, so nothing was imported (not one row was saved). Correct them as listed and import again.',
  ],
  'baseline.importRow': ['行号', 'Row'],
  'baseline.importReason': ['问题', 'Problem'],

  // reduction report
  'baseline.report.title': ['压减情况', 'Reduction'],
  'baseline.report.planned': ['清理后（按处理意见）', 'After the clean-up (by decision)'],
  'baseline.report.current': ['{year}年实际（已准入事项）', '{year} actual (approved items)'],
  'baseline.report.targetKinds': ['督查检查、考核、评比、督导评估合计', 'Inspections, assessments, evaluations and supervisions together'],
  'baseline.report.target': ['目标：减少 {pct} 以上', 'Target: a cut of {pct} or more'],
  'baseline.report.met': ['已达标', 'Target met'],
  'baseline.report.notMet': ['未达标', 'Target not met'],
  'baseline.report.noBaseline': ['基线中尚无督查检查、考核、评比、督导评估类事项，无法计算压减比例。', 'The baseline holds no inspections, assessments, evaluations or supervisions yet: the cut cannot be computed.'],
  'baseline.report.counts': ['事项 {b} 项 → {c} 项', 'Items: {b} → {c}'],
  'baseline.report.hours': ['教师负担 {b} → {c} 小时/年', 'Teacher-hours a year: {b} → {c}'],
  'baseline.report.perKind': ['分类明细', 'By kind'],
  'baseline.col.baselineCount': ['基线数量', 'Baseline items'],
  'baseline.col.baselineHours': ['基线负担（小时/年）', 'Baseline hours a year'],
  'baseline.col.plannedCount': ['清理后数量', 'After clean-up'],
  'baseline.col.plannedCut': ['清理压减', 'Clean-up cut'],
  'baseline.col.currentCount': ['{year}年数量', 'Items in {year}'],
  'baseline.col.currentHours': ['{year}年负担（小时/年）', 'Hours a year in {year}'],
  'baseline.col.currentCut': ['实际压减', 'Actual cut'],
  'baseline.chartAria': ['各类事项基线、清理后与本年数量对比', 'Items by kind: baseline, after clean-up and this year'],

  // secondments page
  'secondment.teacher': ['教师', 'Teacher'],
  'secondment.borrowingUnit': ['借用单位', 'Borrowing unit'],
  'secondment.from': ['借用开始', 'Since'],
  'secondment.deadline': ['清退期限', 'Return by'],
  'secondment.approved': ['是否经批准', 'Approved'],
  'secondment.returnedAt': ['返岗日期', 'Returned on'],
  'secondment.overdue': ['逾期', 'Overdue'],
  'secondment.notReturned': ['未返岗', 'Away'],
  'secondment.filter.all': ['全部', 'All'],
  'secondment.filter.overdue': ['逾期未返岗', 'Overdue'],
  'secondment.filter.returned': ['已返岗', 'Returned'],
  'secondment.filter.away': ['未返岗', 'Away'],
  'secondment.recordReturn': ['登记返岗', 'Record return'],
  'secondment.returnTitle': ['登记{name}返岗（借用单位：{unit}）', 'Record the return of {name} (from {unit})'],
  'secondment.returnDate': ['返岗日期', 'Returned on'],
  'secondment.returned': ['已登记返岗', 'Return recorded'],
  'secondment.empty': ['没有借用/抽调教师记录。', 'No seconded teachers.'],
  'secondment.summaryYear': ['统计年度', 'Year'],
  'secondment.summary.title': ['年度减负统计', 'Figures of the year'],
  'secondment.summary.returned': ['清退借用教师（人）', 'Teachers returned (清退)'],
  'secondment.summary.stopped': ['制止无关培训（项）', 'Trainings stopped (制止)'],
  'secondment.summary.byStatus': ['本年登记事项（按状态）', 'Items registered this year, by status'],
  'secondment.summary.noItems': ['本年尚无登记事项', 'No items registered this year'],
  'secondment.overdueCount': ['{n} 人逾期未返岗', '{n} overdue'],

  // annual plan: closing it
  'auditAction.plan.close': ['关闭年度计划', 'Annual plan closed'],
  'auditAction.plan.export': ['导出年度计划', 'Annual plan exported'],
  'plan.close': ['关闭年度计划', 'Close the annual plan'],
  'plan.closeConfirm': [
    '关闭{year}年度计划？关闭后不能再列入计划内事项，新增事项须“一事一报”（写明理由和紧急程度）；已列入的事项不受影响。',
    'Close the {year} plan? No planned items can be added afterwards: new items must be reported on their own, with a reason and an urgency. Items already in the plan stay.',
  ],
  'plan.closedDone': ['年度计划已关闭', 'Annual plan closed'],
  'plan.isClosed': [
    '{year}年度计划已于{date}关闭，共 {n} 项计划内事项。此后新增事项须“一事一报”。',
    'The {year} plan was closed on {date} with {n} planned items. New items must now be reported on their own.',
  ],

  // leads
  'auditAction.lead.export': ['导出问题线索', 'Leads exported'],

  // uses recorded by a school
  'auditAction.item.use': ['登记事项开展', 'Item use recorded'],
  'auditAction.school_item.export': ['导出本校进校事项', 'School items exported'],
  'school.recordUse': ['登记开展', 'Record a use'],
  'school.recordUseTitle': ['登记开展：{title}', 'Record a use: {title}'],
  'school.usedOn': ['开展日期', 'Held on'],
  'school.useNote': ['备注（选填）', 'Note (optional)'],
  'school.useRecorded': ['已登记开展', 'Use recorded'],
  'school.useHint': [
    '每次该事项实际进校开展后登记一次。开展日期须在准入有效期内，不能晚于今天；达到次数上限后不能再登记，如仍被要求开展，请用“拒绝未登记事项”反映。',
    'Record each time the item was actually held at the school. The date must fall within the approved window and not after today. Past the cap nothing more can be recorded: if you are still asked to host it, report it with “Refuse an unregistered demand”.',
  ],
  'school.usesYear': ['次数按{year}年全年统计。', 'Uses are counted for the whole of {year}.'],
  'school.capReached': ['已达上限', 'Cap reached'],
  'school.revokedFrom': ['自{date}起撤销', 'Revoked from {date}'],

  // item page
  'item.mergedFrom': ['已并入本事项', 'Merged into this item'],
  'action.effectiveDateHint': ['不能早于批准日期，最晚为今天起一年内。', 'Not before the approval date, at most a year from today.'],

  // Excel headers of the register's exports
  'registerExport.id': ['编号', 'No.'],
  'registerExport.windowStart': ['开始日期', 'Start'],
  'registerExport.windowEnd': ['结束日期', 'End'],
  'registerExport.planned': ['计划内', 'In the plan'],
  'registerExport.schoolCount': ['涉及学校数', 'Schools'],
  'registerExport.uses': ['本年已开展（次）', 'Held this year'],
} as const satisfies Record<string, readonly [string, string]>;
