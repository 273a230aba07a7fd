// The asset page's plot: any numeric metadata of the materializations
// over time, drawn with uPlot (vendored).
"use strict";
(function () {
  const el = document.getElementById("series");
  const box = document.getElementById("plot");
  if (!el || !box) return;
  const series = JSON.parse(el.textContent || "{}") || {};
  const names = Object.keys(series).sort();
  if (!names.length || typeof uPlot === "undefined") return;
  document.getElementById("plot-none").remove();
  const pick = document.createElement("select");
  pick.setAttribute("aria-label", "metadata to plot");
  for (const n of names) {
    const o = document.createElement("option");
    o.value = n;
    o.textContent = n;
    pick.appendChild(o);
  }
  // Row counts first, when there are any.
  const rows = names.find((n) => /row/i.test(n));
  if (rows) pick.value = rows;
  box.appendChild(pick);
  const holder = document.createElement("div");
  box.appendChild(holder);
  let chart = null;
  function plot() {
    const pts = series[pick.value] || [];
    const data = [pts.map((p) => p[0]), pts.map((p) => p[1])];
    if (chart) chart.destroy();
    chart = new uPlot({
      width: Math.min(box.clientWidth || 800, 900),
      height: 220,
      series: [{}, { label: pick.value, stroke: "#3b5bdb", width: 2, points: { show: true, size: 6 } }],
      scales: { x: { time: true } },
    }, data, holder);
  }
  pick.addEventListener("change", plot);
  plot();
})();
