import { Alert, Button, Descriptions, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';

/**
 * After the office enters a call or letter: the tracking number and key to read to the caller,
 * each with a copy button. The key exists only in this answer (the server keeps a digest), so
 * the dialog closes only through its button, which then opens the case.
 */
export function CaseKeyModal({ trackingNo, caseKey, onDone }: { trackingNo: string; caseKey: string; onDone: () => void }) {
  const { t } = useI18n();
  const copyable = (text: string) => ({ text, tooltips: [t('public.complain.copy'), t('common.copied')] });
  const both = `${t('public.track.no')}${t('common.colon')}${trackingNo}\n${t('public.track.key')}${t('common.colon')}${caseKey}`;
  return (
    <Modal
      open
      title={t('caseUi.enteredTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      footer={
        <Button type="primary" onClick={onDone} data-testid="case-entered-done">
          {t('caseUi.enteredOpen')}
        </Button>
      }
    >
      <div data-testid="case-entered">
        <Alert type="warning" showIcon title={t('caseUi.enteredNote')} style={{ marginBottom: 12 }} data-testid="case-entered-note" />
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            {
              key: 'no',
              label: t('public.track.no'),
              children: (
                <Typography.Text strong copyable={copyable(trackingNo)} style={{ fontSize: 16 }}>
                  <span data-testid="case-entered-no">{trackingNo}</span>
                </Typography.Text>
              ),
            },
            {
              key: 'key',
              label: t('public.track.key'),
              children: (
                <Typography.Text strong code copyable={copyable(caseKey)} style={{ fontSize: 16, letterSpacing: 1 }}>
                  <span data-testid="case-entered-key">{caseKey}</span>
                </Typography.Text>
              ),
            },
          ]}
        />
        <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }}>
          <Typography.Text copyable={{ text: both, tooltips: [t('caseUi.copyBoth'), t('common.copied')] }} data-testid="case-entered-copy-both">
            {t('caseUi.copyBoth')}
          </Typography.Text>
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
