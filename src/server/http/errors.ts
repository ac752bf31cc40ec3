import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ERRORS, FIELD_MESSAGES, type TErrorCode } from '../../domain/errors';

export interface TFieldError {
  path: string;
  zh: string;
  en: string;
}

/** The one exception type handlers throw; the error handler turns it into the catalogue's shape. */
export class AppError extends Error {
  readonly code: TErrorCode;
  readonly fields: TFieldError[] | undefined;
  readonly extra: Record<string, unknown> | undefined;
  constructor(code: TErrorCode, opts: { fields?: TFieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {}) {
    super(code, { cause: opts.cause });
    this.code = code;
    this.fields = opts.fields;
    this.extra = opts.extra;
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
}

export function errorBody(code: TErrorCode, requestId: string, fields?: TFieldError[], extra?: Record<string, unknown>) {
  const e = ERRORS[code];
  return { error: { code, zh: e.zh, en: e.en, requestId, ...(fields ? { fields } : {}), ...(extra ?? {}) } };
}

interface TZodIssueLike {
  code?: string;
  keyword?: string;
  path?: readonly PropertyKey[];
  message?: string;
  instancePath?: string;
  input?: unknown;
}

function issueToField(issue: TZodIssueLike, prefix: string): TFieldError {
  let code = issue.code ?? issue.keyword ?? 'custom';
  const missing = ('input' in issue && issue.input === undefined) || /received undefined$/.test(issue.message ?? '');
  if (code === 'invalid_type' && missing) code = 'required';
  const pathStr = issue.path?.length ? issue.path.map(String).join('.') : (issue.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
  const m = FIELD_MESSAGES[code] ?? FIELD_MESSAGES.custom!;
  return { path: [prefix, pathStr].filter(Boolean).join('.'), zh: m.zh, en: m.en };
}

/** One message per field (the first issue zod found for it). */
export function zodFieldErrors(issues: readonly TZodIssueLike[], prefix = ''): TFieldError[] {
  const byPath = new Map<string, TFieldError>();
  for (const f of issues.map((i) => issueToField(i, prefix))) if (!byPath.has(f.path)) byPath.set(f.path, f);
  return [...byPath.values()];
}

/** Maps every failure to a catalogue code: the server never leaks internals and never goes down. */
export function handleError(err: FastifyError | AppError | Error, req: FastifyRequest, reply: FastifyReply): FastifyReply {
  const rid = req.id;
  if (err instanceof AppError) {
    return reply.status(err.status).send(errorBody(err.code, rid, err.fields, err.extra));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const where = (err as { validationContext?: string }).validationContext;
    const prefix = where && where !== 'body' ? where : '';
    return reply.status(400).send(errorBody('VALIDATION_FAILED', rid, zodFieldErrors(err.validation as TZodIssueLike[], prefix)));
  }
  const fe = err as FastifyError;
  switch (fe.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply.status(400).send(errorBody('MALFORMED_JSON', rid));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', rid));
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', rid));
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return reply.status(400).send(errorBody('BODY_INCOMPLETE', rid));
    default:
      break;
  }
  if (fe instanceof SyntaxError && fe.statusCode === 400) return reply.status(400).send(errorBody('MALFORMED_JSON', rid));
  if (fe.validation) {
    return reply.status(400).send(errorBody('VALIDATION_FAILED', rid, zodFieldErrors(fe.validation as TZodIssueLike[])));
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    if (fe.statusCode === 413) return reply.status(413).send(errorBody('PAYLOAD_TOO_LARGE', rid));
    if (fe.statusCode === 415) return reply.status(415).send(errorBody('UNSUPPORTED_MEDIA_TYPE', rid));
    if (fe.statusCode === 429) return reply.status(429).send(errorBody('RATE_LIMITED', rid));
    return reply.status(400).send(errorBody('VALIDATION_FAILED', rid));
  }
  req.log.error({ err, requestId: rid }, 'unexpected error');
  return reply.status(500).send(errorBody('INTERNAL', rid));
}
