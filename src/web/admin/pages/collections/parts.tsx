import { Tag } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';
import { useI18n } from '../../i18n';
import type { TCollectionStatus, TZhEn } from './types';

/** A file picked in the browser as the JSON upload the API takes (`{fileName, contentBase64}`). */
export async function fileAsUpload(file: File): Promise<{ fileName: string; contentBase64: string }> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

const STATUS_COLOR: Record<TCollectionStatus, string> = { draft: 'default', submitted: 'processing', returned: 'warning', withdrawn: 'error', open: 'success', closed: 'default' };

export function CollectionStatusTag({ status }: { status: TCollectionStatus }) {
  const { t } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{t(`collections.status.${status}` as TLabelKey)}</Tag>;
}

export function useZhEn(): (v: TZhEn | null | undefined) => string {
  const { lang } = useI18n();
  return (v) => (v ? v[lang] : '');
}

export const pct = (x: number) => `${Math.round(x * 100)}%`;

/** `roster_import:12` → its label; `collection:3`, `base`, `manual`, `correction` likewise. */
export function useSourceLabel(): (source: string) => string {
  const { t } = useI18n();
  return (source) => {
    const [kind, id] = source.split(':');
    const text = t(`collections.source.${kind ?? 'manual'}` as TLabelKey);
    return id ? `${text} #${id}` : text;
  };
}
