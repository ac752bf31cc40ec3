import { ArrowLeftOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Divider, Form, Space } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { BANNED_EVALUATION_METHODS, type TItemKind } from '../../../../domain/register/kinds';
import { api, ApiError, errorText, type TFieldError } from '../../api';
import { ErrorAlert } from '../../errors';
import { useI18n } from '../../i18n';
import { BurdenFields, EvaluationFields } from './BurdenFields';
import { initialDetails } from './detailFields';
import { DetailsFields } from './DetailsFields';
import { formNameOf, formToInput, itemToForm, newFormValues, type TItemFormValues } from './formModel';
import { BasicFields, TimingFields } from './ItemFormFields';
import { FindingsList } from './parts';
import { itemKey, useItem, useRuleSet, violationFindings } from './queries';
import { ScopeFields } from './ScopeFields';
import type { TFinding, TItem } from './types';

/** `/items/new` and `/items/:id/edit`. */
export function ItemFormPage() {
  const { id } = useParams();
  const itemId = id ? Number(id) : undefined;
  const item = useItem(itemId);
  if (itemId !== undefined && item.isPending) return <Card loading />;
  if (itemId !== undefined && item.isError) return <ErrorAlert error={item.error} />;
  return <ItemEditor key={itemId ?? 'new'} item={item.data} />;
}

const section = (title: string) => (
  <Divider titlePlacement="start" style={{ marginTop: 8 }}>
    {title}
  </Divider>
);

function ItemEditor({ item }: { item: TItem | undefined }) {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<TItemFormValues>();
  const kind = (Form.useWatch('kind', form) ?? item?.kind ?? 'inspection') as TItemKind;
  const range = Form.useWatch('window', form) as TItemFormValues['window'];
  const year = range?.[0]?.year() ?? new Date().getFullYear();
  const ruleSet = useRuleSet(year);
  const banned = ruleSet.data?.values.bannedEvaluationMethods ?? BANNED_EVALUATION_METHODS;
  const [findings, setFindings] = useState<TFinding[] | null>(item ? item.findings : null);
  const [blocked, setBlocked] = useState(false);
  const [otherErrors, setOtherErrors] = useState<TFieldError[]>([]);
  const [failure, setFailure] = useState<unknown>(null);

  /** Server field errors onto their fields; the rest listed above the form. */
  const placeErrors = (err: unknown) => {
    if (!(err instanceof ApiError)) return setFailure(err);
    const k = form.getFieldValue('kind') as TItemKind;
    const rest: TFieldError[] = [];
    const placed = err.fields.flatMap((f) => {
      const name = formNameOf(f.path, k);
      if (!name) rest.push(f);
      return name ? [{ name, errors: [lang === 'zh' ? f.zh : f.en] }] : [];
    });
    form.setFields(placed);
    setOtherErrors(rest);
    setFailure(err);
    const first = placed[0];
    if (first) form.scrollToField(first.name, { block: 'center' });
  };

  const save = useMutation({
    mutationFn: (values: TItemFormValues) => {
      const body = formToInput(values);
      return item ? api<TItem>(`/items/${item.id}`, { method: 'PATCH', body }) : api<TItem>('/items', { method: 'POST', body });
    },
    onMutate: () => {
      setFailure(null);
      setOtherErrors([]);
      setBlocked(false);
    },
    onSuccess: async (saved) => {
      client.setQueryData(itemKey(saved.id), saved);
      setFindings(saved.findings);
      // the server counts respondents from the teachers on file in the target schools
      form.setFieldValue(['burden', 'respondents'], saved.burden.respondents);
      await client.invalidateQueries({ queryKey: ['items', 'list'] });
      if (!item) void navigate(`/items/${saved.id}/edit`, { replace: true });
    },
    onError: placeErrors,
  });

  const submit = useMutation({
    mutationFn: async () => {
      const values = await form.validateFields();
      const saved = await save.mutateAsync(values);
      return api<TItem>(`/items/${saved.id}/submit`, { method: 'POST', body: {} });
    },
    onSuccess: async (submitted) => {
      client.setQueryData(itemKey(submitted.id), submitted);
      void message.success(t('item.submitted'));
      await client.invalidateQueries({ queryKey: ['items'] });
      void navigate(`/items/${submitted.id}`);
    },
    onError: (err) => {
      const f = violationFindings(err);
      if (f) {
        setFindings(f);
        setBlocked(true);
        document.querySelector('[data-testid="item-findings"]')?.scrollIntoView({ block: 'center', behavior: 'smooth' });
      }
      // validation and save errors were already placed by `save`
    },
  });

  if (item && !item.can.edit) {
    return <Alert type="warning" showIcon title={t('item.notEditable')} action={<Button onClick={() => void navigate(`/items/${item.id}`)}>{t('item.view')}</Button>} />;
  }
  const busy = save.isPending || submit.isPending;

  return (
    <Card
      title={item ? `${t('item.editTitle')} · ${item.title}` : t('item.newTitle')}
      extra={
        <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate(item ? `/items/${item.id}` : '/items')}>
          {t('common.back')}
        </Button>
      }
    >
      {failure !== null && violationFindings(failure) === null && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="item-form-error"
          title={errorText(failure, lang)}
          description={
            otherErrors.length > 0 && (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {otherErrors.map((f) => (
                  <li key={f.path}>
                    <code>{f.path}</code>: {lang === 'zh' ? f.zh : f.en}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Form<TItemFormValues>
        form={form}
        layout="vertical"
        initialValues={item ? itemToForm(item) : newFormValues()}
        onFinish={(v) => save.mutate(v, { onSuccess: () => void message.success(t('item.saved')) })}
        scrollToFirstError={{ block: 'center' }}
        disabled={busy}
      >
        {section(t('item.section.basic'))}
        <BasicFields onKindChange={() => form.setFieldValue('details', initialDetails(form.getFieldValue('kind') as TItemKind))} />
        {section(`${t('item.details')} · ${t(`itemKind.${kind}`)}`)}
        <DetailsFields kind={kind} />
        {section(t('item.section.scope'))}
        <ScopeFields known={item?.schools ?? []} />
        {section(t('item.section.timing'))}
        <TimingFields />
        {section(t('item.evaluationMethods'))}
        <EvaluationFields banned={banned} />
        {section(t('item.section.burden'))}
        <BurdenFields />
      </Form>
      {findings && (
        <>
          {section(t('item.findings'))}
          {blocked && <Alert type="error" showIcon title={t('item.submitBlocked')} style={{ marginBottom: 8 }} data-testid="item-submit-blocked" />}
          <FindingsList findings={findings} />
        </>
      )}
      <Space wrap style={{ marginTop: 24 }}>
        <Button type={item?.can.submit ? 'default' : 'primary'} icon={<SaveOutlined />} loading={save.isPending && !submit.isPending} disabled={busy} onClick={() => form.submit()} data-testid="item-save">
          {t('item.save')}
        </Button>
        {item?.can.submit && (
          <Button type="primary" icon={<SendOutlined />} loading={submit.isPending} disabled={busy} onClick={() => submit.mutate()} data-testid="item-submit">
            {t('item.submit')}
          </Button>
        )}
      </Space>
    </Card>
  );
}
