// Shift+drag on the canvas (empty or on a relation) draws a rectangle and selects the nodes inside it; a plain drag still pans the camera.
import type { GraphView } from "./graph-view.ts";
import { nodesInRectangle, type ScreenRectangle } from "./selection.ts";

export class Marquee {
  private rectangle: ScreenRectangle | null = null;
  private readonly box: HTMLDivElement;
  private readonly unbind: (() => void)[] = [];
  private killed = false;

  /** `onSelect` receives the shown nodes inside the rectangle when the mouse is released. */
  constructor(
    private readonly view: GraphView,
    private readonly onSelect: (nodes: string[]) => void,
  ) {
    const sigma = view.sigma;
    this.box = document.createElement("div");
    this.box.className = "marquee";
    this.box.hidden = true;
    sigma.getContainer().append(this.box);

    const onDown = ({ event }: { event: { x: number; y: number; original: MouseEvent | TouchEvent } }) => {
      if (!(event.original instanceof MouseEvent) || !event.original.shiftKey || event.original.button !== 0) return;
      this.rectangle = { x1: event.x, y1: event.y, x2: event.x, y2: event.y };
    };
    sigma.on("downStage", onDown);
    // In a dense view the canvas between nodes is mostly relations: with Shift, a press on one starts the rectangle too
    // (a shift-click without a drag is still the relation's click).
    sigma.on("downEdge", onDown);
    this.unbind.push(() => {
      sigma.off("downStage", onDown);
      sigma.off("downEdge", onDown);
    });

    const captor = sigma.getMouseCaptor();
    const onMove = (event: { x: number; y: number; preventSigmaDefault(): void; original: MouseEvent | TouchEvent }) => {
      if (!this.rectangle) return;
      // Instead of panning: the camera stays, the rectangle grows.
      event.preventSigmaDefault();
      event.original.preventDefault();
      this.rectangle = { ...this.rectangle, x2: event.x, y2: event.y };
      this.draw();
    };
    const onUp = () => {
      const rectangle = this.rectangle;
      if (!rectangle) return;
      this.rectangle = null;
      this.box.hidden = true;
      // A shift-click without a drag is no marquee (the click handler decides what it does).
      if (Math.abs(rectangle.x2 - rectangle.x1) < 4 && Math.abs(rectangle.y2 - rectangle.y1) < 4) return;
      this.onSelect(this.nodesIn(rectangle));
    };
    captor.on("mousemovebody", onMove);
    captor.on("mouseup", onUp);
    this.unbind.push(() => {
      captor.off("mousemovebody", onMove);
      captor.off("mouseup", onUp);
    });
  }

  /** The nodes shown inside a screen rectangle (viewport pixels, as sigma's mouse events give them). */
  nodesIn(rectangle: ScreenRectangle): string[] {
    const { sigma, graph } = this.view;
    return nodesInRectangle(
      rectangle,
      graph.nodes(),
      (node) => {
        const data = sigma.getNodeDisplayData(node);
        return data ? sigma.framedGraphToViewport(data) : null;
      },
      // What the reducers hid (filters, "show only" neighbourhoods) is not selected.
      (node) => sigma.getNodeDisplayData(node)?.hidden !== true,
    );
  }

  private draw(): void {
    const r = this.rectangle;
    if (!r) return;
    this.box.hidden = false;
    Object.assign(this.box.style, {
      left: `${Math.min(r.x1, r.x2)}px`,
      top: `${Math.min(r.y1, r.y2)}px`,
      width: `${Math.abs(r.x2 - r.x1)}px`,
      height: `${Math.abs(r.y2 - r.y1)}px`,
    });
  }

  kill(): void {
    if (this.killed) return;
    this.killed = true;
    for (const unbind of this.unbind) unbind();
    this.box.remove();
  }
}
