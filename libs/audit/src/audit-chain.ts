import { canonicalJson, digest, type HashAlgorithm } from '@app/common';

export const GENESIS_HASH = '0'.repeat(64);
export const SYSTEM_CHAIN = 'system';

/** The fields a link's hash covers: everything but the row id and the hash itself. */
export interface ChainedFields {
  chainKey: string;
  seq: number;
  selectionId: string | null;
  actorId: string | null;
  actorUsername: string | null;
  actorRoles: string[];
  action: string;
  entity: string;
  entityId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  ip: string | null;
  userAgent: string | null;
  occurredAt: Date;
  hashAlg: HashAlgorithm;
  prevHash: string;
}

/** hash = H(prev_hash || canonical_json(event)), H being SHA-256 or SM3 as the event records. */
export function linkHash(f: ChainedFields): string {
  const { prevHash, ...event } = f;
  return digest(f.hashAlg, prevHash, canonicalJson({ ...event, occurredAt: f.occurredAt.toISOString() }));
}

/**
 * JSON as Postgres jsonb will give it back (dates as ISO strings, undefined dropped), so the hash
 * computed before the insert equals the one recomputed from the stored row.
 */
export function toStoredJson(value: unknown): Record<string, unknown> | null {
  if (value === undefined || value === null) return null;
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}
