import { useQuery } from '@tanstack/react-query';
import { Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n';

type TCodeStatus = 'valid' | 'not_yet_valid' | 'expired' | 'revoked' | 'unknown' | 'rate_limited';

const COLOR: Record<TCodeStatus, string> = { valid: 'green', not_yet_valid: 'blue', expired: 'default', revoked: 'red', unknown: 'red', rate_limited: 'orange' };

/** The public verify API (no login): 200 known, 404 unknown, 429 past the limit. */
async function verify(code: string): Promise<{ status: TCodeStatus; title?: string }> {
  const res = await fetch(`/api/v1/public/verify/${encodeURIComponent(code)}`, { headers: { accept: 'application/json' } });
  if (res.status === 404) return { status: 'unknown' };
  if (res.status === 429) return { status: 'rate_limited' };
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as { status: TCodeStatus; title?: string };
}

function useDebounced(value: string, ms: number): string {
  const [v, setV] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setV(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return v;
}

/** A code as it is typed, checked after a short pause: valid / expired / revoked / not registered. */
export function CodeCheck({ code, testId }: { code: string | undefined; testId: string }) {
  const { t } = useI18n();
  const value = useDebounced((code ?? '').replace(/\s+/g, '').toUpperCase(), 400);
  const q = useQuery({ queryKey: ['verify', value], queryFn: () => verify(value), enabled: value.length > 0, staleTime: 60_000, retry: false });
  if (!value) return null;
  if (q.isPending) return <Typography.Text type="secondary">{t('public.complain.codeChecking')}</Typography.Text>;
  if (q.isError) return <Typography.Text type="secondary">{t('verify.failed')}</Typography.Text>;
  const s = q.data.status;
  return (
    <span data-testid={testId} data-status={s}>
      <Tag color={COLOR[s]}>{s === 'rate_limited' ? t('caseUi.rateLimited') : t(`verify.status.${s}`)}</Tag>
      {q.data.title && <Typography.Text type="secondary">{q.data.title}</Typography.Text>}
      {s === 'unknown' && <Typography.Text type="warning">{t('tasklogUi.unregisteredHint')}</Typography.Text>}
    </span>
  );
}
