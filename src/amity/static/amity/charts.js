// Charts drawn with Apache ECharts from data the page carries in <script type="application/json">.
document.addEventListener("DOMContentLoaded", () => {
  for (const element of document.querySelectorAll("[data-chart]")) {
    const rows = JSON.parse(document.getElementById(element.dataset.source).textContent);
    const chart = window.echarts.init(element);
    const language = document.documentElement.lang;
    // Counts as the page's language writes them (1.525 in Vietnamese, 1,525 in English).
    const count = (value) => new Intl.NumberFormat(language || "vi").format(value);
    if (element.dataset.chart === "pie") {
      chart.setOption({
        tooltip: { trigger: "item", formatter: (item) => `${item.name}: ${count(item.value)} (${item.percent}%)` },
        series: [{ type: "pie", radius: ["35%", "70%"],
          data: rows.map((row) => ({ name: row.label, value: row.count })) }],
      });
    } else {
      const name = (row) => (language === "vi" ? row.country__name_vi : row.country__name_en);
      chart.setOption({
        tooltip: { trigger: "axis", valueFormatter: count },
        grid: { left: 10, right: 20, top: 10, bottom: 10, containLabel: true },
        xAxis: { type: "value", axisLabel: { formatter: count } },
        yAxis: { type: "category", inverse: true, data: rows.map(name) },
        series: [{ type: "bar", data: rows.map((row) => row.count) }],
      });
    }
    window.addEventListener("resize", () => chart.resize());
  }
});
