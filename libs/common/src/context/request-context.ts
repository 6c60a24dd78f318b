import { AsyncLocalStorage } from 'node:async_hooks';

export interface Actor {
  id: string;
  username: string;
  roles: string[];
}

export interface RequestContext {
  requestId: string;
  ip?: string;
  userAgent?: string;
  actor?: Actor;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Who is acting and under which request id, for audit events written deep in services. */
export const requestContext = {
  run<T>(ctx: RequestContext, fn: () => T): T {
    return storage.run(ctx, fn);
  },
  get(): RequestContext | undefined {
    return storage.getStore();
  },
  setActor(actor: Actor): void {
    const store = storage.getStore();
    if (store) store.actor = actor;
  },
};
