import { PaperClipOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Space } from 'antd';
import { useRef, useState } from 'react';
import { useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { CaseActionModal, type TCaseDialog } from './CaseModals';
import { caseKey, uploadEvidence, useCaseAction } from './queries';
import type { TCase } from './types';

/** Order of the buttons; the primary one is the next step of the workflow. */
const BUTTONS: { kind: TCaseDialog; primary?: boolean; danger?: boolean }[] = [
  { kind: 'assign', primary: true },
  { kind: 'verify', primary: true },
  { kind: 'rectify', primary: true },
  { kind: 'close', primary: true },
  { kind: 'reply', primary: true },
  { kind: 'reassign' },
  { kind: 'merge', danger: true },
  { kind: 'reopen', danger: true },
];

const EVIDENCE_TYPES = 'image/jpeg,image/png,image/webp,application/pdf';

/** The buttons of what the actor may do now (`case.can`), their dialogs, and attaching evidence. */
export function CaseActions({ item }: { item: TCase }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const showError = useShowError();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<TCaseDialog | null>(null);
  const action = useCaseAction(item.id, () => setDialog(null));
  const fileInput = useRef<HTMLInputElement>(null);
  const attach = useMutation({
    mutationFn: async (files: File[]) => {
      for (const f of files) await uploadEvidence(item.id, f);
    },
    onSuccess: async () => {
      void message.success(t('caseUi.attached'));
      await client.invalidateQueries({ queryKey: caseKey(item.id) });
    },
    onError: showError,
  });
  const shown = BUTTONS.filter((b) => item.can[b.kind]);
  if (!shown.length && !item.can.attach) return null;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {shown.map((b) => (
          <Button key={b.kind} type={b.primary ? 'primary' : 'default'} danger={b.danger} onClick={() => setDialog(b.kind)} data-testid={`case-${b.kind}`}>
            {t(`caseUi.action.${b.kind}`)}
          </Button>
        ))}
        {item.can.attach && (
          <>
            <Button icon={<PaperClipOutlined />} loading={attach.isPending} onClick={() => fileInput.current?.click()} data-testid="case-attach">
              {t('caseUi.action.attach')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept={EVIDENCE_TYPES}
              multiple
              hidden
              data-testid="case-attach-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                if (files.length) attach.mutate(files);
              }}
            />
          </>
        )}
      </Space>
      {dialog && <CaseActionModal kind={dialog} item={item} loading={action.isPending} onSubmit={action.mutate} onClose={() => setDialog(null)} />}
    </>
  );
}
