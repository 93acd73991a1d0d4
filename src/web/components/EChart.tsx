// Apache ECharts with the SVG renderer (no WebGL, crisp in print and screenshots), loaded
// on first use so that pages without charts stay light.
import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';

type ECharts = typeof import('echarts/core');
let echartsModule: Promise<ECharts> | undefined;

function loadECharts(): Promise<ECharts> {
  echartsModule ??= (async () => {
    const [core, charts, components, renderers] = await Promise.all([
      import('echarts/core'),
      import('echarts/charts'),
      import('echarts/components'),
      import('echarts/renderers'),
    ]);
    core.use([
      charts.LineChart,
      charts.BarChart,
      charts.PieChart,
      components.GridComponent,
      components.TooltipComponent,
      components.LegendComponent,
      components.MarkLineComponent,
      components.TitleComponent,
      components.DatasetComponent,
      renderers.SVGRenderer,
    ]);
    return core;
  })();
  return echartsModule;
}

export function EChart({ option, height = 240, label, onReady }: { option: EChartsCoreOption; height?: number; label: string; onReady?: (chart: { getDataURL(options: object): string }) => void }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  useEffect(() => {
    let disposed = false;
    void loadECharts().then((echarts) => {
      if (disposed || !element.current) return;
      chart.current ??= echarts.init(element.current, undefined, { renderer: 'svg' });
      chart.current.setOption(option, true);
      onReady?.(chart.current);
    });
    return () => {
      disposed = true;
    };
  }, [option, onReady]);
  useEffect(() => {
    const onResize = () => chart.current?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);
  return <div ref={element} className="echart" style={{ height }} role="img" aria-label={label} />;
}
