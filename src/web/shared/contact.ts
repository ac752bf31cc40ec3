/**
 * Contact channels as published by an org. A 监督信箱 may be a postal box with an e-mail
 * address inside the text ("…减负办（文化路18号） jianfu@x.cn"): only the address is linked.
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/;

export interface TMailboxParts {
  before: string;
  email: string | null;
  after: string;
}

export function splitMailbox(text: string): TMailboxParts {
  const m = EMAIL.exec(text);
  if (!m) return { before: text, email: null, after: '' };
  return { before: text.slice(0, m.index), email: m[0], after: text.slice(m.index + m[0].length) };
}

/** `tel:` link for a published phone number ("0875-6123456" → "tel:08756123456"). */
export function telHref(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
