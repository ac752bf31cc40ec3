import { CheckOutlined, EditOutlined, SendOutlined } from '@ant-design/icons';
import { Button, Popconfirm, Space } from 'antd';
import { useNavigate } from 'react-router';
import type { TLabelKey } from '../../../../domain/i18n';
import { useI18n } from '../../i18n';
import { EstimateModal, MergeModal, ReasonModal, ReturnTeacherModal, RevokeModal } from './ActionModals';
import { useItemAction, useSimilar } from './queries';
import type { TFinding, TItem } from './types';

export type TDialog =
  | { kind: 'reason'; title: TLabelKey; path: string; body?: Record<string, unknown>; required: boolean; danger?: boolean }
  | { kind: 'merge'; intoId?: number }
  | { kind: 'revoke' }
  | { kind: 'estimate' }
  | { kind: 'returnTeacher' };

interface TProps {
  item: TItem;
  dialog: TDialog | null;
  setDialog: (d: TDialog | null) => void;
  onViolation: (f: TFinding[]) => void;
}

/** The buttons of what the actor may do now (`item.can`), and their dialogs. */
export function ItemActions({ item, dialog, setDialog, onViolation }: TProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const can = item.can;
  const action = useItemAction(item.id, { onDone: () => setDialog(null), onViolation });
  const similar = useSimilar(item.id, !!can.merge);
  const busy = action.isPending;
  const reason = (title: TLabelKey, path: string, required: boolean, body?: Record<string, unknown>, danger?: boolean) => () =>
    setDialog({ kind: 'reason', title, path, required, body, danger });
  const base = { loading: busy, onSubmit: action.mutate, onClose: () => setDialog(null) };

  return (
    <>
      <Space wrap data-testid="item-actions">
        {can.edit && (
          <Button icon={<EditOutlined />} onClick={() => void navigate(`/items/${item.id}/edit`)} data-testid="item-edit">
            {t('common.edit')}
          </Button>
        )}
        {can.submit && (
          <Button type="primary" icon={<SendOutlined />} loading={busy} onClick={() => action.mutate({ path: 'submit' })} data-testid="item-submit">
            {t('item.submit')}
          </Button>
        )}
        {can.review && (
          <>
            <Button type="primary" icon={<CheckOutlined />} onClick={reason('action.reviewPass', 'review', false, { decision: 'pass' })} data-testid="item-review-pass">
              {t('action.reviewPass')}
            </Button>
            <Button onClick={reason('action.reviewReturn', 'review', true, { decision: 'return' })} data-testid="item-review-return">
              {t('action.reviewReturn')}
            </Button>
            <Button danger onClick={reason('action.reviewReject', 'review', true, { decision: 'reject' }, true)} data-testid="item-review-reject">
              {t('action.reviewReject')}
            </Button>
          </>
        )}
        {can.approve && (
          <Button type="primary" icon={<CheckOutlined />} onClick={reason('action.approve', 'approve', false)} data-testid="item-approve">
            {t('action.approve')}
          </Button>
        )}
        {can.file && (
          <Button type="primary" icon={<CheckOutlined />} onClick={reason('action.file', 'file', false)} data-testid="item-file">
            {t('action.file')}
          </Button>
        )}
        {can.reject && !can.review && (
          <Button danger onClick={reason('action.reject', 'reject', true, undefined, true)} data-testid="item-reject">
            {t('action.reject')}
          </Button>
        )}
        {can.merge && (
          <Button onClick={() => setDialog({ kind: 'merge' })} data-testid="item-merge">
            {t('action.merge')}
          </Button>
        )}
        {can.complete && (
          <Popconfirm title={t('action.confirmComplete')} okText={t('common.ok')} cancelText={t('common.cancel')} onConfirm={() => action.mutate({ path: 'complete' })}>
            <Button loading={busy} data-testid="item-complete">
              {t('action.complete')}
            </Button>
          </Popconfirm>
        )}
        {can.estimate && (
          <Button onClick={() => setDialog({ kind: 'estimate' })} data-testid="item-estimate">
            {t('action.estimate')}
          </Button>
        )}
        {can.returnTeacher && (
          <Button onClick={() => setDialog({ kind: 'returnTeacher' })} data-testid="item-return-teacher">
            {t('action.returnTeacher')}
          </Button>
        )}
        {can.revoke && (
          <Button danger onClick={() => setDialog({ kind: 'revoke' })} data-testid="item-revoke">
            {t('action.revoke')}
          </Button>
        )}
        {can.cancel && (
          <Button danger type="text" onClick={reason('action.cancel', 'cancel', true, undefined, true)} data-testid="item-cancel">
            {t('action.cancel')}
          </Button>
        )}
      </Space>
      {dialog?.kind === 'reason' && <ReasonModal {...base} title={t(dialog.title)} path={dialog.path} body={dialog.body} required={dialog.required} danger={dialog.danger} />}
      {dialog?.kind === 'merge' && <MergeModal {...base} title={t('action.merge')} item={item} suggestions={similar.data ?? []} initialTarget={dialog.intoId} />}
      {dialog?.kind === 'revoke' && <RevokeModal {...base} title={t('action.revoke')} item={item} />}
      {dialog?.kind === 'estimate' && <EstimateModal {...base} title={t('action.estimate')} item={item} />}
      {dialog?.kind === 'returnTeacher' && <ReturnTeacherModal {...base} title={t('action.returnTeacher')} item={item} />}
    </>
  );
}
