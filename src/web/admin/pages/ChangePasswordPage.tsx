import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Space, Spin } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import type { TLabelKey } from '../../../domain/i18n';
import { MIN_USERNAME_LENGTH, PASSWORD_MIN_CLASSES, PASSWORD_MIN_LENGTH, countPasswordClasses } from '../../../domain/validators/password';
import { ApiError, api, errorText } from '../api';
import { useI18n } from '../i18n';
import { useSignOut } from '../layout/useSignOut';
import { ME_KEY, useMe } from '../queries';
import { AuthCard } from './AuthCard';

interface TCpForm {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}

/** Hints only: the server's PASSWORD_POLICY answer is what counts. */
function hints(pw: string, username: string): [TLabelKey, boolean][] {
  const name = username.trim().toLowerCase();
  return [
    ['cp.hint.length', [...pw].length >= PASSWORD_MIN_LENGTH],
    ['cp.hint.classes', countPasswordClasses(pw) >= PASSWORD_MIN_CLASSES],
    ['cp.hint.username', pw.length > 0 && ([...name].length < MIN_USERNAME_LENGTH || !pw.toLowerCase().includes(name))],
  ];
}

export function ChangePasswordPage() {
  const { t, lang } = useI18n();
  const me = useMe();
  const [form] = Form.useForm<TCpForm>();
  const newPassword = Form.useWatch('newPassword', form) ?? '';
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const signOut = useSignOut();
  const change = useMutation({
    mutationFn: (v: TCpForm) => api<void>('/auth/change-password', { method: 'POST', body: { currentPassword: v.currentPassword, newPassword: v.newPassword } }),
    onSuccess: async () => {
      void message.success(t('cp.done'));
      await client.invalidateQueries({ queryKey: ME_KEY });
      await navigate('/', { replace: true });
    },
    onError: (err) => {
      // the alert above shows every server message; the wrong current password is also marked on its field
      if (err instanceof ApiError && err.code === 'WRONG_PASSWORD') form.setFields([{ name: 'currentPassword', errors: [err.text(lang)] }]);
    },
  });

  if (me.isPending) return <Spin fullscreen />;
  if (me.isError) return <Navigate to="/login" replace />;
  const forced = me.data.mustChangePassword;

  return (
    <AuthCard title={t('cp.title')}>
      {forced && <Alert type="warning" showIcon title={t('cp.forced')} style={{ marginBottom: 16 }} data-testid="cp-forced" />}
      {change.error && <Alert type="error" showIcon title={errorText(change.error, lang)} style={{ marginBottom: 16 }} data-testid="cp-error" />}
      <Form<TCpForm> form={form} layout="vertical" requiredMark={false} onFinish={(v) => change.mutate(v)} disabled={change.isPending}>
        <input type="text" name="username" autoComplete="username" value={me.data.user.username} readOnly hidden />
        <Form.Item name="currentPassword" label={t('cp.current')} rules={[{ required: true, message: t('common.required') }]}>
          <Input.Password autoComplete="current-password" data-testid="cp-current" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('cp.new')}
          rules={[{ required: true, message: t('common.required') }]}
          extra={
            <div data-testid="cp-hints" style={{ fontSize: 13 }}>
              <div>{t('cp.hints')}</div>
              {hints(newPassword, me.data.user.username).map(([key, ok]) => (
                <div key={key} style={{ color: ok ? '#389e0d' : undefined }}>
                  {ok ? <CheckCircleFilled /> : <CloseCircleFilled style={{ color: newPassword ? '#cf1322' : '#bbb' }} />} {t(key)}
                </div>
              ))}
            </div>
          }
        >
          <Input.Password autoComplete="new-password" data-testid="cp-new" />
        </Form.Item>
        <Form.Item
          name="confirm"
          label={t('cp.confirm')}
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('common.required') },
            ({ getFieldValue }) => ({
              validator: (_r, value) => (!value || getFieldValue('newPassword') === value ? Promise.resolve() : Promise.reject(new Error(t('cp.mismatch')))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="cp-confirm" />
        </Form.Item>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Button type="primary" htmlType="submit" block loading={change.isPending} data-testid="cp-submit">
            {t('cp.submit')}
          </Button>
          {forced ? (
            <Button block onClick={() => void signOut('logout')} data-testid="logout">
              {t('header.logout')}
            </Button>
          ) : (
            <Button block onClick={() => void navigate('/')}>
              {t('cp.back')}
            </Button>
          )}
        </Space>
      </Form>
    </AuthCard>
  );
}
