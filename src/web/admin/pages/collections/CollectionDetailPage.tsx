import { ArrowLeftOutlined, DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Col, Descriptions, Progress, Row, Select, Space, Statistic, Steps, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { formatDateTime } from '../../../../domain/i18n';
import { api, download } from '../../api';
import { ErrorAlert, useShowError } from '../../errors';
import { useI18n } from '../../i18n';
import { MatchTable, type TColumnEdit } from './MatchTable';
import { ReuseOverlap } from './OverlapCard';
import { CollectionStatusTag } from './parts';
import { SubmitForm } from './SubmitForm';
import type { TCollection } from './types';
import { SCHOOL_STAGES, type TSchoolStage } from '../../../../domain/register/kinds';

const key = (id: number) => ['collections', 'one', id] as const;

function usePatch(id: number) {
  const client = useQueryClient();
  const showError = useShowError();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<TCollection>(`/collections/${id}`, { method: 'PATCH', body }),
    onSuccess: (c) => client.setQueryData(key(id), c),
    onError: showError,
  });
}

type TTargetSchool = { id: number; name: string; stage: string | string[] | null; teacherCount: number };

const sameSet = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x) => b.includes(x));

/**
 * Step 2: which schools (all of the region by default). The choice is a draft until it is applied
 * (or the wizard moves on), so that trimming a county of 200 schools to a few is not 200 saves;
 * quick picks take all schools or those of a stage. The reuse ratio and overlap follow once applied.
 */
function PopulationPicker({ c, draft, setDraft, applying, onApply }: { c: TCollection; draft: number[]; setDraft: (ids: number[]) => void; applying: boolean; onApply: () => void }) {
  const { t } = useI18n();
  const schools = useQuery({ queryKey: ['register', 'schools'], queryFn: () => api<TTargetSchool[]>('/register/schools') });
  const all = schools.data ?? [];
  const ofStage = (stage: TSchoolStage) => all.filter((s) => (Array.isArray(s.stage) ? s.stage.includes(stage) : s.stage === stage)).map((s) => s.id);
  const saved = c.schools.map((s) => s.id);
  const dirty = !sameSet(draft, saved);
  const teachers = all.filter((s) => draft.includes(s.id)).reduce((n, s) => n + s.teacherCount, 0);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap data-testid="collection-schools-quick">
        <Button size="small" onClick={() => setDraft(all.map((s) => s.id))} data-testid="collection-schools-all">
          {t('collections.population.all')}
        </Button>
        {SCHOOL_STAGES.map((stage) => (
          <Button key={stage} size="small" disabled={ofStage(stage).length === 0} onClick={() => setDraft(ofStage(stage))} data-testid={`collection-schools-${stage}`}>
            {t('collections.population.stage', { stage: t(`schoolStage.${stage}`) })}
          </Button>
        ))}
        <Button size="small" onClick={() => setDraft([])} data-testid="collection-schools-clear">
          {t('collections.population.clear')}
        </Button>
      </Space>
      <Select
        mode="multiple"
        style={{ width: '100%' }}
        optionFilterProp="label"
        allowClear
        maxTagCount="responsive"
        loading={schools.isPending}
        value={draft}
        options={all.map((s) => ({ value: s.id, label: `${s.name}（${s.teacherCount}）` }))}
        onChange={(ids: number[]) => setDraft(ids)}
        status={draft.length === 0 ? 'error' : undefined}
        data-testid="collection-schools"
      />
      <Space wrap>
        <Typography.Text data-testid="collection-schools-summary">{t('collections.population.summary', { schools: draft.length, teachers })}</Typography.Text>
        {draft.length === 0 && <Typography.Text type="danger">{t('collections.population.empty')}</Typography.Text>}
        <Button type="primary" ghost disabled={!dirty || draft.length === 0} loading={applying} onClick={onApply} data-testid="collection-schools-apply">
          {t('collections.population.apply')}
        </Button>
        {dirty && draft.length > 0 && <Typography.Text type="warning">{t('collections.population.unsaved')}</Typography.Text>}
      </Space>
      <Typography.Text type="secondary">{t(`collections.subject.${c.subjectType}`)}</Typography.Text>
    </Space>
  );
}

