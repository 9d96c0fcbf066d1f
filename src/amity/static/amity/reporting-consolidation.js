// The consolidation page's chart, drawn with Apache ECharts from the pivot the page shows
// (its JSON in <script type="application/json">; no inline script, the CSP forbids them).
// One indicator at a time: bars by organization or province, a line across periods.
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("pivot-chart-data");
  const element = document.getElementById("chart-pivot");
  const chooser = document.getElementById("chart-indicator");
  if (!source || !element || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const language = document.documentElement.lang || "vi";
  const number = (value) => (value === null || value === undefined ? "—" : Number(value).toLocaleString(language));
  const chart = window.echarts.init(element);

  const draw = (index) => {
    const series = data.series[index];
    if (!series) return;
    const overTime = data.by === "period";
    const many = data.labels.length > 25;
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: (value) => `${number(value)} ${series.unit || ""}`.trim() },
      grid: { left: 70, right: 20, top: 20, bottom: many ? 110 : 70 },
      xAxis: {
        type: "category", data: data.labels,
        axisLabel: { rotate: data.labels.length > 6 ? 40 : 0, interval: 0, width: 120, overflow: "truncate" },
      },
      yAxis: { type: "value", name: series.unit || "" },
      dataZoom: many ? [{ type: "slider", start: 0, end: Math.min(100, (25 / data.labels.length) * 100) }] : [],
      series: [{
        name: `${series.code} ${series.name}`,
        type: overTime ? "line" : "bar",
        data: series.values,
        connectNulls: false,
      }],
    }, true);
  };

  draw(0);
  if (chooser) chooser.addEventListener("change", () => draw(Number(chooser.value)));
  window.addEventListener("resize", () => chart.resize());
});
