import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Progress, Space, Typography } from 'antd';
import { useState } from 'react';
import type { TRequest } from '../api';
import { useShowError } from '../errors';
import { useI18n } from '../i18n';
import { downloadWithProgress, type TExportProgress } from './download';

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/**
 * "Export to Excel" for a list: downloads the list as filtered on screen and shows the download's
 * progress beside the button (bytes received, rows in the export) while the server streams it.
 */
export function ExportButton({ path, query, fallbackName, testId, label, onDone }: { path: string; query: TRequest['query']; fallbackName: string; testId: string; label?: string; onDone?: () => void }) {
  const { t } = useI18n();
  const showError = useShowError();
  const [progress, setProgress] = useState<TExportProgress | null>(null);
  const run = useMutation({
    mutationFn: () => downloadWithProgress(path, query, fallbackName, setProgress),
    onSuccess: () => onDone?.(),
    onError: (err) => {
      setProgress(null);
      showError(err);
    },
  });
  const active = run.isPending && progress;
  return (
    <Space size={8}>
      {active && (
        <Space size={4} data-testid={`${testId}-progress`} aria-live="polite">
          {progress.share !== null && <Progress percent={Math.round(progress.share * 100)} size="small" style={{ width: 100 }} status="active" />}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {progress.bytes === 0 ? t('export.preparing') : t('export.progress', { size: size(progress.bytes), rows: progress.totalRows?.toLocaleString('zh-CN') ?? '—' })}
          </Typography.Text>
        </Space>
      )}
      {!run.isPending && run.isSuccess && progress?.done && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`${testId}-done`}>
          {t('export.done')}（{t('export.progress', { size: size(progress.bytes), rows: progress.totalRows?.toLocaleString('zh-CN') ?? '—' })}）
        </Typography.Text>
      )}
      <Button icon={<DownloadOutlined />} loading={run.isPending} onClick={() => run.mutate()} data-testid={testId}>
        {label ?? t('common.export')}
      </Button>
    </Space>
  );
}
