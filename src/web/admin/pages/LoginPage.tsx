import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { formatDateTime } from '../../../domain/i18n';
import { ApiError, api, errorText } from '../api';
import { useI18n } from '../i18n';
import { ME_KEY } from '../queries';
import type { TMe } from '../types';
import { AuthCard } from './AuthCard';

interface TLoginForm {
  username: string;
  password: string;
}

/** Only same-app paths may follow a login (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && next !== '/login' ? next : '/';
}

export function LoginPage() {
  const { t, lang } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const client = useQueryClient();
  const login = useMutation({
    mutationFn: (v: TLoginForm) => api<TMe>('/auth/login', { method: 'POST', body: { username: v.username.trim(), password: v.password } }),
    onMutate: () => client.removeQueries(),
    onSuccess: (me) => {
      client.setQueryData(ME_KEY, me);
      void navigate(me.mustChangePassword ? '/change-password' : safeNext(params.get('next')), { replace: true });
    },
  });
  const reason = params.get('reason');
  const err = login.error;
  const lockedUntil = err instanceof ApiError && err.code === 'ACCOUNT_LOCKED' ? err.lockedUntil : undefined;

  return (
    <AuthCard title={t('login.title')}>
      {!err && reason === 'idle' && <Alert type="warning" showIcon title={t('login.idle')} style={{ marginBottom: 16 }} data-testid="login-notice" />}
      {!err && reason === 'logout' && <Alert type="success" showIcon title={t('login.loggedOut')} style={{ marginBottom: 16 }} data-testid="login-notice" />}
      {err && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="login-error"
          title={errorText(err, lang)}
          description={lockedUntil ? t('login.lockedUntil', { time: formatDateTime(lockedUntil, lang) }) : undefined}
        />
      )}
      <Form<TLoginForm> layout="vertical" size="large" requiredMark={false} onFinish={(v) => login.mutate(v)} disabled={login.isPending}>
        <Form.Item name="username" label={t('login.username')} rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}>
          <Input prefix={<UserOutlined />} autoComplete="username" autoCapitalize="off" spellCheck={false} data-testid="login-username" />
        </Form.Item>
        <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
          <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form>
      <div style={{ marginTop: 16, textAlign: 'center' }}>
        <a href="/">{t('login.publicLink')}</a>
      </div>
    </AuthCard>
  );
}
