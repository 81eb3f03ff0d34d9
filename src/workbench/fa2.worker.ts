// The ForceAtlas2 worker: runs Fa2Loop's slices back to back and posts the positions after each.
import { Fa2Loop, type Fa2Request } from "./fa2-loop.ts";

const loop = new Fa2Loop();
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
  (self as unknown as Worker).postMessage(positions, [positions.xy.buffer]);
  schedule();
};

self.addEventListener("message", (event: MessageEvent<Fa2Request>) => {
  loop.handle(event.data);
  schedule();
});
