import { type FormEvent, type ReactNode, useEffect, useId, useMemo, useRef, useState } from 'react';
import { api, ApiProblem } from '../shared/api-client';
import { useLang, useMessages } from '../shared/i18n';
import { sentenceVi } from './field-labels.messages';
import { buildBody, emptyValue, fieldNames, type FormRecord, type FormValue, isAbout, setAt } from './form-values';
import { type JsonSchema, requestBodySchema } from './openapi-schemas';
import { SchemaField, SchemaFormContext } from './schema-field';
import { workMessages } from './work.messages';

export interface SchemaFormProps {
  /** The route as the API document names it: `/activities/conference`, `/obligations/{id}/progress`. */
  route: string;
  /** Where to send it: the route with its parameters filled in. */
  url: string;
  /** Values the page decides (the unit): sent, not shown. */
  fixed?: Record<string, unknown>;
  /** Fields neither shown nor sent (a generated id). */
  hidden?: string[];
  initial?: FormRecord;
  selects?: Record<string, { value: string; label: string }[]>;
  submitLabel?: string;
  /** Called with the API's answer once it is recorded. */
  onDone: (answer: unknown) => void | Promise<void>;
  children?: ReactNode;
}

const merge = (base: FormValue, over: FormValue | undefined): FormValue => {
  if (over === undefined) return base;
  if (
    base &&
    typeof base === 'object' &&
    !Array.isArray(base) &&
    over &&
    typeof over === 'object' &&
    !Array.isArray(over)
  )
    return Object.fromEntries(
      [...new Set([...Object.keys(base), ...Object.keys(over)])].map((k) => [
        k,
        merge((base as FormRecord)[k], (over as FormRecord)[k]),
      ]),
    );
  return over;
};

/** The refusal's kind in Vietnamese; its detail stays in the API's words. */
const STATUS_VI: Record<number, string> = {
  400: 'Dữ liệu chưa hợp lệ',
  403: 'Không có quyền thực hiện',
  404: 'Không tìm thấy',
  409: 'Xung đột với dữ liệu đã ghi nhận',
  412: 'Dữ liệu đã thay đổi',
  422: 'Không thực hiện được bước này',
  429: 'Quá nhiều yêu cầu, vui lòng thử lại sau',
};

/** Leaves out what the page fills in or hides. */
const shown = (s: JsonSchema, leaveOut: string[]): JsonSchema => ({
  ...s,
  properties: Object.fromEntries(Object.entries(s.properties ?? {}).filter(([k]) => !leaveOut.includes(k))),
  required: (s.required ?? []).filter((k) => !leaveOut.includes(k)),
});

/**
 * A form generated from the request body schema the API validates with: every field labelled,
 * required ones marked, and each refusal sentence shown beside the field it is about.
 */
export const SchemaForm = (p: SchemaFormProps) => {
  const m = useMessages(workMessages);
  const { lang } = useLang();
  const idBase = `sf${useId().replace(/[^A-Za-z0-9]/g, '')}`;
  const [schema, setSchema] = useState<JsonSchema | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [values, setValues] = useState<FormValue>({});
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const leaveOut = useMemo(() => [...Object.keys(p.fixed ?? {}), ...(p.hidden ?? [])], [p.fixed, p.hidden]);
  const initial = p.initial;

  useEffect(() => {
    let live = true;
    requestBodySchema('post', p.route)
      .then((s) => {
        if (!live) return;
        const visible = s && shown(s, leaveOut);
        setSchema(visible);
        setValues(visible ? merge(emptyValue(visible), initial) : {});
      })
      .catch((e: unknown) => live && setLoadError(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
    };
    // The form is drawn once per route; the page's fixed values do not redraw it.
  }, [p.route]);

  useEffect(() => {
    if ((problem || failure) && alertRef.current) alertRef.current.focus();
  }, [problem, failure]);

  if (loadError) return <p className="problem">{loadError}</p>;
  if (schema === undefined) return <p className="loading">{m.loading}</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setProblem(null);
    setFailure(null);
    try {
      const body = schema ? buildBody(schema, values as FormRecord, p.fixed) : undefined;
      const answer = await api<unknown>(p.url, { method: 'POST', body });
      setValues(schema ? merge(emptyValue(schema), initial) : {});
      await p.onDone(answer);
    } catch (err) {
      if (err instanceof ApiProblem) setProblem(err);
      else setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setSending(false);
    }
  };

  const names = schema ? fieldNames(schema, values) : [];
  const elsewhere = (problem?.errors ?? []).filter((e) => !names.some((n) => isAbout(e, n)));
  const beside = (problem?.errors.length ?? 0) > elsewhere.length;
  const say = (e: string) => (lang === 'vi' ? sentenceVi(e) : e);

  return (
    <SchemaFormContext.Provider
      value={{
        values,
        set: (path, v) => setValues((cur) => setAt(cur, path, v)),
        problem,
        idBase,
        selects: p.selects ?? {},
      }}
    >
      <form className="schema-form" noValidate onSubmit={(e) => void submit(e)}>
        {(problem || failure) && (
          <div className="banner warn" role="alert" tabIndex={-1} ref={alertRef}>
            <p>
              <strong>
                {m.problem}
                {problem
                  ? `: ${lang === 'vi' ? (STATUS_VI[problem.status] ?? problem.body.title) : problem.body.title}`
                  : ''}
              </strong>
            </p>
            {/* A validation refusal's detail is its sentences joined: they are shown beside their fields instead. */}
            {problem?.body.detail && !problem.errors.length && <p>{problem.body.detail}</p>}
            {failure && <p>{failure}</p>}
            {beside && <p>{m.fixFields}</p>}
            {elsewhere.length > 0 && (
              <ul>
                {elsewhere.map((e) => (
                  <li key={e}>{say(e)}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {p.children}
        {schema &&
          Object.entries(schema.properties ?? {}).map(([k, s]) => (
            <SchemaField key={k} schema={s} path={[k]} required={(schema.required ?? []).includes(k)} />
          ))}
        <p>
          <button type="submit" className="primary" disabled={sending}>
            {sending ? m.sending : (p.submitLabel ?? m.submit)}
          </button>
        </p>
      </form>
    </SchemaFormContext.Provider>
  );
};
