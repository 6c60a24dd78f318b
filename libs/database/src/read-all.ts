import type { EntityManager } from 'typeorm';

type Results<T extends readonly (() => Promise<unknown>)[]> = { -readonly [K in keyof T]: Awaited<ReturnType<T[K]>> };

/**
 * Runs independent reads: in parallel on the pool when `manager` is not in a transaction (each
 * query gets its own connection), one after another inside a transaction, whose single
 * connection cannot run two queries at once (pg queues them and warns it will refuse).
 */
export async function readAll<T extends readonly (() => Promise<unknown>)[]>(manager: EntityManager, tasks: T): Promise<Results<T>> {
  if (!manager.queryRunner?.isTransactionActive) return (await Promise.all(tasks.map((t) => t()))) as Results<T>;
  const out: unknown[] = [];
  for (const task of tasks) out.push(await task());
  return out as Results<T>;
}
