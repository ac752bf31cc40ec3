import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Table, Upload } from 'antd';
import { download } from '../../api';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { importRowErrors, useImportBaseline } from './baselineQueries';
import type { TImportRowError } from './baselineTypes';

/**
 * The template download and the Excel import of a baseline year. The workbook goes up as the raw
 * body; the server saves all rows or none, and a refusal names each bad row (`onRowErrors`).
 */
export function BaselineImportButtons({ year, disabled, onRowErrors }: { year: number; disabled?: boolean; onRowErrors: (rows: TImportRowError[] | null) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const run = useImportBaseline(year);
  const template = useMutation({ mutationFn: () => download('/baseline/template.xlsx', {}, 'baseline-template.xlsx'), onError: showError });

  const upload = (file: File) => {
    onRowErrors(null);
    run.mutate(file, {
      onSuccess: (res) => void message.success(t('baseline.imported', { n: res.ids.length })),
      onError: (err) => {
        const rows = importRowErrors(err);
        if (rows) onRowErrors(rows);
        else showError(err);
      },
    });
  };

  return (
    <>
      <Button icon={<DownloadOutlined />} onClick={() => template.mutate()} loading={template.isPending} data-testid="baseline-template">
        {t('baseline.template')}
      </Button>
      <span data-testid="baseline-import">
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          showUploadList={false}
          disabled={disabled || run.isPending}
          beforeUpload={(file) => {
            upload(file);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={run.isPending} disabled={disabled} data-testid="baseline-import-button">
            {run.isPending ? t('baseline.importing') : t('baseline.import')}
          </Button>
        </Upload>
      </span>
    </>
  );
}

/** A refused import: nothing was saved; the reason of each bad row in the current language. */
export function ImportRowErrors({ rows, onClose }: { rows: TImportRowError[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  return (
    <Alert
      type="error"
      showIcon
      closable={{ onClose, 'aria-label': t('common.close') }}
      style={{ marginBottom: 12 }}
      data-testid="baseline-import-errors"
      title={t('baseline.importFailed', { n: rows.length })}
      description={
        <Table<TImportRowError>
          size="small"
          rowKey="row"
          data-testid="baseline-import-error-rows"
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          columns={[
            { title: t('baseline.importRow'), dataIndex: 'row', width: 72 },
            { title: t('baseline.importReason'), render: (_v, r) => (lang === 'zh' ? r.zh : r.en) },
          ]}
        />
      }
    />
  );
}
