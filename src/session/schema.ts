// A small schema language for untrusted session JSON: validates, copies only known fields and says where and what is wrong.
import { controlCharacter, credentialName, isIri, prototypeKeys, stripUserinfo, urlWithUserinfo, withoutControlCharacters } from "./safe-text.ts";
import { SessionFileError, type AnySchema, type ObjectSchema, type Schema, type StringSchema } from "./schema-types.ts";

export * from "./schema-types.ts";
export { credentialName, isIri, stripUserinfo, urlWithUserinfo, withoutControlCharacters } from "./safe-text.ts";

const child = (path: string, key: string) => (path ? `${path}.${key}` : key);
const item = (path: string, index: number) => `${path}[${index}]`;
const recordKey = (path: string, key: string) => `${path}[${JSON.stringify(key)}]`;

function typeName(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return "a string";
  return `a ${typeof value}`;
}

function checkKey(key: string, path: string): void {
  if (prototypeKeys.has(key)) throw new SessionFileError(recordKey(path, key), `the key "${key}" is not allowed (it would reach object prototypes)`, "forbidden-key");
  if (credentialName.test(key)) {
    throw new SessionFileError(recordKey(path, key), `a field named like a credential ("${key}"); sessions never carry passwords, tokens or keys`, "credentials");
  }
}

function checkString(value: string, schema: StringSchema, path: string): string {
  if (value.length > schema.max) throw new SessionFileError(path, `text of ${value.length} characters is longer than the ${schema.max} allowed`, "too-long");
  if (schema.verbatim) return value;
  if (controlCharacter.test(value)) {
    const code = value.codePointAt(value.search(controlCharacter))!;
    throw new SessionFileError(path, `contains the control character U+${code.toString(16).toUpperCase().padStart(4, "0")}`, "control-character");
  }
  if (urlWithUserinfo.test(value)) throw new SessionFileError(path, "a URL with a user name or password (user:password@host); remove the credentials", "credentials");
  if (schema.enum && !schema.enum.includes(value)) {
    throw new SessionFileError(path, `${JSON.stringify(value.slice(0, 80))} is not one of ${schema.enum.map((e) => JSON.stringify(e)).join(", ")}`, "not-allowed");
  }
  if (schema.iri && !isIri(value)) throw new SessionFileError(path, `${JSON.stringify(value.slice(0, 80))} is not an IRI`, "bad-iri");
  if (schema.pattern && !schema.pattern.test(value)) {
    throw new SessionFileError(path, `${JSON.stringify(value.slice(0, 80))} is not ${schema.patternName ?? `of the form ${schema.pattern}`}`, "not-allowed");
  }
  return value;
}

/** Checks `value` against `schema` and returns a fresh copy holding only what the schema describes. */
export function validate<T>(value: unknown, schema: Schema, path = ""): T {
  return check(value, schema, path) as T;
}

function check(value: unknown, schema: Schema, path: string): unknown {
  switch (schema.type) {
    case "string":
      if (typeof value !== "string") throw new SessionFileError(path, `expected a string, got ${typeName(value)}`, "wrong-type");
      return checkString(value, schema, path);
    case "number": {
      if (typeof value !== "number" || !Number.isFinite(value)) throw new SessionFileError(path, `expected a number, got ${typeName(value)}`, "wrong-type");
      if (schema.integer && !Number.isInteger(value)) throw new SessionFileError(path, `expected an integer, got ${value}`, "wrong-type");
      if ((schema.min !== undefined && value < schema.min) || (schema.max !== undefined && value > schema.max)) {
        throw new SessionFileError(path, `${value} is outside ${schema.min ?? "-∞"}..${schema.max ?? "∞"}`, "out-of-range");
      }
      return value;
    }
    case "boolean":
      if (typeof value !== "boolean") throw new SessionFileError(path, `expected true or false, got ${typeName(value)}`, "wrong-type");
      return value;
    case "nullable":
      return value === null ? null : check(value, schema.of, path);
    case "array": {
      if (!Array.isArray(value)) throw new SessionFileError(path, `expected an array, got ${typeName(value)}`, "wrong-type");
      if (value.length > schema.max) throw new SessionFileError(path, `${value.length} items, more than the ${schema.max} allowed`, "too-many");
      return value.map((x, i) => check(x, schema.items, item(path, i)));
    }
    case "tuple": {
      if (!Array.isArray(value) || value.length !== schema.items.length) {
        throw new SessionFileError(path, `expected an array of ${schema.items.length} items, got ${Array.isArray(value) ? `${value.length} items` : typeName(value)}`, "wrong-type");
      }
      return value.map((x, i) => check(x, schema.items[i], item(path, i)));
    }
    case "object":
      return checkObject(value, schema, path);
    case "record": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SessionFileError(path, `expected an object, got ${typeName(value)}`, "wrong-type");
      const keys = Object.keys(value);
      if (keys.length > schema.max) throw new SessionFileError(path, `${keys.length} entries, more than the ${schema.max} allowed`, "too-many");
      const entries: [string, unknown][] = [];
      for (const key of keys) {
        checkKey(key, path);
        checkString(key, schema.keys, recordKey(path, key));
        entries.push([key, check((value as Record<string, unknown>)[key], schema.values, recordKey(path, key))]);
      }
      // fromEntries defines own properties, so even an odd key can never set a prototype.
      return Object.fromEntries(entries);
    }
    case "any":
      return checkAny(value, schema, path, 0);
    case "union": {
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SessionFileError(path, `expected an object, got ${typeName(value)}`, "wrong-type");
      const tag = (value as Record<string, unknown>)[schema.tag];
      if (typeof tag !== "string") throw new SessionFileError(child(path, schema.tag), `expected one of ${Object.keys(schema.variants).map((k) => JSON.stringify(k)).join(", ")}`, "missing-field");
      const variant = Object.hasOwn(schema.variants, tag) ? schema.variants[tag] : undefined;
      if (!variant) {
        throw new SessionFileError(child(path, schema.tag), `unknown ${schema.tag} ${JSON.stringify(tag.slice(0, 40))} (expected one of ${Object.keys(schema.variants).join(", ")})`, "not-allowed");
      }
      return checkObject(value, variant, path);
    }
  }
}

