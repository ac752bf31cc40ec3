import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ZLeadInput } from '../../../domain/cases/schemas';
import { label } from '../../../domain/i18n';
import type { TDeps } from '../../context';
import { AppError, errorBody } from '../../http/errors';
import { excelDate, onePage, sendXlsx, streamXlsx } from '../../http/excel';
import { SharedRateLimiter } from '../../http/sharedLimiter';
import { publishedList, verifyCode } from '../register/public';
import { recordLeadCase } from '../cases/leads';
import { caseSettings } from '../cases/settings';

const ZRegion = z.object({ code: z.string(), name: z.string(), hotline: z.string().nullable(), mailbox: z.string().nullable() });
const ZListQuery = z.object({ region: z.string().regex(/^\d{6}$/), year: z.coerce.number().int().min(2000).max(2100) });

/** Public, no login: regions and their hotlines, code verification, the published list, "report this". */
export const publicRoutes: FastifyPluginAsyncZod<{ deps: TDeps }> = async (app, { deps }) => {
  // per IP: verification is what teachers do when a demand arrives; 120 a minute is generous for people, not for scrapers
  const verifyLimiter = new SharedRateLimiter(deps.db, { name: 'verify', limit: Number(process.env.JIANFU_VERIFY_LIMIT ?? 120), windowSeconds: 60 });
  const leadLimiter = new SharedRateLimiter(deps.db, { name: 'lead', limit: 10, windowSeconds: 3600 });
  const leadDifficulty = caseSettings().difficulty;
  app.addHook('onClose', async () => {
    await verifyLimiter.flush();
    await leadLimiter.flush();
    verifyLimiter.close();
    leadLimiter.close();
  });

  app.get('/public/regions', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Regions with their public complaint hotline and mailbox', response: { 200: z.array(ZRegion) } },
    handler: async () => {
      const rows = await deps.db
        .selectFrom('orgs')
        .select(['code', 'name', 'hotline', 'mailbox'])
        .where('kind', '=', 'region')
        .where('status', '=', 'active')
        .where('code', 'is not', null)
        .orderBy('code')
        .execute();
      return rows.map((r) => ({ code: r.code!, name: r.name, hotline: r.hotline, mailbox: r.mailbox }));
    },
  });

  app.get('/public/verify/:code', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'Verify an admission code', params: z.object({ code: z.string().max(64) }) },
    handler: async (req, reply) => {
      if (!verifyLimiter.hit(req.ip)) return reply.status(429).send(errorBody('RATE_LIMITED', req.id));
      const v = await verifyCode(deps, req.params.code);
      if (!v) return reply.status(404).send({ status: 'unknown' });
      return v;
    },
  });

  app.post('/public/leads', {
    config: { auth: 'none' },
    schema: {
      tags: ['public'],
      summary: 'Report a demand ("report this"; kept for API clients, the pages use /complain): behind the complaint challenge, opens a case, answers its tracking number and key',
      body: ZLeadInput,
    },
    handler: async (req, reply) => {
      if (!leadLimiter.hit(req.ip)) throw new AppError('RATE_LIMITED');
      // the lead becomes a case (issue 5): the reporter may follow it like a complaint
      const created = await recordLeadCase(deps, { input: req.body, ip: req.ip, requestId: req.id, minDifficulty: leadDifficulty });
      return reply.status(201).send({ ok: true, ...created });
    },
  });

  app.get('/public/list', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'The published list (清单/白名单) of a region and year', querystring: ZListQuery },
    handler: async (req) => {
      const items = await publishedList(deps, { regionCode: req.query.region, year: req.query.year });
      if (!items) throw new AppError('NOT_FOUND');
      return { items };
    },
  });

  app.get('/public/list.xlsx', {
    config: { auth: 'none' },
    schema: { tags: ['public'], summary: 'The published list as Excel', querystring: ZListQuery },
    handler: async (req, reply) => {
      const items = await publishedList(deps, { regionCode: req.query.region, year: req.query.year });
      if (!items) throw new AppError('NOT_FOUND');
      const stream = streamXlsx({
        sheet: `${req.query.year}年清单`,
        pages: onePage(items),
        columns: [
          { header: '准入编号', width: 22, value: (r) => r.admissionNo },
          { header: '核验码', width: 14, value: (r) => r.code },
          { header: '类别', width: 16, value: (r) => label(`itemKind.${r.kind}`) },
          { header: '事项名称', width: 40, value: (r) => r.title },
          { header: '发起单位', width: 22, value: (r) => r.issuer },
          { header: '开始日期', width: 12, value: (r) => excelDate(r.validFrom), numFmt: 'yyyy-mm-dd' },
          { header: '结束日期', width: 12, value: (r) => excelDate(r.validTo), numFmt: 'yyyy-mm-dd' },
          { header: '每校次数上限', width: 12, value: (r) => r.frequencyCap },
        ],
      });
      return sendXlsx(reply, `清单-${req.query.region}-${req.query.year}.xlsx`, stream);
    },
  });
};
