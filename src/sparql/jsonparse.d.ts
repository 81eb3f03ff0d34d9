// Types for the parts of @bergos/jsonparse (which ships none) that the streamed SELECT reader uses.
declare module "@bergos/jsonparse" {
  /** One open array or object above the value being read: the container and the key it has in its own parent. */
  interface Frame {
    value: unknown;
    key: string | number | undefined;
  }

  /** An incremental JSON reader: onValue hears every value once it is complete, innermost first. */
  export default class JsonParser {
    /** The open containers, outermost first (the root's frame holds undefined). */
    stack: Frame[];
    /** The container the value just completed sits in, and its key or index there. */
    value: unknown;
    key: string | number | undefined;
    onValue(value: unknown): void;
    /** Called with a syntax error; the default throws it out of write(). */
    onError(error: Error): void;
    write(text: string | Uint8Array): void;
  }
}
