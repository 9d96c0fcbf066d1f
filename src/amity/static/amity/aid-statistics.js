// The aid statistics' charts and map, drawn with Apache ECharts from the page's JSON data.
// The map's boundaries are a static GeoJSON file served by the app (no internet needed).
document.addEventListener("DOMContentLoaded", () => {
  const source = document.getElementById("aid-chart-data");
  if (!source || !window.echarts) return;
  const data = JSON.parse(source.textContent);
  const charts = [];
  const money = (value) => Math.round(value).toLocaleString(document.documentElement.lang);

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
    grid: { left: 80, right: 10, top: 30, bottom: 30 },
    xAxis: { type: "category", data: years },
    yAxis: { type: "value" },
    series: [
      { name: data.labels.committed, type: "bar", data: data.years.map((r) => r.committed) },
      { name: data.labels.disbursed, type: "bar", data: data.years.map((r) => r.disbursed) },
    ],
  });
  const pie = (rows) => ({
    tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
    series: [{ type: "pie", radius: ["35%", "70%"], data: rows.map((r) => ({ name: r.label, value: r.value })) }],
  });
  draw("chart-regions", pie(data.regions));
  draw("chart-sectors", pie(data.sectors));

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
