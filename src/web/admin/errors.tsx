import { Alert, App } from 'antd';
import type { FormInstance } from 'antd';
import { ApiError, errorText } from './api';
import { useI18n } from './i18n';

/** Returns a function that shows any thrown value as an antd message in the current language. */
export function useShowError(): (err: unknown) => void {
  const { message } = App.useApp();
  const { lang } = useI18n();
  return (err) => {
    void message.error(errorText(err, lang));
  };
}

/** Put the server's per-field messages on the form fields it knows. Returns true when some were placed. */
export function applyFieldErrors(form: FormInstance, err: unknown, lang: 'zh' | 'en', names: readonly string[]): boolean {
  if (!(err instanceof ApiError) || err.fields.length === 0) return false;
  const fields = err.fields.filter((f) => names.includes(f.path));
  form.setFields(fields.map((f) => ({ name: f.path, errors: [lang === 'zh' ? f.zh : f.en] })));
  return fields.length > 0;
}

/** An error alert for a failed query, with the request id for the administrator. */
export function ErrorAlert({ error, testId }: { error: unknown; testId?: string }) {
  const { lang, t } = useI18n();
  const rid = error instanceof ApiError ? error.requestId : undefined;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      title={errorText(error, lang)}
      description={rid ? `${t('common.requestId')}: ${rid}` : undefined}
    />
  );
}
