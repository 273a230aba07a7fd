// The lineage graph: the server lays it out (GET /api/graph), this draws
// it on a canvas, with pan (drag), zoom (wheel) and click to open an
// asset. Only what is on screen is drawn, and labels only when they are
// big enough to read, so 10,000 assets stay smooth.
"use strict";
(function () {
  const box = document.getElementById("graph");
  if (!box) return;
  const canvas = document.getElementById("canvas");
  const tip = document.getElementById("tip");
  const status = document.getElementById("graph-status");
  const ctx = canvas.getContext("2d");
  const NW = 200, NH = 40;
  const colors = { f: "#2f9e44", s: "#e8a317", x: "#e03131", n: "#98a2b3" };
  const words = { f: "fresh", s: "stale", x: "failed", n: "never materialized" };
  let g = null;
  let scale = 1, tx = 0, ty = 0, dpr = 1, queued = false;

  function resize() {
    dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
    canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
    draw();
  }

  function fit() {
    const w = canvas.clientWidth, h = canvas.clientHeight;
    scale = Math.min(w / g.width, h / g.height, 1.2);
    tx = (w - g.width * scale) / 2;
    ty = (h - g.height * scale) / 2;
  }

  function draw() {
    queued = false;
    if (!g) return;
    box.dataset.view = [scale, tx, ty].join(","); // where the graph is, for tests and tools
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr * scale, 0, 0, dpr * scale, dpr * tx, dpr * ty);
    // The visible rectangle, in graph units.
    const x0 = -tx / scale, y0 = -ty / scale;
    const x1 = x0 + canvas.clientWidth / scale, y1 = y0 + canvas.clientHeight / scale;
    const seen = (x, y, w, h) => x + w >= x0 && x <= x1 && y + h >= y0 && y <= y1;

    // Groups.
    ctx.lineWidth = 1 / scale;
    for (let k = 0; k < g.lanes.length; k++) {
      const [x, y, w, h] = g.lanes[k];
      if (!seen(x, y, w, h)) continue;
      ctx.fillStyle = k % 2 ? "#f3f5f9" : "#eef2f8";
      ctx.strokeStyle = "#d5dbe5";
      ctx.fillRect(x, y, w, h);
      ctx.strokeRect(x, y, w, h);
      if (scale * 14 > 7) {
        ctx.fillStyle = "#475467";
        ctx.font = "600 14px system-ui, sans-serif";
        ctx.fillText(g.groups[k], x + 10, y + 20, Math.max(w - 20, 20));
      }
    }

    // Edges: data edges solid, deps= edges dashed.
    ctx.lineWidth = Math.max(1.2, 0.6 / scale);
    for (const pass of [0, 1]) {
      ctx.strokeStyle = pass ? "#b8a2e0" : "#8a94a6";
      ctx.setLineDash(pass ? [6, 4] : []);
      ctx.beginPath();
      for (const [a, b, deps] of g.edges) {
        if (deps !== pass) continue;
        const [ax, ay] = g.nodes[a], [bx, by] = g.nodes[b];
        const sx = ax + NW, sy = ay + NH / 2, ex = bx, ey = by + NH / 2;
        if (Math.max(sx, ex) < x0 || Math.min(sx, ex) > x1 || Math.max(sy, ey) < y0 || Math.min(sy, ey) > y1) continue;
        const mx = (sx + ex) / 2;
        ctx.moveTo(sx, sy);
        ctx.bezierCurveTo(mx, sy, mx, ey, ex, ey);
      }
      ctx.stroke();
    }
    ctx.setLineDash([]);

    // Assets.
    const labels = scale * 13 > 6;
    ctx.font = "13px system-ui, sans-serif";
    for (let i = 0; i < g.nodes.length; i++) {
      const [x, y] = g.nodes[i];
      if (!seen(x, y, NW, NH)) continue;
      const st = g.status[i] || "n";
      ctx.fillStyle = "#fff";
      ctx.strokeStyle = colors[st];
      ctx.lineWidth = Math.max(2, 1 / scale);
      ctx.fillRect(x, y, NW, NH);
      ctx.strokeRect(x, y, NW, NH);
      ctx.fillStyle = colors[st];
      ctx.fillRect(x, y, 6, NH);
      if (labels) {
        ctx.fillStyle = "#1d2330";
        ctx.fillText(g.keys[i], x + 12, y + 17, NW - 18);
        ctx.fillStyle = "#667085";
        ctx.font = "11px system-ui, sans-serif";
        ctx.fillText(words[st] + (g.kinds[i].length ? " · " + g.kinds[i].join(", ") : ""), x + 12, y + 32, NW - 18);
        ctx.font = "13px system-ui, sans-serif";
      }
    }
  }

  function redraw() {
    if (!queued) {
      queued = true;
      requestAnimationFrame(draw);
    }
  }

  // The asset at a point of the canvas, or -1.
  function hit(cx, cy) {
    const x = (cx - tx) / scale, y = (cy - ty) / scale;
    for (let i = 0; i < g.nodes.length; i++) {
      const [nx, ny] = g.nodes[i];
      if (x >= nx && x <= nx + NW && y >= ny && y <= ny + NH) return i;
    }
    return -1;
  }

  let drag = null;
  canvas.addEventListener("pointerdown", (e) => {
    drag = { x: e.clientX, y: e.clientY, tx, ty, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", (e) => {
    if (!g) return;
    if (drag) {
      const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) {
        canvas.classList.add("dragging");
        tx = drag.tx + dx;
        ty = drag.ty + dy;
        redraw();
      }
      return;
    }
    const r = canvas.getBoundingClientRect();
    const i = hit(e.clientX - r.left, e.clientY - r.top);
    if (i < 0) {
      tip.hidden = true;
      return;
    }
    tip.textContent = g.keys[i] + " (" + words[g.status[i] || "n"] + ")" + (g.descriptions[i] ? ": " + g.descriptions[i] : "");
    tip.style.left = (e.clientX - r.left + 14) + "px";
    tip.style.top = (e.clientY - r.top + 14) + "px";
    tip.hidden = false;
  });
  canvas.addEventListener("pointerup", (e) => {
    canvas.classList.remove("dragging");
    const d = drag;
    drag = null;
    if (!g || (d && d.moved)) return;
    const r = canvas.getBoundingClientRect();
    const i = hit(e.clientX - r.left, e.clientY - r.top);
    if (i >= 0) {
      window.location.href = "/assets/" + g.keys[i].split("/").map(encodeURIComponent).join("/");
    }
  });
  canvas.addEventListener("wheel", (e) => {
    if (!g) return;
    e.preventDefault();
    const r = canvas.getBoundingClientRect();
    const cx = e.clientX - r.left, cy = e.clientY - r.top;
    const f = Math.exp(-e.deltaY * 0.0015);
    const s = Math.min(Math.max(scale * f, 0.005), 4);
    tx = cx - (cx - tx) * (s / scale);
    ty = cy - (cy - ty) * (s / scale);
    scale = s;
    redraw();
  }, { passive: false });
  canvas.addEventListener("dblclick", () => { fit(); redraw(); });
  window.addEventListener("resize", resize);

  const sel = box.dataset.select || "";
  fetch("/api/graph?select=" + encodeURIComponent(sel), { credentials: "same-origin" })
    .then((r) => r.json().then((body) => ({ ok: r.ok, body })))
    .then(({ ok, body }) => {
      if (!ok) throw new Error(body.error || "cannot load the graph");
      g = body;
      resize();
      fit();
      draw();
      status.textContent = g.keys.length + " assets, " + g.edges.length + " edges · double-click to fit";
      box.dataset.ready = String(performance.now());
    })
    .catch((err) => {
      status.textContent = String(err.message || err);
      box.dataset.ready = "error";
    });
})();
