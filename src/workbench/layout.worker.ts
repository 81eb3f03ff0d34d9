// The layout worker: ForceAtlas2 runs (Fa2Loop's slices back to back, positions posted after each) and one-shot noverlap.
import { Fa2Loop, type Fa2Request } from "./fa2-loop.ts";
import { untangle, type UntangleRequest } from "./untangle.ts";

const loop = new Fa2Loop();
const post = (message: unknown, transfer: Transferable[]) => (self as unknown as Worker).postMessage(message, transfer);
// A MessageChannel hop yields to incoming messages without setTimeout's 4 ms clamp on nested timers.
const tick = new MessageChannel();
let scheduled = false;

function schedule(): void {
  if (scheduled || !loop.running) return;
  scheduled = true;
  tick.port2.postMessage(null);
}

tick.port1.onmessage = () => {
  scheduled = false;
  const positions = loop.slice();
  if (!positions) return;
  post(positions, [positions.xy.buffer]);
  schedule();
};

self.addEventListener("message", (event: MessageEvent<Fa2Request | UntangleRequest>) => {
  const request = event.data;
  if (request.type === "untangle") {
    const result = untangle(request, new Float32Array(request.nodes));
    post(result, [result.xy.buffer]);
    return;
  }
  loop.handle(request);
  schedule();
});
