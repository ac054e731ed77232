/** A new random key for the `Idempotency-Key` header (a UUID v4). */
export function newIdempotencyKey(): string {
  const cryptoApi = globalThis.crypto;
  // randomUUID needs a secure context; getRandomValues works everywhere.
  if (typeof cryptoApi?.randomUUID === 'function') {
    try {
      return cryptoApi.randomUUID();
    } catch {
      // Fall through.
    }
  }
  const bytes = new Uint8Array(16);
  if (typeof cryptoApi?.getRandomValues === 'function') {
    cryptoApi.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * One key per submission attempt: the same payload sent again (a retry after
 * a lost connection) reuses the key so the server answers with the first
 * result instead of creating a duplicate; a changed payload gets a new key.
 */
export class IdempotencyKeys {
  private key: string | null = null;
  private payload: string | null = null;

  keyFor(payload: unknown): string {
    const serialised = JSON.stringify(payload);
    if (!this.key || serialised !== this.payload) {
      this.key = newIdempotencyKey();
      this.payload = serialised;
    }
    return this.key;
  }

  /** Forget the key once the attempt has an answer that should not be replayed. */
  reset(): void {
    this.key = null;
    this.payload = null;
  }
}
