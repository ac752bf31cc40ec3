/**
 * Password policy:
 *   - length 8..128 (counted in Unicode code points)
 *   - at least 3 of 4 classes: lowercase a–z, uppercase A–Z, digit 0–9,
 *     symbol (any other character, including spaces and non-ASCII)
 *   - must not contain the username, case-insensitively. Usernames shorter
 *     than MIN_USERNAME_LENGTH (after trimming) are ignored, otherwise a
 *     one- or two-letter username would forbid most passwords.
 * All failing rules are reported, in a fixed order.
 */

export type PasswordReason = 'tooShort' | 'tooLong' | 'classes' | 'containsUsername';

export type PasswordPolicyResult = { ok: true } | { ok: false; reasons: PasswordReason[] };

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_CLASSES = 3;
export const MIN_USERNAME_LENGTH = 3;

/** Number of character classes (0–4) present in `pw`. */
export function countPasswordClasses(pw: string): number {
  let n = 0;
  if (/[a-z]/.test(pw)) n++;
  if (/[A-Z]/.test(pw)) n++;
  if (/[0-9]/.test(pw)) n++;
  if (/[^A-Za-z0-9]/u.test(pw)) n++;
  return n;
}

export function checkPasswordPolicy(pw: string, opts?: { username?: string }): PasswordPolicyResult {
  const reasons: PasswordReason[] = [];
  const length = [...pw].length;
  if (length < PASSWORD_MIN_LENGTH) reasons.push('tooShort');
  if (length > PASSWORD_MAX_LENGTH) reasons.push('tooLong');
  if (countPasswordClasses(pw) < PASSWORD_MIN_CLASSES) reasons.push('classes');
  const username = opts?.username?.trim() ?? '';
  if ([...username].length >= MIN_USERNAME_LENGTH && pw.toLowerCase().includes(username.toLowerCase())) {
    reasons.push('containsUsername');
  }
  return reasons.length === 0 ? { ok: true } : { ok: false, reasons };
}
