/**
 * Limits of the public complaint channel. Defaults suit people; the benchmark and tests lower
 * the challenge and raise the rate limit through the environment, read when the app is built.
 */
export interface TCaseSettings {
  /** Leading zero bits the challenge asks for (15 ≈ 50 ms in a browser). */
  difficulty: number;
  /** Complaints per address per hour. */
  complaintsPerHour: number;
  /** Image uploads per address per hour. */
  uploadsPerHour: number;
  /** Tracking look-ups per address per minute. */
  tracksPerMinute: number;
  /** Challenges handed out per address per minute. */
  challengesPerMinute: number;
  /** Organisation searches per address per minute. */
  orgSearchesPerMinute: number;
  /** How long a challenge may be used. */
  challengeSeconds: number;
}

function intOf(v: string | undefined, fallback: number, min: number, max: number): number {
  const n = Number(v);
  return v !== undefined && v !== '' && Number.isInteger(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

export function caseSettings(env: NodeJS.ProcessEnv = process.env): TCaseSettings {
  return {
    difficulty: intOf(env.JIANFU_COMPLAINT_DIFFICULTY, 15, 0, 24),
    complaintsPerHour: intOf(env.JIANFU_COMPLAINT_LIMIT, 20, 1, 10_000_000),
    uploadsPerHour: intOf(env.JIANFU_COMPLAINT_UPLOAD_LIMIT, 100, 1, 10_000_000),
    tracksPerMinute: intOf(env.JIANFU_TRACK_LIMIT, 60, 1, 10_000_000),
    challengesPerMinute: intOf(env.JIANFU_CHALLENGE_LIMIT, 60, 1, 10_000_000),
    orgSearchesPerMinute: intOf(env.JIANFU_ORG_SEARCH_LIMIT, 120, 1, 10_000_000),
    challengeSeconds: 600,
  };
}

export const LIMITS = {
  imagesPerComplaint: 5,
  imageBytes: 5 * 1024 * 1024,
  evidenceBytes: 10 * 1024 * 1024,
  duplicateDays: 30,
} as const;
