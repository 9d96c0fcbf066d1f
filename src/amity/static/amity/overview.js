// The year in one picture: each table drawn with Apache ECharts, as bars or on the province
// map. The figures are the page's JSON (the same rows as the tables under the charts); the
// map's boundaries are a static GeoJSON file served by the app (no internet needed).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("overview-chart-data");
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const language = document.documentElement.lang || "vi";
  const numbers = new Intl.NumberFormat(language, { maximumFractionDigits: 0 });
  const format = (value) => (value === null || value === undefined ? "—" : numbers.format(value));
  // An axis's ticks in short form (1,5 Tr / 1.5M): whole amounts overlapped on a narrow chart.
  const compact = new Intl.NumberFormat(language, { notation: "compact", maximumFractionDigits: 1 });
  const tick = (value) => compact.format(value);
  const charts = [];

  const bars = (element, table) => {
    // Horizontal bars, a row a category: long names (sectors, regions) keep their room and
    // the chart grows with its rows instead of crowding them.
    const rowHeight = Math.max(36, 24 * table.series.length);
    element.style.height = `${Math.max(220, table.rows.length * rowHeight + 60)}px`;
    const chart = window.echarts.init(element);
    chart.setOption({
      tooltip: { trigger: "axis", valueFormatter: format },
      legend: { top: 0, show: table.series.length > 1 },
      grid: { left: 10, right: 20, top: table.series.length > 1 ? 30 : 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", minInterval: 1, axisLabel: { formatter: tick, hideOverlap: true } },
      yAxis: {
        type: "category", inverse: true, data: table.rows.map((row) => row[0]),
        axisLabel: { width: 130, overflow: "truncate" },
      },
      series: table.series.map((index) => ({
        name: table.headers[index], type: "bar", data: table.rows.map((row) => row[index]),
      })),
    });
    charts.push(chart);
  };

  const map = (element, table) => {
    fetch(element.dataset.map)
      .then((response) => response.json())
      .then((geojson) => {
        window.echarts.registerMap("vn-provinces-overview", geojson);
        const value = table.series[0];
        const drawn = table.rows.filter((row) => row[0]);
        const chart = window.echarts.init(element);
        chart.setOption({
          tooltip: {
            trigger: "item",
            formatter: (item) => `${item.data ? item.data.label : item.name}: ${format(item.value)} USD`,
          },
          visualMap: {
            min: 0, max: Math.max(1, ...drawn.map((row) => row[value])), left: 10, bottom: 10,
            calculable: true, inRange: { color: ["#e8f1fb", "#1f5fa8"] }, formatter: tick,
          },
          series: [{
            type: "map", map: "vn-provinces-overview", nameProperty: "code", roam: true,
            emphasis: { label: { show: false } },
            data: drawn.map((row) => ({ name: row[0], label: row[1], value: row[value] })),
          }],
        });
        charts.push(chart);
      });
  };

  for (const element of document.querySelectorAll("[data-overview-chart]")) {
    const table = data[element.dataset.overviewChart];
    if (!table) continue;
    if (table.chart === "map") map(element, table);
    else bars(element, table);
  }
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
});
