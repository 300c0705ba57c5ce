import type { LatestSeal } from './audit.types';

/*
 * The pinned seal: kept in this browser (localStorage), outside the system, and sent back as
 * GET /audit/verify?pin=<base64url of its JSON>, so a log that lost a seal or was cut below it fails.
 */

const KEY = 'gl.audit.pinnedSeal';

export const pinnedSeal = (): LatestSeal | null => {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as LatestSeal) : null;
  } catch {
    return null;
  }
};

export const pinSeal = (s: LatestSeal) => localStorage.setItem(KEY, JSON.stringify(s));
export const unpinSeal = () => localStorage.removeItem(KEY);

/** base64url of the UTF-8 JSON. */
export const asPin = (value: unknown): string => {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};
