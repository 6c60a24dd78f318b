import { Alert, Form, Spin, Tag, type FormInstance } from 'antd';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { CANDIDATE_STATE_LABELS, type CandidateState } from '@app/rulebook';
import { ApiError, type ApiErrorBody } from './api';

/** Loads data on mount and whenever `deps` change; `reload()` fetches again without a page reload. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): { data: T | undefined; error: ApiError | null; loading: boolean; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const loader = useRef(load);
  loader.current = load;
  useEffect(() => {
    let live = true;
    setLoading(true);
    loader
      .current()
      .then((d) => {
        if (!live) return;
        setData(d);
        setError(null);
      })
      .catch((e: unknown) => {
        if (live) setError(asApiError(e));
      })
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}

export function asApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError({ statusCode: 0, code: 'CLIENT', message: e instanceof Error ? e.message : String(e) });
}

/** `posts.0.unitId` → ['posts', 0, 'unitId'], the name path of an antd form field. */
const namePath = (field: string) => field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));

/**
 * Puts VALIDATION_FAILED messages (and conflicts carrying `errors`) on the form fields they name;
 * returns what could not be placed on a field, for an alert above the form.
 */
export function applyApiError(form: FormInstance, e: unknown, aliases: Record<string, string> = {}): ApiErrorBody | null {
  const err = asApiError(e);
  const errors = err.body.errors ?? [];
  const placed: { name: (string | number)[]; errors: string[] }[] = [];
  const rest: string[] = [];
  for (const fe of errors) {
    const name = namePath(aliases[fe.field] ?? fe.field);
    const exists = form.getFieldInstance?.(name) !== undefined || form.getFieldValue(name) !== undefined;
    if (exists) placed.push({ name, errors: [fe.message] });
    else rest.push(`${fe.field}：${fe.message}`);
  }
  if (placed.length) form.setFields(placed);
  if (placed.length && rest.length === 0 && err.code === 'VALIDATION_FAILED') return null;
  return { ...err.body, message: rest.length ? `${err.message}：${rest.join('；')}` : err.message };
}

export function ErrorAlert({ error, onClose }: { error: ApiErrorBody | ApiError | null | undefined; onClose?: () => void }) {
  if (!error) return null;
  const body = error instanceof ApiError ? error.body : error;
  return <Alert type="error" showIcon title={body.message} closable={!!onClose} onClose={onClose} style={{ marginBottom: 16 }} data-testid="api-error" />;
}

export function Loading({ loading, error, children }: { loading: boolean; error: ApiError | null; children: ReactNode }) {
  if (error) return <ErrorAlert error={error} />;
  if (loading) return <Spin style={{ display: 'block', margin: '48px auto' }} />;
  return <>{children}</>;
}

const STATE_COLORS: Record<CandidateState, string> = {
  active: 'green',
  on_hold: 'orange',
  excluded: 'red',
  not_selected: 'default',
  withdrawn: 'default',
  appointed: 'blue',
};

export function StateTag({ state }: { state: CandidateState }) {
  return <Tag color={STATE_COLORS[state]}>{CANDIDATE_STATE_LABELS[state]}</Tag>;
}

export const RULE_STATUS = {
  met: { label: '已满足', color: 'green' },
  unmet: { label: '未满足', color: 'red' },
  waived: { label: '已豁免', color: 'blue' },
  not_applicable: { label: '不适用', color: 'default' },
} as const;

export const fmtTime = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

/** An antd DatePicker value (dayjs) → ISO instant. */
export const toInstant = (v: { toISOString(): string } | undefined | null) => (v ? v.toISOString() : undefined);

export const required = (label: string) => [{ required: true, message: `请填写${label}` }];

export { Form };
