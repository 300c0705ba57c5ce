import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

// Only what the dashboards draw, to keep the bundle small.
echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type ChartOption = echarts.EChartsCoreOption;

/** Colours with at least 3:1 contrast on white, the same as the badges'. */
export const COLOURS = {
  green: '#1a6b32',
  amber: '#b07300',
  red: '#a3161a',
  blue: '#0b4f9c',
  grey: '#6b7580',
  teal: '#0f6e6e',
  purple: '#6a3d9a',
};

/**
 * One chart: an image to assistive technology, described by `label` (the figures are also in a
 * table or as text beside it). Redrawn when the option changes, resized with its box.
 */
export const EChartBox = ({ option, label, height }: { option: ChartOption; label: string; height?: number }) => {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = box.current!;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const seen = new ResizeObserver(() => c.resize());
    seen.observe(el);
    return () => {
      seen.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option }, true);
  }, [option]);
  return <div ref={box} className="chart" role="img" aria-label={label} style={height ? { height } : undefined} />;
};
