/**
 * Drafts: what a person types into a long form is written to this phone as
 * they type, so a reload, a crash or the update prompt never loses it. Kept
 * per user under the `pw.` prefix of localStorage, which logging out empties.
 */

const PREFIX = 'pw.draft.';

function keyOf(user: string, name: string): string {
  return `${PREFIX}${user}.${name}`;
}

export function loadDraft<T>(user: string, name: string): T | null {
  try {
    const raw = localStorage.getItem(keyOf(user, name));
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function saveDraft(user: string, name: string, value: unknown): void {
  try {
    localStorage.setItem(keyOf(user, name), JSON.stringify(value));
  } catch {
    // Storage full or unavailable: the form still works, without a draft.
  }
}

export function clearDraft(user: string, name: string): void {
  try {
    localStorage.removeItem(keyOf(user, name));
  } catch {
    // Nothing to clear.
  }
}
