// The session schema language's types and builders, and the error that says where and what is wrong.

/** Where a value is wrong (`history[3].action.params.from`) and what is wrong with it. */
export class SessionFileError extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
    readonly kind: SessionErrorKind,
  ) {
    super(`session: ${path ? `${path}: ` : ""}${problem}`);
    this.name = "SessionFileError";
  }
}

export type SessionErrorKind =
  | "not-json"
  | "too-large"
  | "not-a-session"
  | "future-version"
  | "bad-version"
  | "missing-field"
  | "unknown-field"
  | "wrong-type"
  | "too-long"
  | "too-many"
  | "out-of-range"
  | "not-allowed"
  | "bad-iri"
  | "forbidden-key"
  | "credentials"
  | "control-character"
  | "hash-mismatch"
  | "inconsistent"
  | "unknown-nodes";

interface Base {
  /** One line for docs/session-format.md. */
  doc?: string;
}
export interface StringSchema extends Base {
  type: "string";
  max: number;
  /** An IRI (absolute, or `_:label` for a blank node). */
  iri?: boolean;
  enum?: readonly string[];
  pattern?: RegExp;
  /** What the pattern means, for messages. */
  patternName?: string;
  /** Data carried verbatim (a loaded file's text): only the length is checked, since the hash pins the content. */
  verbatim?: boolean;
}
export interface NumberSchema extends Base {
  type: "number";
  min?: number;
  max?: number;
  integer?: boolean;
}
export interface BooleanSchema extends Base {
  type: "boolean";
}
export interface ArraySchema extends Base {
  type: "array";
  items: Schema;
  max: number;
}
export interface TupleSchema extends Base {
  type: "tuple";
  items: Schema[];
}
export interface ObjectSchema extends Base {
  type: "object";
  fields: Record<string, Schema>;
  /** Fields that may be absent. */
  optional?: readonly string[];
}
export interface RecordSchema extends Base {
  type: "record";
  /** Keys must be IRIs (node notes, positions) or match the pattern. */
  keys: StringSchema;
  values: Schema;
  max: number;
}
export interface NullableSchema extends Base {
  type: "nullable";
  of: Schema;
}
/** Any JSON, copied with the same key and string checks (for data another schema checks later). */
export interface AnySchema extends Base {
  type: "any";
  /** Cap on array items and object keys at every level. */
  max: number;
}
/** Objects told apart by a string field (e.g. `kind`). */
export interface UnionSchema extends Base {
  type: "union";
  tag: string;
  variants: Record<string, ObjectSchema>;
}
export type Schema =
  | StringSchema
  | NumberSchema
  | BooleanSchema
  | ArraySchema
  | TupleSchema
  | ObjectSchema
  | RecordSchema
  | NullableSchema
  | UnionSchema
  | AnySchema;


// Builders, so the file schema reads like the documentation.
export const str = (max: number, extra: Partial<StringSchema> = {}): StringSchema => ({ type: "string", max, ...extra });
export const iri = (doc?: string): StringSchema => ({ type: "string", max: IRI_MAX, iri: true, doc });
export const num = (extra: Partial<NumberSchema> = {}): NumberSchema => ({ type: "number", ...extra });
export const int = (min: number, max: number, doc?: string): NumberSchema => ({ type: "number", integer: true, min, max, doc });
export const bool = (doc?: string): BooleanSchema => ({ type: "boolean", doc });
export const arr = (items: Schema, max: number, doc?: string): ArraySchema => ({ type: "array", items, max, doc });
export const obj = (fields: Record<string, Schema>, optional: readonly string[] = [], doc?: string): ObjectSchema => ({ type: "object", fields, optional, doc });
export const nullable = (of: Schema, doc?: string): NullableSchema => ({ type: "nullable", of, doc });
export const oneOf = (values: readonly string[], doc?: string): StringSchema => ({ type: "string", max: 64, enum: values, doc });
export const withDoc = <S extends Schema>(schema: S, doc: string): S => ({ ...schema, doc });

/** Longest IRI accepted (IRIs in this data are under 200 characters). */
export const IRI_MAX = 2048;
