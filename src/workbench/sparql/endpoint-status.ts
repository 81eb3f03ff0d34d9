// The endpoint panel's status line and Cancel button: one operation at a time, its progress, its failure or its result, said in words.
import { SparqlEndpointError } from "../../sparql/sparql-endpoint.ts";
import { NameResolutionError } from "../../query/names.ts";
import { h } from "../dom.ts";

/** A name the endpoint could not resolve, said for a person (the candidates are listed below it as buttons). */
function nameTrouble(error: NameResolutionError): string {
  const count = error.candidates.length;
  if (error.reason === "ambiguous") return `“${error.name}” names ${count} entities on the endpoint: choose one below.`;
  return `Nothing on the endpoint is named “${error.name}”${count > 0 ? `; did you mean one below?` : "."}`;
}

export class EndpointStatus {
  readonly line = h("div", { id: "ep-status", class: "ep-status", attrs: { "aria-live": "polite" } });
  readonly cancelButton = h("button", { id: "ep-cancel", hidden: true, on: { click: () => this.cancel() } }, "Cancel");
  private running: AbortController | null = null;

  cancel(): void {
    this.running?.abort();
  }

  /**
   * Runs one endpoint operation with a Cancel button (a new one cancels the last); failures (down, slow, HTTP
   * errors, malformed answers) are shown and give undefined, so callers change nothing.
   */
  async guard<T>(what: string, run: (signal: AbortSignal) => Promise<T>, onFailure?: (message: string, error: unknown) => void): Promise<T | undefined> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    this.say(what);
    this.cancelButton.hidden = false;
    try {
      return await run(controller.signal);
    } catch (error) {
      const message = this.fail(error);
      onFailure?.(message, error);
      return undefined;
    } finally {
      if (this.running === controller) {
        this.running = null;
        this.cancelButton.hidden = true;
      }
    }
  }

  /** Shows a failure as an error and returns its message; a cancel says the view is unchanged. */
  fail(error: unknown): string {
    let message = error instanceof Error ? error.message : String(error);
    if (error instanceof SparqlEndpointError && error.kind === "aborted") message = "Cancelled: the view is unchanged.";
    else if (error instanceof NameResolutionError) message = nameTrouble(error);
    else if (error instanceof SparqlEndpointError && error.kind === "network") {
      message += " — is the endpoint running, and does it allow requests from this page (CORS)?";
    }
    this.line.classList.add("sparql-error");
    this.line.textContent = message;
    return message;
  }

  /** Updates the running operation's line with the rows its walk has fetched (a walk at a hub takes seconds). */
  counting(what: string): (rows: number) => void {
    return (rows) => this.say(`${what} ${rows.toLocaleString("en-US")} rows fetched.`);
  }

  say(text: string): void {
    this.line.classList.remove("sparql-error", "warning");
    this.line.textContent = text;
  }

  /** Says `text`, warning when the endpoint's answer was cut at the row budget. */
  result(truncated: boolean, text: string): void {
    if (!truncated) {
      this.say(text);
      return;
    }
    this.say(`${text} The endpoint's answer was cut at the row budget: the result may be incomplete.`);
    this.line.classList.add("warning");
  }
}
