/** Test helpers of the supervision module: filing complaints through the real public API. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { addDays } from '../../../domain/register/schoolYear';
import { chinaToday } from '../../../domain/time';
import { solveChallenge } from './challenge';

let ipSeq = 1;
/** A fresh address per call, so per-address limits of one test do not spill into another. */
export function freshIp(): string {
  const n = ipSeq++;
  return `203.0.${(n >> 8) & 255}.${n & 255}`;
}

export async function solvedChallenge(app: FastifyInstance, ip: string) {
  const res = await app.inject({ method: 'GET', url: '/api/v1/public/challenge', remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`challenge: ${res.statusCode} ${res.body}`);
  const c = res.json<{ token: string; prefix: string; difficulty: number }>();
  return { token: c.token, nonce: solveChallenge(c.prefix, c.difficulty) };
}

export function complaintBody(targetOrgId: number, o: Record<string, unknown> = {}) {
  return {
    category: 'forced_app',
    targetOrgId,
    text: '学校要求全体教师下载某APP并每日打卡截图上传工作群，已持续两周。',
    occurredOn: addDays(chinaToday(), -3),
    anonymous: true,
    ...o,
  };
}

export async function postComplaint(app: FastifyInstance, body: Record<string, unknown>, ip = freshIp()): Promise<LightMyRequestResponse> {
  const challenge = 'challenge' in body ? body.challenge : await solvedChallenge(app, ip);
  return app.inject({ method: 'POST', url: '/api/v1/public/complaints', payload: { ...body, challenge }, remoteAddress: ip });
}

export async function fileComplaint(app: FastifyInstance, targetOrgId: number, o: Record<string, unknown> = {}) {
  const res = await postComplaint(app, complaintBody(targetOrgId, o));
  if (res.statusCode !== 201) throw new Error(`complaint: ${res.statusCode} ${res.body}`);
  return res.json<{ trackingNo: string; key: string; dueOn: string; codeStatus: string | null }>();
}

export function track(app: FastifyInstance, trackingNo: string, key: string, ip = freshIp()) {
  return app.inject({ method: 'GET', url: `/api/v1/public/complaints/${encodeURIComponent(trackingNo)}?key=${encodeURIComponent(key)}`, remoteAddress: ip });
}

export function upload(app: FastifyInstance, trackingNo: string, key: string, body: Buffer, contentType = 'image/jpeg', ip = freshIp()) {
  return app.inject({ method: 'POST', url: `/api/v1/public/complaints/${trackingNo}/attachments`, headers: { 'content-type': contentType, 'x-complaint-key': key }, payload: body, remoteAddress: ip });
}
