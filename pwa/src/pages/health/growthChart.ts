/**
 * Geometry of the growth chart: WHO reference lines (−3, −2, 0, +2, +3 SD)
 * and the child's measurements, scaled into an SVG drawing area. Pure, so
 * the placement of every point can be tested without a browser.
 */
import type { CurvePoint } from '../../api/health';

export const DAYS_PER_MONTH = 30.4375;

export const SD_LINES = ['sd3neg', 'sd2neg', 'sd0', 'sd2', 'sd3'] as const;
export type SdLine = (typeof SD_LINES)[number];

export interface ChartInputPoint {
  age_days: number;
  value: number;
}

export interface ChartSize {
  width: number;
  height: number;
  /** Room for the axis labels. */
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_SIZE: ChartSize = {
  width: 320,
  height: 250,
  margin: { top: 10, right: 22, bottom: 36, left: 34 },
};

export interface Tick {
  value: number;
  position: number;
}

export interface PlacedPoint extends ChartInputPoint {
  x: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  domain: { x: [number, number]; y: [number, number] };
  x: (ageDays: number) => number;
  y: (value: number) => number;
  /** Month ticks along the bottom axis (value in months). */
  xTicks: Tick[];
  yTicks: Tick[];
  /** SVG path data per reference line (empty when there are no curves). */
  lines: { key: SdLine; d: string }[];
  /** Area between −2 and +2 SD. */
  normalBand: string;
  points: PlacedPoint[];
  /** The child's points joined in age order. */
  trail: string;
}

const round = (n: number) => Math.round(n * 100) / 100;

function niceStep(range: number, maxTicks: number, steps: number[]): number {
  for (const step of steps) if (range / step <= maxTicks) return step;
  return steps[steps.length - 1]!;
}

/** Scales the curves and the points into the drawing area. */
export function chartGeometry(
  curves: CurvePoint[],
  points: ChartInputPoint[],
  size: ChartSize = DEFAULT_SIZE,
): ChartGeometry {
  const { width, height, margin } = size;
  const plot = {
    left: margin.left,
    top: margin.top,
    right: width - margin.right,
    bottom: height - margin.bottom,
  };

  const finite = points.filter((p) => Number.isFinite(p.value) && Number.isFinite(p.age_days));
  const ages = [...curves.map((c) => c.age_days), ...finite.map((p) => p.age_days)];
  const xMax = Math.max(DAYS_PER_MONTH, ...ages);

  const lows = [...curves.map((c) => c.sd3neg), ...finite.map((p) => p.value)];
  const highs = [...curves.map((c) => c.sd3), ...finite.map((p) => p.value)];
  let yLow = lows.length ? Math.min(...lows) : 0;
  let yHigh = highs.length ? Math.max(...highs) : 10;
  if (yHigh - yLow < 1) {
    yLow -= 0.5;
    yHigh += 0.5;
  }
  const yStep = niceStep(yHigh - yLow, 8, [0.5, 1, 2, 5, 10, 20, 50]);
  yLow = Math.max(0, Math.floor(yLow / yStep) * yStep);
  yHigh = Math.ceil(yHigh / yStep) * yStep;

  const x = (ageDays: number) => round(plot.left + (ageDays / xMax) * (plot.right - plot.left));
  const y = (value: number) =>
    round(plot.bottom - ((value - yLow) / (yHigh - yLow)) * (plot.bottom - plot.top));

  const months = xMax / DAYS_PER_MONTH;
  const monthStep = niceStep(months, 8, [1, 2, 3, 6, 12]);
  const xTicks: Tick[] = [];
  // Month m is at round(m × 30.4375) days, as in the server's curves (12 months = 365 days).
  for (let m = 0; Math.round(m * DAYS_PER_MONTH) <= xMax; m += monthStep) {
    xTicks.push({ value: m, position: x(Math.round(m * DAYS_PER_MONTH)) });
  }
  const yTicks: Tick[] = [];
  for (let v = yLow; v <= yHigh + 1e-9; v = round(v + yStep)) {
    yTicks.push({ value: round(v), position: y(v) });
  }

  const sorted = [...curves].sort((a, b) => a.age_days - b.age_days);
  const pathOf = (values: [number, number][]) =>
    values.map(([px, py], i) => `${i ? 'L' : 'M'}${px} ${py}`).join(' ');
  const lines = sorted.length
    ? SD_LINES.map((key) => ({
        key,
        d: pathOf(sorted.map((c) => [x(c.age_days), y(c[key])])),
      }))
    : [];
  const normalBand = sorted.length
    ? `${pathOf(sorted.map((c) => [x(c.age_days), y(c.sd2)]))} ${[...sorted]
        .reverse()
        .map((c) => `L${x(c.age_days)} ${y(c.sd2neg)}`)
        .join(' ')} Z`
    : '';

  const placed = [...finite]
    .sort((a, b) => a.age_days - b.age_days)
    .map((p) => ({ ...p, x: x(p.age_days), y: y(p.value) }));

  return {
    width,
    height,
    plot,
    domain: { x: [0, xMax], y: [yLow, yHigh] },
    x,
    y,
    xTicks,
    yTicks,
    lines,
    normalBand,
    points: placed,
    trail: placed.length > 1 ? pathOf(placed.map((p) => [p.x, p.y])) : '',
  };
}
