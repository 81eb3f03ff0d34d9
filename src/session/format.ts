// The session file: versioned JSON holding sources, history, state, layout, appearance and notes (the public entry; the parts live in file-*.ts).
export { SESSION_FORMAT, SESSION_LIMITS, SESSION_VERSION, type SessionFile, type SessionSource } from "./file-types.ts";
export { sessionSchema, stateSchema } from "./file-schema.ts";
export {
  describeHashedSource,
  describeSource,
  forWriting,
  historyOf,
  serializeSession,
  snapshotOf,
  toSessionFile,
  withoutContent,
  withoutCredentials,
  type SessionParts,
} from "./file-write.ts";
export { isQueryEntry, nodeReferences, parseSessionFile, type ParseOptions } from "./file-read.ts";
export { utf8Length } from "./text-size.ts";
export { withRepeatedPositionsLeftOut } from "./written-positions.ts";
export { SessionFileError, type SessionErrorKind } from "./schema.ts";