/** Draft (or returned): match → population → submit, with reuse and overlap always in view. */
function DraftWizard({ c }: { c: TCollection }) {
  const { t } = useI18n();
  const [step, setStep] = useState(0);
  const patch = usePatch(c.id);
  const onEdit = (e: TColumnEdit) => patch.mutate({ columns: [e] });
  const saved = c.schools.map((s) => s.id);
  const [draft, setDraft] = useState<number[]>(saved);
  const applyPopulation = () => patch.mutateAsync({ schoolIds: draft });
  // leaving the population step takes the choice along (an empty one stays on the step)
  const goTo = async (next: number) => {
    if (step === 1 && next !== 1 && !sameSet(draft, saved)) {
      if (draft.length === 0) return;
      await applyPopulation();
    }
    setStep(next);
  };
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={16}>
        <Card>
          <Steps
            current={step}
            onChange={(n) => void goTo(n).catch(() => undefined)}
            size="small"
            style={{ marginBottom: 16 }}
            items={[{ title: t('collections.wizard.match') }, { title: t('collections.wizard.population') }, { title: t('collections.wizard.submit') }]}
          />
          {step === 0 && <MatchTable collection={c} editable={c.can.edit} onEdit={onEdit} busy={patch.isPending} />}
          {step === 1 && <PopulationPicker c={c} draft={draft} setDraft={setDraft} applying={patch.isPending} onApply={() => void applyPopulation().catch(() => undefined)} />}
          {step === 2 && (c.can.submit ? <SubmitForm collection={c} /> : null)}
          {step < 2 && (
            <Button
              type="primary"
              style={{ marginTop: 16 }}
              loading={patch.isPending}
              disabled={step === 1 && draft.length === 0}
              onClick={() => void goTo(step + 1).catch(() => undefined)}
              data-testid="collection-next"
            >
              {step === 0 ? t('collections.wizard.population') : t('collections.wizard.submit')}
            </Button>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Card size="small">
          <ReuseOverlap reuse={c.reuse} overlap={c.overlap} />
        </Card>
      </Col>
    </Row>
  );
}

/** After submission: the item, reuse and overlap, progress per school, hours saved, the filled file. */
function Overview({ c }: { c: TCollection }) {
  const { t, lang } = useI18n();
  const showError = useShowError();
  const file = useMutation({ mutationFn: () => download(`/collections/${c.id}/file.xlsx`, {}, 'collection.xlsx'), onError: showError });
  const template = useMutation({ mutationFn: () => download(`/collections/${c.id}/template.xlsx`, {}, c.templateName), onError: showError });
  return (
    <Row gutter={[12, 12]}>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Descriptions size="small" column={{ xs: 1, md: 2 }}>
              <Descriptions.Item label={t('collections.field.requester')}>{c.requester.name}</Descriptions.Item>
              <Descriptions.Item label={t('collections.field.subject')}>{t(`collections.subject.${c.subjectType}`)}</Descriptions.Item>
              <Descriptions.Item label={t('item.admissionNo')}>{c.item?.admissionNo ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('collections.roster.at')}>{formatDateTime(c.createdAt, lang)}</Descriptions.Item>
            </Descriptions>
            <Space wrap>
              {c.item && <Link to={`/items/${c.item.id}`}>{t('collections.openItem')}</Link>}
              {c.can.download && (
                <Button type="primary" icon={<DownloadOutlined />} loading={file.isPending} onClick={() => file.mutate()} data-testid="collection-download">
                  {t('collections.download')}
                </Button>
              )}
              <Button icon={<DownloadOutlined />} loading={template.isPending} onClick={() => template.mutate()}>
                {t('collections.downloadTemplate')}
              </Button>
            </Space>
          </Card>
          <Card size="small" title={t('collections.field.progress')}>
            <Progress percent={c.progress.total ? Math.round((c.progress.done / c.progress.total) * 100) : 0} format={() => `${c.progress.done}/${c.progress.total}`} data-testid="collection-progress" />
            <Table
              size="small"
              rowKey="schoolId"
              pagination={false}
              dataSource={c.progress.bySchool}
              columns={[
                { title: t('collections.field.schools'), dataIndex: 'name' },
                { title: t('collections.field.progress'), width: 200, render: (_v, r: TCollection['progress']['bySchool'][number]) => <Progress size="small" percent={Math.round((r.done / Math.max(1, r.total)) * 100)} format={() => `${r.done}/${r.total}`} /> },
              ]}
            />
          </Card>
          <Card size="small" title={t('collections.wizard.match')}>
            <MatchTable collection={c} editable={false} onEdit={() => undefined} busy={false} />
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Card size="small">
            <Statistic title={t('collections.field.hoursSaved')} value={c.hoursSaved.hours} data-testid="collection-hours" />
            <Typography.Text type="secondary">{t('collections.hours', { cells: c.hoursSaved.cellsPrefilled, seconds: c.hoursSaved.secondsPerCell ?? '—', hours: c.hoursSaved.hours })}</Typography.Text>
          </Card>
          <Card size="small">
            <ReuseOverlap reuse={c.reuse} overlap={c.overlap} justification={c.justification} />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

/** `/collections/:id`: the request wizard while it is a draft, then its progress and file. */
export function CollectionDetailPage() {
  const { id } = useParams();
  const cid = Number(id);
  const navigate = useNavigate();
  const { t } = useI18n();
  const q = useQuery({ queryKey: key(cid), queryFn: () => api<TCollection>(`/collections/${cid}`) });
  if (q.isPending) return <Card loading />;
  if (q.isError) return <ErrorAlert error={q.error} />;
  const c = q.data;
  const draft = c.can.edit && (c.status === 'draft' || c.status === 'returned');
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="collection-detail" data-collection-id={c.id}>
      <Card size="small">
        <Space wrap>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => void navigate('/collections')} aria-label={t('common.back')} />
          <Typography.Text strong style={{ fontSize: 16 }}>
            {c.title}
          </Typography.Text>
          <CollectionStatusTag status={c.status} />
        </Space>
      </Card>
      {draft ? <DraftWizard c={c} /> : <Overview c={c} />}
    </Space>
  );
}
