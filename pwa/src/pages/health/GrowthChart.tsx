import type { CurvePoint } from '../../api/health';
import { useI18n } from '../../i18n';
import { formatMeasure } from './format';
import { chartGeometry, type ChartInputPoint, type SdLine } from './growthChart';

export type ChartIndicator = 'wfa' | 'lhfa';

export interface ChartDot extends ChartInputPoint {
  measured_on: string;
  weight_kg: number | null;
  height_cm: number | null;
}

const LINE_CLASS: Record<SdLine, string> = {
  sd3neg: 'gc-line gc-line--sd3',
  sd2neg: 'gc-line gc-line--sd2',
  sd0: 'gc-line gc-line--sd0',
  sd2: 'gc-line gc-line--sd2',
  sd3: 'gc-line gc-line--sd3',
};

const LINE_LABEL: Record<SdLine, string> = {
  sd3neg: '−3',
  sd2neg: '−2',
  sd0: '0',
  sd2: '+2',
  sd3: '+3',
};

/**
 * The child's measurements on WHO's reference lines, as an inline SVG. The
 * measurement table under the chart carries the same data for screen readers.
 */
export function GrowthChartSvg({
  indicator,
  curves,
  dots,
  highlight,
  describedBy,
}: {
  indicator: ChartIndicator;
  curves: CurvePoint[];
  dots: ChartDot[];
  /** measured_on of a point to emphasise (the one just recorded). */
  highlight?: string | null;
  describedBy?: string;
}) {
  const { t, lang } = useI18n();
  const chart = chartGeometry(curves, dots);
  const byAge = new Map(dots.map((dot) => [`${dot.age_days}:${dot.value}`, dot]));
  const unit = indicator === 'wfa' ? 'kg' : 'cm';
  const title = indicator === 'wfa' ? t('kia.chart.wfa') : t('kia.chart.lhfa');
  const last = chart.points[chart.points.length - 1];
  const label = last
    ? t('kia.chart.label', {
        title,
        n: chart.points.length,
        value: `${formatMeasure(last.value, lang, 2)} ${unit}`,
        months: Math.floor(last.age_days / 30.4375),
      })
    : t('kia.chart.labelEmpty', { title });
  // Line names at the right end, leaving out those that would overlap.
  const lastCurve = [...curves].sort((a, b) => a.age_days - b.age_days).pop();
  const labels: { key: SdLine; y: number }[] = [];
  if (lastCurve) {
    for (const line of [...chart.lines].reverse()) {
      const y = chart.y(lastCurve[line.key]);
      if (!labels.length || y - labels[labels.length - 1]!.y >= 10)
        labels.push({ key: line.key, y });
    }
  }

  return (
    <svg
      class="growth-chart"
      data-testid="growth-chart"
      data-indicator={indicator}
      role="img"
      aria-label={label}
      aria-describedby={describedBy}
      viewBox={`0 0 ${chart.width} ${chart.height}`}
      preserveAspectRatio="xMidYMid meet"
      focusable="false"
    >
      <rect
        class="gc-plot"
        x={chart.plot.left}
        y={chart.plot.top}
        width={chart.plot.right - chart.plot.left}
        height={chart.plot.bottom - chart.plot.top}
      />
      {chart.normalBand && <path class="gc-band" d={chart.normalBand} />}
      {chart.yTicks.map((tick) => (
        <g key={`y${tick.value}`} class="gc-tick">
          <line x1={chart.plot.left} x2={chart.plot.right} y1={tick.position} y2={tick.position} />
          <text x={chart.plot.left - 4} y={tick.position + 3.5} text-anchor="end">
            {formatMeasure(tick.value, lang)}
          </text>
        </g>
      ))}
      {chart.xTicks.map((tick) => (
        <g key={`x${tick.value}`} class="gc-tick">
          <line x1={tick.position} x2={tick.position} y1={chart.plot.top} y2={chart.plot.bottom} />
          <text x={tick.position} y={chart.plot.bottom + 14} text-anchor="middle">
            {tick.value}
          </text>
        </g>
      ))}
      {chart.lines.map((line) => (
        <path key={line.key} class={LINE_CLASS[line.key]} d={line.d} />
      ))}
      {labels.map((label) => (
        <text
          key={`l${label.key}`}
          class="gc-line-label"
          x={chart.plot.right + 2}
          y={label.y + 3.5}
        >
          {LINE_LABEL[label.key]}
        </text>
      ))}
      <text
        class="gc-axis"
        x={(chart.plot.left + chart.plot.right) / 2}
        y={chart.height - 6}
        text-anchor="middle"
      >
        {t('kia.chart.xAxis')}
      </text>
      <text
        class="gc-axis"
        transform={`translate(10 ${(chart.plot.top + chart.plot.bottom) / 2}) rotate(-90)`}
        text-anchor="middle"
      >
        {indicator === 'wfa' ? t('kia.chart.yWeight') : t('kia.chart.yLength')}
      </text>
      {chart.trail && <path class="gc-trail" d={chart.trail} />}
      {chart.points.map((point) => {
        const dot = byAge.get(`${point.age_days}:${point.value}`);
        return (
          <circle
            key={`${point.age_days}-${point.value}`}
            class={dot && dot.measured_on === highlight ? 'gc-point gc-point--new' : 'gc-point'}
            data-testid="growth-point"
            data-age-days={point.age_days}
            data-weight={dot?.weight_kg ?? undefined}
            data-height={dot?.height_cm ?? undefined}
            data-measured-on={dot?.measured_on}
            cx={point.x}
            cy={point.y}
            r={dot && dot.measured_on === highlight ? 5.5 : 4}
          />
        );
      })}
    </svg>
  );
}
