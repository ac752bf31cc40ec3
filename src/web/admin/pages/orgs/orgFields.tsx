import { Form, Input } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';

/** Hotline and mailbox fields shared by the create and edit forms. */
export function ContactFields({ t }: { t: (key: TLabelKey) => string }) {
  return (
    <>
      <Form.Item name="hotline" label={t('org.hotline')} rules={[{ pattern: /^[0-9+\-() ]{5,40}$/, message: t('org.hotlineInvalid') }]}>
        <Input inputMode="tel" maxLength={40} placeholder="0791-12345678" data-testid="org-hotline" />
      </Form.Item>
      <Form.Item name="mailbox" label={t('org.mailbox')} rules={[{ type: 'email', message: t('org.mailboxInvalid') }]}>
        <Input inputMode="email" maxLength={200} data-testid="org-mailbox" />
      </Form.Item>
    </>
  );
}

/** '' → undefined (create) so optional fields are left out. */
export function blankToUndefined(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}
