/**
 * The one catalogue of error codes. Each code maps once to an HTTP status and a zh/en message
 * that tells a clerk what to do. Codes are stable API: clients and tests match on them.
 */
export interface TErrorEntry {
  status: number;
  zh: string;
  en: string;
}

export const ERRORS = {
  VALIDATION_FAILED: { status: 400, zh: '提交的内容有误，请按提示修改后重试。', en: 'Some fields are invalid. Correct them and try again.' },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是有效的 JSON，请刷新页面后重试。', en: 'The request body is not valid JSON. Reload the page and try again.' },
  BODY_INCOMPLETE: { status: 400, zh: '请求内容不完整（与声明的长度不符），请检查网络后重试。', en: 'The request body was incomplete (its length did not match Content-Length). Check the network and try again.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型，请以 JSON 提交。', en: 'Unsupported content type. Send JSON.' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '提交的内容过大，请精简后重试。', en: 'The request is too large. Make it smaller and try again.' },
  ROUTE_NOT_FOUND: { status: 404, zh: '访问的地址不存在，请检查链接。', en: 'This address does not exist. Check the link.' },
  NOT_FOUND: { status: 404, zh: '未找到该记录，或您无权查看。', en: 'Record not found, or you may not see it.' },
  UNAUTHENTICATED: { status: 401, zh: '登录已失效，请重新登录。', en: 'Your session has ended. Please sign in again.' },
  INVALID_CREDENTIALS: { status: 401, zh: '用户名或密码错误。连续 5 次错误将锁定账号 15 分钟。', en: 'Wrong username or password. Five failures lock the account for 15 minutes.' },
  ACCOUNT_LOCKED: { status: 423, zh: '密码错误次数过多，账号已锁定 15 分钟，请稍后再试或联系安全管理员解锁。', en: 'Too many failed sign-ins: the account is locked for 15 minutes. Try later or ask the security administrator to unlock it.' },
  ACCOUNT_DISABLED: { status: 403, zh: '账号已停用，请联系系统管理员。', en: 'This account is disabled. Contact the system administrator.' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, zh: '首次登录或密码已重置，请先修改密码。', en: 'You must change your password before continuing.' },
  PASSWORD_POLICY: { status: 422, zh: '新密码不符合要求：至少 8 位，包含大写字母、小写字母、数字、符号中的 3 类，且不含用户名。', en: 'The new password must have at least 8 characters, 3 of: upper case, lower case, digits, symbols, and must not contain the username.' },
  PASSWORD_REUSED: { status: 422, zh: '新密码不能与当前密码相同。', en: 'The new password must differ from the current one.' },
  WRONG_PASSWORD: { status: 400, zh: '当前密码不正确。', en: 'The current password is wrong.' },
  CSRF_FAILED: { status: 403, zh: '页面已过期，请刷新后重试。', en: 'The page has expired. Reload it and try again.' },
  FORBIDDEN: { status: 403, zh: '您的角色无权执行此操作。', en: 'Your role may not do this.' },
  SEPARATION_OF_DUTIES: { status: 403, zh: '系统管理员、安全管理员、审计管理员不能办理业务事项（三员分立）。', en: 'System, security and audit administrators may not act on business records (separation of duties).' },
  SELF_ACTION_FORBIDDEN: { status: 403, zh: '不能对自己的账号执行此操作。', en: 'You may not do this to your own account.' },
  USERNAME_TAKEN: { status: 409, zh: '该用户名已被使用，请换一个。', en: 'This username is taken. Choose another.' },
  ORG_CODE_TAKEN: { status: 409, zh: '该代码已登记在其他机构下，请核对。', en: 'This code is already registered to another organisation. Check it.' },
  ORG_PARENT_INVALID: { status: 422, zh: '该类机构不能设在所选上级机构之下。', en: 'This kind of organisation cannot sit under the chosen parent.' },
  ROLE_ORG_MISMATCH: { status: 422, zh: '该角色不能设在所选机构（例如教师只能属于学校）。', en: 'This role cannot belong to the chosen organisation (a teacher must belong to a school, for instance).' },
  INVALID_CODE: { status: 422, zh: '代码校验未通过，请核对后重新输入。', en: 'The code failed its check. Verify it and type it again.' },
  RULE_VIOLATION: { status: 422, zh: '事项不符合减负规定，请按提示修改后再提交。', en: 'The item breaks a burden-reduction rule. Fix what the findings say, then submit again.' },
  ITEM_STATE_CONFLICT: { status: 409, zh: '事项当前状态不允许此操作，可能已被他人处理，请刷新后查看。', en: 'The item is not in a state that allows this; someone may have acted on it. Reload and check.' },
  OWN_SUBMISSION: { status: 403, zh: '不能审核或批准自己提交的事项。', en: 'You may not review or approve an item you submitted yourself.' },
  REASON_REQUIRED: { status: 422, zh: '请填写理由。', en: 'Give a reason.' },
  PLAN_NOT_OPEN: { status: 422, zh: '本年度计划尚未开启，请按"一事一报"提交或请减负办开启年度计划。', en: 'The annual plan for this year is not open: submit the item as ad hoc, or ask the office to open the plan.' },
  MERGE_TARGET_INVALID: { status: 422, zh: '合并目标无效：须为同一地区、未撤销的其他事项。', en: 'Invalid merge target: it must be another live item of the same region.' },
  PLAN_CLOSED: { status: 422, zh: '该年度计划已关闭，不能再列入计划内事项。请按"一事一报"提交，写明理由和紧急程度。', en: 'The annual plan of this year is closed: no more planned items. Submit the item as ad hoc, with a reason and an urgency.' },
  REVOKE_DATE_INVALID: { status: 422, zh: '撤销生效日期无效：不能早于事项的批准日期，也不能晚于今天起一年。请重新选择日期。', en: 'Invalid effective date: it may not be before the item was approved, nor more than a year from today. Choose another date.' },
  RETURN_DATE_INVALID: { status: 422, zh: '返岗日期无效：不能早于借用开始日期，也不能晚于今天。请重新选择日期。', en: 'Invalid return date: it may not be before the secondment began, nor after today. Choose another date.' },
  TEACHER_ALREADY_RETURNED: { status: 409, zh: '该教师已登记返岗，不能重复登记。如日期有误，请联系减负办更正。', en: 'This teacher’s return is already recorded and cannot be recorded twice. If the date is wrong, ask the office to correct it.' },
  USE_DATE_INVALID: { status: 422, zh: '开展日期无效：须在事项的准入有效期内（撤销生效前），且不能晚于今天。请重新选择日期。', en: 'Invalid date: it must fall within the item’s approved window (before any revocation takes effect) and not after today. Choose another date.' },
  USE_CAP_EXCEEDED: { status: 409, zh: '本校今年已开展该事项达到次数上限，不能再登记。如对方仍要求开展，请使用“拒绝未登记事项”向减负办反映。', en: 'The school has reached this item’s yearly cap, so no further use can be recorded. If you are still asked to host it, report it to the office with “Refuse an unregistered demand”.' },
  INVALID_SPREADSHEET: { status: 422, zh: '无法读取该文件：请上传按模板填写的 .xlsx 文件（不支持 .xls，请另存为 .xlsx）。', en: 'The file cannot be read: upload an .xlsx that follows the template (.xls is not supported; save it as .xlsx).' },
  NOT_A_SPREADSHEET: { status: 422, zh: '上传的文件不是 Excel 表格，请上传 .xlsx 文件。', en: 'The file is not an Excel workbook. Upload an .xlsx file.' },
  XLS_NOT_SUPPORTED: { status: 422, zh: '这是旧版 .xls 文件，请在 Excel 或 WPS 中“另存为” .xlsx 后重新上传。', en: 'This is an old .xls file. Open it in Excel or WPS, save it as .xlsx and upload again.' },
  SPREADSHEET_ENCRYPTED: { status: 422, zh: '该表格设置了打开密码，请取消密码保护后重新上传。', en: 'The workbook is password-protected. Remove the password and upload again.' },
  FILE_TOO_LARGE: { status: 413, zh: '文件超过 20 MB，请删除无关的工作表或图片后重新上传。', en: 'The file is over 20 MB. Remove unrelated sheets or pictures and upload again.' },
  TOO_MANY_COLUMNS: { status: 422, zh: '表格超过 200 列，请只保留需要填写的列。', en: 'The sheet has more than 200 columns. Keep only the columns to be filled.' },
  SPREADSHEET_ZIP_BOMB: { status: 422, zh: '文件解压后异常庞大，已拒绝处理。请上传正常的 .xlsx 模板。', en: 'The file expands to an abnormal size and was refused. Upload an ordinary .xlsx template.' },
  TEMPLATE_NO_HEADER: { status: 422, zh: '未找到表头：请确认表格中有一行列标题（如“姓名”“身份证号”）。', en: 'No header row found: make sure the sheet has a row of column titles (such as 姓名, 身份证号).' },
  IMPORT_ROWS_INVALID: { status: 422, zh: '部分行填写有误，整份文件未导入。请按每行提示修改后重新上传。', en: 'Some rows are invalid, so nothing was imported. Fix each row as described and upload again.' },
  ROSTER_COLUMNS_MISSING: { status: 422, zh: '花名册缺少必需的列（姓名、身份证件号），请使用全国教师管理信息系统导出的表格或补齐表头后重新上传。', en: 'The roster lacks required columns (name, ID number). Use the national teacher system export or add the headers, then upload again.' },
  IMPORT_STATE_CONFLICT: { status: 409, zh: '该导入已提交或已作废，请重新上传文件。', en: 'This import was already committed or discarded. Upload the file again.' },
  JUSTIFICATION_REQUIRED: { status: 422, zh: '该采集与近12个月的其他采集重复度超过规定阈值，请说明必须重新采集的理由。', en: 'This collection overlaps past the threshold with collections of the last 12 months: explain why it must be collected again.' },
  COLLECTION_STATE_CONFLICT: { status: 409, zh: '该采集当前状态不允许此操作，请刷新后查看。', en: 'The collection is not in a state that allows this. Reload and check.' },
  COLLECTION_CLOSED: { status: 409, zh: '该采集已结束（登记事项已办结或已过填报截止日期），不能再提交或修改填报内容；如有疑问请联系发起单位。', en: 'This collection has closed (its register item is completed or the deadline has passed): answers can no longer be sent or changed. Contact the requesting office if in doubt.' },
  COLLECTION_WITHDRAWN: { status: 409, zh: '该采集的登记事项已被撤销、合并或取消，采集已停止：不能再填报，也不再提供结果文件。', en: 'The register item of this collection was revoked, merged or cancelled: the collection has stopped, and neither answers nor the result file are available any more.' },
  ANSWERS_INVALID: { status: 422, zh: '部分填写内容有误，请按提示修改后再提交。', en: 'Some answers are invalid. Correct them as shown and submit again.' },
  COMMITMENT_REQUIRED: { status: 422, zh: '请阅读并签署书面承诺后再提交。', en: 'Read and sign the written commitment before submitting.' },
  LEADERSHIP_EDIT_FORBIDDEN: { status: 403, zh: '只能维护本单位的领导小组：减负办维护所在教育局和县（区）的，学校维护本校的。', en: 'You may only edit the leadership group of your own organisation: the office its bureau and county, a school its own.' },
  REPORT_ORG_INVALID: { status: 422, zh: '所选机构不能生成该报告：县级阶段报告请选择县（区）或其教育行政部门，学校实施方案请选择学校。', en: 'This report cannot be made for the chosen organisation: choose a county or its education bureau for the county stage report, a school for the school plan.' },
  REPORT_PERIOD_INVALID: { status: 422, zh: '统计期间无效：开始日期不能晚于结束日期，且期间不能超过5年。', en: 'Invalid period: the start must not be after the end, and the period may not exceed 5 years.' },
  CHALLENGE_FAILED: { status: 422, zh: '安全校验未通过或已过期，请刷新页面后重新提交。', en: 'The security check failed or expired. Reload the page and send again.' },
  IMAGE_TYPE_UNSUPPORTED: { status: 415, zh: '只能上传 JPG、PNG 或 WebP 格式的图片（按文件内容判断，改扩展名无效）。', en: 'Only JPG, PNG or WebP images can be uploaded (the content is checked, not the file name).' },
  IMAGE_INVALID: { status: 422, zh: '图片文件已损坏或格式不完整，请重新拍摄或另存后上传。', en: 'The image is damaged or incomplete. Take it again or save it anew, then upload.' },
  IMAGE_TOO_LARGE: { status: 413, zh: '图片超过 5 MB（证据材料超过 10 MB），请压缩后上传。', en: 'The image is over 5 MB (evidence over 10 MB). Make it smaller and upload again.' },
  ATTACHMENT_LIMIT: { status: 409, zh: '每件反映最多上传 5 张图片。', en: 'At most 5 images per complaint.' },
  CASE_STATE_CONFLICT: { status: 409, zh: '案件当前状态不允许此操作，可能已被他人处理，请刷新后查看。', en: 'The case is not in a state that allows this; someone may have acted on it. Reload and check.' },
  CASE_ORG_INVALID: { status: 422, zh: '承办单位无效：请选择本地区在用的机关、科室或学校。', en: 'Invalid organisation: choose an active office, section or school of your region.' },
  CASE_MERGE_INVALID: { status: 422, zh: '合并目标无效：须为同一地区、未合并的另一件案件。', en: 'Invalid merge target: it must be another unmerged case of the same region.' },
  RATE_LIMITED: { status: 429, zh: '操作过于频繁，请稍后再试。', en: 'Too many requests. Wait a moment and try again.' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时不可用，请稍后再试。', en: 'The database is unavailable. Try again shortly.' },
  INTERNAL: { status: 500, zh: '系统内部错误，请把请求编号告知管理员。', en: 'Internal error. Give the request id to the administrator.' },
} as const satisfies Record<string, TErrorEntry>;

export type TErrorCode = keyof typeof ERRORS;

/** Per-field validation messages, keyed by a reason code. */
export const FIELD_MESSAGES: Record<string, { zh: string; en: string }> = {
  required: { zh: '必填', en: 'Required' },
  invalid_type: { zh: '类型不正确', en: 'Wrong type' },
  too_small: { zh: '太短或太小', en: 'Too short or too small' },
  too_big: { zh: '太长或太大', en: 'Too long or too large' },
  invalid_format: { zh: '格式不正确', en: 'Wrong format' },
  invalid_value: { zh: '不是允许的取值', en: 'Not an allowed value' },
  unrecognized_keys: { zh: '包含不允许的字段', en: 'Contains fields that are not allowed' },
  custom: { zh: '内容不正确', en: 'Invalid value' },
};
