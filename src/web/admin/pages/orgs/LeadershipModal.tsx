import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { LEADERSHIP_ROLES, LEADERSHIP_TOPICS, type TLeadershipGroup, type TLeadershipRole, type TLeadershipTopic } from '../../../../domain/leadership/schemas';
import { api, errorText } from '../../api';
import { useI18n } from '../../i18n';
import { buttonTestId } from '../../testId';

interface TForm {
  topic: TLeadershipTopic;
  name: string;
  officeLocation?: string;
  officeDirector?: string;
  members: { role: TLeadershipRole; name: string; post?: string }[];
}

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Creates or edits one leadership group of an org: name, office, members in order (组长 → 副组长 → 成员). */
export function LeadershipModal({ orgId, group, taken, onClose }: { orgId: number; group: TLeadershipGroup | null; taken: readonly TLeadershipTopic[]; onClose: () => void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<TForm>();
  const free = LEADERSHIP_TOPICS.filter((x) => x === group?.topic || !taken.includes(x));
  const save = useMutation({
    mutationFn: (v: TForm) =>
      api(`/orgs/${orgId}/leadership/${v.topic}`, {
        method: 'PUT',
        body: {
          name: v.name.trim(),
          officeLocation: blankToNull(v.officeLocation),
          officeDirector: blankToNull(v.officeDirector),
          members: v.members.map((m) => ({ role: m.role, name: m.name.trim(), post: m.post?.trim() ?? '' })),
        },
      }),
    onSuccess: async () => {
      void message.success(t('leadership.saved'));
      await client.invalidateQueries({ queryKey: ['orgs', orgId, 'leadership'] });
      onClose();
    },
  });
  const initial: TForm = group
    ? { topic: group.topic, name: group.name, officeLocation: group.officeLocation ?? '', officeDirector: group.officeDirector ?? '', members: group.members }
    : { topic: free[0] ?? 'teacher_burden', name: '', members: [{ role: 'leader', name: '', post: '' }] };
  return (
    <Modal
      open
      width={760}
      title={t(group ? 'leadership.edit' : 'leadership.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      okButtonProps={buttonTestId('leadership-save')}
      destroyOnHidden
      mask={{ closable: false }}
    >
      {save.error && <Alert type="error" showIcon title={errorText(save.error, lang)} style={{ marginBottom: 16 }} data-testid="leadership-error" />}
      <Form<TForm> form={form} layout="vertical" initialValues={initial} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="topic" label={t('leadership.topic')}>
          <Select disabled={!!group} options={free.map((x) => ({ value: x, label: t(`leadership.topic.${x}`) }))} data-testid="leadership-topic" />
        </Form.Item>
        <Form.Item name="name" label={t('leadership.name')} rules={[{ required: true, whitespace: true, min: 2, max: 100, message: t('common.required') }]}>
          <Input maxLength={100} placeholder={t('leadership.namePlaceholder')} data-testid="leadership-name" />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="officeLocation" label={t('leadership.officeLocation')} style={{ flex: 2 }}>
            <Input maxLength={200} placeholder={t('leadership.officeLocationPlaceholder')} data-testid="leadership-office" />
          </Form.Item>
          <Form.Item name="officeDirector" label={t('leadership.officeDirector')} style={{ flex: 1 }}>
            <Input maxLength={50} data-testid="leadership-director" />
          </Form.Item>
        </Space.Compact>
        <Typography.Text type="secondary">{t('leadership.orderHint')}</Typography.Text>
        <Form.List name="members">
          {(fields, { add, remove }) => (
            <div style={{ marginTop: 8 }}>
              {fields.map((f) => (
                <Space key={f.key} align="start" style={{ display: 'flex' }} wrap>
                  <Form.Item name={[f.name, 'role']} style={{ width: 110, marginBottom: 8 }}>
                    <Select options={LEADERSHIP_ROLES.map((r) => ({ value: r, label: t(`leadership.role.${r}`) }))} aria-label={t('leadership.memberRole')} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'name']} style={{ width: 140, marginBottom: 8 }} rules={[{ required: true, whitespace: true, message: t('common.required') }]}>
                    <Input maxLength={50} placeholder={t('leadership.memberName')} data-testid={`leadership-member-name-${f.name}`} />
                  </Form.Item>
                  <Form.Item name={[f.name, 'post']} style={{ width: 320, marginBottom: 8 }}>
                    <Input maxLength={100} placeholder={t('leadership.memberPost')} data-testid={`leadership-member-post-${f.name}`} />
                  </Form.Item>
                  <Button icon={<DeleteOutlined />} aria-label={t('leadership.delete')} disabled={fields.length === 1} onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ role: 'member', name: '', post: '' })} data-testid="leadership-add-member">
                {t('leadership.addMember')}
              </Button>
            </div>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
