// The aid statistics' charts and map, drawn with Apache ECharts from the page's JSON data.
// The map's boundaries are a static GeoJSON file served by the app (no internet needed).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("aid-chart-data");
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const charts = [];
  // Figures as the page's language writes them: 1.525.971 in Vietnamese, 1,525,971 in English.
  const numbers = new Intl.NumberFormat(document.documentElement.lang || "vi", {
    maximumFractionDigits: 0,
  });
  const money = (value) => numbers.format(Math.round(value));
  const percent = new Intl.NumberFormat(document.documentElement.lang || "vi", {
    style: "percent", maximumFractionDigits: 1,
  });

  const draw = (id, option) => {
    const element = document.getElementById(id);
    if (!element) return null;
    const chart = window.echarts.init(element);
    chart.setOption(option);
    charts.push(chart);
    return chart;
  };

  const years = data.years.map((row) => String(row.year));
  draw("chart-years", {
    tooltip: { trigger: "axis", valueFormatter: money },
    legend: { top: 0 },
    grid: { left: 10, right: 10, top: 30, bottom: 10, containLabel: true },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value", axisLabel: { formatter: money } },
    series: [
      { name: data.labels.committed, type: "bar", data: data.years.map((r) => r.committed) },
      { name: data.labels.disbursed, type: "bar", data: data.years.map((r) => r.disbursed) },
    ],
  });
  // Shares as horizontal bars, largest first: long names (DAC sectors, regions) get the room
  // a donut's labels never had, and the chart grows with its rows instead of crowding them.
  const shares = (id, rows, unit) => {
    const element = document.getElementById(id);
    if (element) element.style.height = `${Math.max(220, rows.length * 30 + 40)}px`;
    const total = rows.reduce((sum, row) => sum + row.value, 0) || 1;
    return draw(id, {
      tooltip: {
        trigger: "item",
        formatter: (item) =>
          `${item.name}: ${money(item.value)}${unit} (${percent.format(item.value / total)})`,
      },
      grid: { left: 10, right: 30, top: 10, bottom: 10, containLabel: true },
      xAxis: { type: "value", axisLabel: { formatter: money } },
      yAxis: {
        type: "category", inverse: true, data: rows.map((r) => r.label),
        axisLabel: { width: 180, overflow: "break" },
      },
      series: [{ type: "bar", data: rows.map((r) => r.value) }],
    });
  };
  const largestFirst = (rows) => [...rows].sort((a, b) => b.value - a.value);
  shares("chart-regions", largestFirst(data.regions), ""); // NGOs, counted
  shares("chart-sectors", largestFirst(data.sectors), " USD");

  const mapElement = document.getElementById("chart-map");
  if (mapElement) {
    fetch(mapElement.dataset.map)
      .then((response) => response.json())
      .then((geojson) => {
        // Today's 34 provinces or the 63 as they were before 1 July 2025: two maps, whose
        // codes overlap (Hà Nội is "01" in both), so each is registered under its own name.
        const mapName = `vn-provinces-${mapElement.dataset.mapName || "current"}`;
        window.echarts.registerMap(mapName, geojson);
        const values = data.map.map((row) => row.value);
        const nameOf = {};
        for (const feature of geojson.features) {
          nameOf[feature.properties.code] = document.documentElement.lang === "vi"
            ? feature.properties.name_vi : feature.properties.name_en;
        }
        draw("chart-map", {
          tooltip: {
            trigger: "item",
            formatter: (item) => `${nameOf[item.name] || item.name}: ${item.value ? money(item.value) : "—"} USD`,
          },
          visualMap: {
            min: 0, max: Math.max(1, ...values), left: 10, bottom: 10, calculable: true,
            inRange: { color: ["#e8f1fb", "#1f5fa8"] }, formatter: money,
          },
          series: [{
            type: "map", map: mapName, nameProperty: "code", roam: true,
            emphasis: { label: { show: false } },
            data: data.map.map((row) => ({ name: row.code, value: row.value })),
          }],
        });
      });
  }
  window.addEventListener("resize", () => charts.forEach((chart) => chart.resize()));
});
