import { useMutation } from '@tanstack/react-query';
import { Alert, Descriptions, Input } from 'antd';
import { formatDate } from '../../../../domain/i18n';
import { useI18n } from '../../i18n';
import type { TVerifyResult } from './types';

type TVerifyAnswer = TVerifyResult | { status: 'rate_limited'; zh: string; en: string };

/** The public verify API (no login): 200 known, 404 unknown, 429 with the server's zh/en. */
async function verify(code: string): Promise<TVerifyAnswer> {
  const res = await fetch(`/api/v1/public/verify/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
  if (res.status === 429) {
    const body = (await res.json().catch(() => ({}))) as { error?: { zh?: string; en?: string } };
    return { status: 'rate_limited', zh: body.error?.zh ?? '', en: body.error?.en ?? '' };
  }
  if (res.status === 404) return { status: 'unknown' };
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as TVerifyResult;
}

const ALERT_TYPE = { valid: 'success', not_yet_valid: 'info', expired: 'warning', revoked: 'error', unknown: 'error' } as const;

/** 验证编号: a school checks the code a demand came with. */
export function VerifyBox() {
  const { t, lang } = useI18n();
  const check = useMutation({ mutationFn: verify });
  const r = check.data;
  return (
    <div data-testid="school-verify">
      <Input.Search
        size="large"
        allowClear
        placeholder={t('school.verifyPlaceholder')}
        enterButton={t('school.verifyButton')}
        loading={check.isPending}
        autoCapitalize="characters"
        autoComplete="off"
        onSearch={(v) => v.trim() && check.mutate(v.trim())}
        data-testid="school-verify-input"
      />
      {check.isError && <Alert type="error" showIcon style={{ marginTop: 8 }} title={t('verify.failed')} />}
      {r?.status === 'rate_limited' && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={lang === 'zh' ? r.zh : r.en} data-testid="school-verify-result" data-status="rate_limited" />}
      {r && r.status !== 'rate_limited' && (
        <Alert
          type={ALERT_TYPE[r.status]}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="school-verify-result"
          data-status={r.status}
          title={
            <strong>
              {t(`verify.status.${r.status}`)} — {t(`verify.text.${r.status}`)}
            </strong>
          }
          description={
            r.status !== 'unknown' && (
              <Descriptions
                size="small"
                column={1}
                items={[
                  { key: 'what', label: t('public.verify.what'), children: `${r.kind ? t(`itemKind.${r.kind}`) : ''} · ${r.title ?? ''}` },
                  { key: 'issuer', label: t('public.verify.issuer'), children: r.issuer },
                  { key: 'window', label: t('public.verify.window'), children: t('common.range', { from: formatDate(r.validFrom, lang), to: formatDate(r.validTo, lang) }) },
                  { key: 'no', label: t('public.verify.admissionNo'), children: r.admissionNo },
                ]}
              />
            )
          }
        />
      )}
    </div>
  );
}
