import { Alert, Button, Modal, Typography } from 'antd';
import { useI18n } from '../../i18n';

/** Shows a new initial password once, copyable; it is never shown again. */
export function InitialPasswordModal(props: { title: string; password: string; testId: string; onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={props.title}
      onCancel={props.onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={props.onClose} data-testid="initial-password-close">
          {t('common.close')}
        </Button>
      }
    >
      <Alert
        type="warning"
        showIcon
        title={t('user.initialPassword')}
        description={
          <>
            <Typography.Paragraph copyable={{ text: props.password, tooltips: [t('common.ok'), t('common.copied')] }} style={{ fontSize: 20, margin: '8px 0' }}>
              <code data-testid={props.testId}>{props.password}</code>
            </Typography.Paragraph>
            <div>{t('user.initialPasswordNote')}</div>
          </>
        }
      />
    </Modal>
  );
}
