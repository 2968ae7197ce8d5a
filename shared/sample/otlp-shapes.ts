/** The OTLP/JSON shapes the sample generator writes, with hex ids and int64 as strings. */

export type OtlpValue = { stringValue: string } | { intValue: string } | { doubleValue: number } | { boolValue: boolean };
export interface OtlpKv {
  key: string;
  value: OtlpValue;
}
export interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: OtlpKv[];
  status: { code: number; message?: string };
  events?: Array<{ timeUnixNano: string; name: string; attributes: OtlpKv[] }>;
}
export interface OtlpLog {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: { stringValue: string };
  traceId: string;
  spanId: string;
  attributes: OtlpKv[];
}

export const kv = (key: string, v: string | number | boolean): OtlpKv => ({
  key,
  value:
    typeof v === 'string'
      ? { stringValue: v }
      : typeof v === 'boolean'
        ? { boolValue: v }
        : Number.isInteger(v)
          ? { intValue: String(v) }
          : { doubleValue: v },
});
