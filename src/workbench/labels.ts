// Node labels drawn on the canvas with a white halo, so they stay readable over edges and neighbouring nodes.
import type { NodeLabelDrawingFunction } from "sigma/rendering";

export const drawLabelWithHalo: NodeLabelDrawingFunction = (context, data, settings) => {
  if (!data.label) return;
  const size = settings.labelSize;
  context.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  context.lineJoin = "round";
  context.lineWidth = 3.5;
  context.strokeStyle = "rgba(251, 252, 253, 0.92)";
  context.strokeText(data.label, x, y);
  context.fillStyle = settings.labelColor.color ?? "#1f2430";
  context.fillText(data.label, x, y);
};