const anyText: StringSchema = { type: "string", max: 1 << 24 };

function checkAny(value: unknown, schema: AnySchema, path: string, depth: number): unknown {
  if (depth > 32) throw new SessionFileError(path, "nested more than 32 levels deep", "too-many");
  if (typeof value === "string") return checkString(value, anyText, path);
  if (value === null || typeof value === "number" || typeof value === "boolean") return value;
  if (Array.isArray(value)) {
    if (value.length > schema.max) throw new SessionFileError(path, `${value.length} items, more than the ${schema.max} allowed`, "too-many");
    return value.map((x, i) => checkAny(x, schema, item(path, i), depth + 1));
  }
  if (typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length > schema.max) throw new SessionFileError(path, `${keys.length} entries, more than the ${schema.max} allowed`, "too-many");
    return Object.fromEntries(keys.map((key) => {
      checkKey(key, path);
      return [key, checkAny((value as Record<string, unknown>)[key], schema, child(path, key), depth + 1)];
    }));
  }
  throw new SessionFileError(path, `unexpected ${typeName(value)}`, "wrong-type");
}

function checkObject(value: unknown, schema: ObjectSchema, path: string): Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) throw new SessionFileError(path, `expected an object, got ${typeName(value)}`, "wrong-type");
  const source = value as Record<string, unknown>;
  for (const key of Object.keys(source)) {
    checkKey(key, path);
    if (!Object.hasOwn(schema.fields, key)) {
      throw new SessionFileError(child(path, key), `unknown field (expected ${Object.keys(schema.fields).join(", ")})`, "unknown-field");
    }
  }
  const out: Record<string, unknown> = {};
  for (const [key, fieldSchema] of Object.entries(schema.fields)) {
    if (!Object.hasOwn(source, key) || source[key] === undefined) {
      if (schema.optional?.includes(key)) continue;
      throw new SessionFileError(child(path, key), "missing", "missing-field");
    }
    out[key] = check(source[key], fieldSchema, child(path, key));
  }
  return out;
}

/**
 * `value` ready to save under `schema`, in one pass: object keys sorted (stable bytes), `user:password@` removed from
 * every URL, and free text made to fit without losing anything that identifies something (control characters
 * replaced, text over its cap cut, ending in "…"). IRIs, enums and patterned strings are only stripped of
 * credentials; verbatim data is left alone. Values the schema does not describe are cleaned the same generic way.
 */
export function fitToSchema(value: unknown, schema: Schema | undefined): unknown {
  if (typeof value === "string") {
    if (schema?.type === "string" && schema.verbatim) return value;
    const stripped = stripUserinfo(value);
    if (schema?.type !== "string" || schema.iri || schema.enum || schema.pattern) return stripped;
    const clean = withoutControlCharacters(stripped);
    return clean.length > schema.max ? `${clean.slice(0, schema.max - 1)}…` : clean;
  }
  if (schema?.type === "nullable") return fitToSchema(value, schema.of);
  if (Array.isArray(value)) {
    const itemSchema = (i: number) => (schema?.type === "array" ? schema.items : schema?.type === "tuple" ? schema.items[i] : undefined);
    return value.map((x, i) => fitToSchema(x, itemSchema(i)));
  }
  if (!isObject(value)) return value;
  let fields: ((key: string) => Schema | undefined) = () => undefined;
  if (schema?.type === "record") fields = () => schema.values;
  else if (schema?.type === "object") fields = (k) => (Object.hasOwn(schema.fields, k) ? schema.fields[k] : undefined);
  else if (schema?.type === "union") {
    const tag = value[schema.tag];
    const variant = typeof tag === "string" && Object.hasOwn(schema.variants, tag) ? schema.variants[tag] : undefined;
    if (variant) fields = (k) => (Object.hasOwn(variant.fields, k) ? variant.fields[k] : undefined);
  }
  return Object.fromEntries(
    Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => [stripUserinfo(k), fitToSchema(value[k], fields(k))]),
  );
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
