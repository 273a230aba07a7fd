// The run page: the run's timeline (a Gantt chart of each step's
// attempts), its steps and its log lines, followed live with server-sent
// events while the run goes (GET /api/runs/ID/events). Every string from
// the run goes into the page as text, never as HTML.
"use strict";
(function () {
  const id = document.getElementById("run-script").dataset.run;
  const data = JSON.parse(document.getElementById("run-data").textContent);
  const $ = (i) => document.getElementById(i);
  const SVG = "http://www.w3.org/2000/svg";
  let run = data.run, steps = data.steps || [];
  const lines = new Map(); // seq or marker key -> line
  const MAX_ROWS = 20000; // lines kept on the page while following

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function svg(tag, attrs) {
    const e = document.createElementNS(SVG, tag);
    for (const k in attrs) e.setAttribute(k, attrs[k]);
    return e;
  }
  const ms = (t) => (t ? Date.parse(t) : NaN);
  function dur(d) {
    if (!isFinite(d)) return "-";
    if (d >= 60000) return (d / 60000).toFixed(1) + "m";
    if (d >= 1000) return (d / 1000).toFixed(2) + "s";
    return d.toFixed(d < 10 ? 2 : 0) + "ms";
  }
  const clock = (t) => new Date(t).toLocaleTimeString([], { hour12: false }) + "." + String(new Date(t).getMilliseconds()).padStart(3, "0");
  const name = (s) => s.asset + (s.partition ? "[" + s.partition + "]" : "");
  function meta(m) {
    return Object.keys(m || {}).sort().map((k) => k + "=" + (typeof m[k] === "object" ? JSON.stringify(m[k]) : m[k])).join(" ");
  }

  function renderHead() {
    const st = $("run-status");
    if (!run) {
      st.textContent = "starting";
      st.className = "st running";
      return;
    }
    st.textContent = run.status;
    st.className = "st " + run.status;
    const counts = Object.keys(run.steps).map((k) => run.steps[k] + " " + k).join(", ");
    $("run-meta").textContent = (run.pipeline ? run.pipeline + " · " : "") + "started " + new Date(run.start).toLocaleString() + " · " + (run.abandoned ? "at least " : "") + dur(run.duration_ms) +
      " · " + (counts || "no steps yet") + " · " + run.selection.length + " selected" +
      (run.tags.select ? " · --select " + run.tags.select : "");
    $("run-error").hidden = !run.error;
    $("run-error").textContent = run.error || "";
  }

  function renderGantt() {
    const box = $("gantt");
    box.replaceChildren();
    const started = steps.filter((s) => s.start);
    if (!started.length) {
      box.appendChild(el("p", { class: "none" }, "No step has started yet."));
      return;
    }
    const now = Date.now();
    const t0 = Math.min(...started.map((s) => ms(s.start)));
    const t1 = Math.max(...started.map((s) => (s.end ? ms(s.end) : now)), t0 + 1);
    const labelW = 220, W = Math.max(box.clientWidth - 20, 600), barW = W - labelW - 10, rowH = 22;
    const x = (t) => labelW + ((t - t0) / (t1 - t0)) * barW;
    const root = svg("svg", { width: W, height: started.length * rowH + 24, role: "img", "aria-label": "timeline of the steps" });
    for (let i = 0; i <= 4; i++) {
      const t = t0 + ((t1 - t0) * i) / 4;
      const tick = svg("text", { x: x(t), y: 12, class: "axis", "text-anchor": i === 0 ? "start" : i === 4 ? "end" : "middle" });
      tick.textContent = "+" + dur(t - t0);
      root.appendChild(tick);
    }
    started.forEach((s, i) => {
      const y = 20 + i * rowH;
      const row = svg("g", { class: "row" });
      row.addEventListener("click", () => { $("log-step").value = name(s); renderLogs(); });
      const label = svg("text", { x: 0, y: y + 14 });
      label.textContent = name(s).length > 30 ? name(s).slice(0, 29) + "…" : name(s);
      row.appendChild(label);
      const title = svg("title", {});
      title.textContent = name(s) + ": " + s.status + ", " + s.attempts + " attempt(s), " + dur(s.duration_ms);
      row.appendChild(title);
      // One bar per attempt: the retried ones, then the last.
      for (const a of s.retries || []) {
        if (!a.start) continue;
        row.appendChild(svg("rect", { x: x(ms(a.start)), y: y + 3, width: Math.max(2, x(ms(a.end)) - x(ms(a.start))), height: rowH - 8, class: "retry" }));
      }
      const from = ms(s.attempt_start || s.start), to = s.end ? ms(s.end) : now;
      row.appendChild(svg("rect", { x: x(from), y: y + 3, width: Math.max(2, x(to) - x(from)), height: rowH - 8, class: s.status }));
      root.appendChild(row);
    });
    box.appendChild(root);
  }

  function renderSteps() {
    const body = $("steps").tBodies[0];
    body.replaceChildren();
    const pick = $("log-step");
    const chosen = pick.value;
    pick.replaceChildren(el("option", { value: "" }, "all steps"));
    for (const s of steps) {
      const tr = el("tr", { "data-asset": s.asset });
      const a = el("a", { href: "/assets/" + s.asset.split("/").map(encodeURIComponent).join("/") }, name(s));
      const td = el("td");
      td.appendChild(a);
      tr.appendChild(td);
      const st = el("td");
      st.appendChild(el("span", { class: "st " + s.status }, s.status));
      tr.appendChild(st);
      tr.appendChild(el("td", {}, s.attempts ? String(s.attempts) : "-"));
      tr.appendChild(el("td", {}, s.start ? clock(ms(s.start)) : "-"));
      tr.appendChild(el("td", {}, s.end && s.start ? (s.abandoned ? "at least " : "") + dur(s.duration_ms) : s.status === "running" ? "running" : "-"));
      tr.appendChild(el("td", { class: "meta" }, meta(s.metadata)));
      const errs = (s.retries || []).map((r) => "attempt " + r.attempt + ": " + r.error);
      if (s.error) errs.push(s.error);
      tr.appendChild(el("td", { class: "err" }, errs.join("\n")));
      body.appendChild(tr);
      pick.appendChild(el("option", { value: name(s) }, name(s)));
    }
    pick.value = chosen;
  }

  function renderLogs() {
    const body = $("logs").tBodies[0];
    const only = $("log-step").value;
    const rows = [...lines.values()].sort((a, b) => a.seq - b.seq || b.dropped - a.dropped);
    const frag = document.createDocumentFragment();
    let shown = 0;
    for (const l of rows) {
      if (only && name(l) !== only) continue;
      const tr = el("tr", { class: l.dropped ? "marker" : l.level });
      tr.appendChild(el("td", {}, clock(ms(l.time))));
      tr.appendChild(el("td", {}, l.dropped ? "" : l.level));
      tr.appendChild(el("td", {}, name(l) + (l.attempt > 1 ? " #" + l.attempt : "")));
      const msg = el("td", { class: "msg" }, l.message);
      if (l.attrs) msg.appendChild(el("span", { class: "attrs" }, " " + l.attrs));
      tr.appendChild(msg);
      frag.appendChild(tr);
      shown++;
    }
    if (!shown) {
      const tr = el("tr");
      tr.appendChild(el("td", { colspan: "4", class: "none" }, "No log lines" + (only ? " from " + only : "") + "."));
      frag.appendChild(tr);
    }
    body.replaceChildren(frag);
  }

  function addLines(list) {
    for (const l of list) {
      lines.set(l.dropped ? "m:" + name(l) : l.seq, l);
    }
    if (lines.size > MAX_ROWS) {
      // Keep the newest lines on the page; the history keeps its own.
      const keys = [...lines.keys()].filter((k) => typeof k === "number").sort((a, b) => a - b);
      for (const k of keys.slice(0, lines.size - MAX_ROWS)) lines.delete(k);
    }
  }

  function render() {
    renderHead();
    renderGantt();
    renderSteps();
    renderLogs();
  }

  addLines(data.lines || []);
  $("log-step").addEventListener("change", renderLogs);
  render();
  if (run && run.status !== "running") {
    document.body.dataset.ended = "true";
    return;
  }
  // Follow the run until it ends: the server sends what changed.
  let last = 0;
  for (const l of data.lines || []) if (!l.dropped) last = Math.max(last, l.seq);
  const src = new EventSource("/api/runs/" + encodeURIComponent(id) + "/events?after=" + last);
  $("live").hidden = false;
  let pending = false;
  const later = () => {
    if (!pending) {
      pending = true;
      requestAnimationFrame(() => { pending = false; render(); });
    }
  };
  src.addEventListener("run", (e) => {
    const v = JSON.parse(e.data);
    run = v.run;
    steps = v.steps;
    later();
  });
  src.addEventListener("logs", (e) => {
    addLines(JSON.parse(e.data).lines);
    later();
  });
  src.addEventListener("end", () => {
    src.close();
    $("live").hidden = true;
    document.body.dataset.ended = "true";
    later();
  });
  src.addEventListener("failure", (e) => {
    src.close();
    $("live").hidden = true;
    $("run-error").hidden = false;
    $("run-error").textContent = JSON.parse(e.data).error;
  });
})();
