// Charts drawn with Apache ECharts from data the page carries in <script type="application/json">.
document.addEventListener("DOMContentLoaded", () => {
  for (const element of document.querySelectorAll("[data-chart]")) {
    const rows = JSON.parse(document.getElementById(element.dataset.source).textContent);
    const chart = window.echarts.init(element);
    const language = document.documentElement.lang;
    if (element.dataset.chart === "pie") {
      chart.setOption({
        tooltip: { trigger: "item", formatter: "{b}: {c} ({d}%)" },
        series: [{ type: "pie", radius: ["35%", "70%"],
          data: rows.map((row) => ({ name: row.label, value: row.count })) }],
      });
    } else {
      const name = (row) => (language === "vi" ? row.country__name_vi : row.country__name_en);
      chart.setOption({
        tooltip: { trigger: "axis" },
        grid: { left: 140, right: 20, top: 10, bottom: 20 },
        xAxis: { type: "value" },
        yAxis: { type: "category", inverse: true, data: rows.map(name) },
        series: [{ type: "bar", data: rows.map((row) => row.count) }],
      });
    }
    window.addEventListener("resize", () => chart.resize());
  }
});
