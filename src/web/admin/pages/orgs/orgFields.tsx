import { Form, Input } from 'antd';
import type { TLabelKey } from '../../../../domain/i18n';
import type { TOrgKind } from '../../../../domain/roles';

/** The name of an org's code depends on its kind (学校标识码, 统一社会信用代码, …). */
export function codeLabel(kind: TOrgKind | undefined): TLabelKey {
  if (kind === 'region') return 'org.code.region';
  if (kind === 'school') return 'org.code.school';
  if (kind === 'enterprise') return 'org.code.enterprise';
  return 'org.code';
}

/** Hotline and mailbox fields shared by the create and edit forms. */
export function ContactFields({ t }: { t: (key: TLabelKey) => string }) {
  return (
    <>
      <Form.Item name="hotline" label={t('org.hotline')} rules={[{ pattern: /^[0-9+\-() ]{5,40}$/, message: t('org.hotlineInvalid') }]}>
        <Input inputMode="tel" maxLength={40} placeholder="0791-12345678" data-testid="org-hotline" />
      </Form.Item>
      <Form.Item name="mailbox" label={t('org.mailbox')} extra={t('org.mailboxHint')}>
        <Input maxLength={200} data-testid="org-mailbox" />
      </Form.Item>
    </>
  );
}

/** '' → undefined (create) so optional fields are left out. */
export function blankToUndefined(v: string | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}
