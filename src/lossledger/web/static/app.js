/* lossledger dashboard: fills the page from the native API (/ledger/v1) and /healthz.
 *
 * Every piece of data reaches the page through el() below, which adds it as a text node or a
 * plain attribute — never as HTML — so an article containing <script> is shown as text.
 * Links are made only for http(s) URLs.  Every number is a button that opens its provenance.
 */
(() => {
  "use strict";

  const T = JSON.parse(document.getElementById("i18n").textContent);
  const LANG = document.documentElement.lang || "en";
  const NF = new Intl.NumberFormat(LANG === "uk" ? "uk-UA" : "en-GB");
  const DAY = 86400;
  const state = { metrics: {}, latest: null, charts: [], conflicts: [], shownConflicts: 0 };
  window.lossledger = state; // for tests and curious readers

  // --- helpers ---------------------------------------------------------------------------------

  const fmt = (v) => (v === null || v === undefined ? "—" : NF.format(v));
  const signed = (v) => (v === null || v === undefined ? "" : (v > 0 ? "+" : v < 0 ? "−" : "±") + NF.format(Math.abs(v)));
  const fill = (s, vals) => s.replace(/\{(\w+)\}/g, (_, k) => (vals[k] === undefined ? "" : String(vals[k])));
  const enc = encodeURIComponent;
  const label = (metric) => (state.metrics[metric] ? state.metrics[metric].labels[LANG] || state.metrics[metric].labels.en : metric);

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key === "class") node.className = value;
      else if (key === "style") node.style.cssText = value; // CSSOM, which the page's CSP allows (no style attributes)
      else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function safeHref(uri) {
    try {
      const url = new URL(uri);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function uriNode(uri) {
    const href = safeHref(uri);
    return href ? el("a", { href, rel: "noopener noreferrer", target: "_blank", class: "doc" }, uri) : el("span", { class: "doc" }, uri);
  }

  async function api(path, options) {
    const response = await fetch(path, options);
    const body = await response.json().catch(() => null);
    if (!response.ok) throw new Error((body && (body.error || body.message)) || response.statusText);
    return body;
  }

  function numButton(value, onclick, text) {
    return el("button", { type: "button", class: "num", onclick }, text === undefined ? fmt(value) : text);
  }

  function fail(container, error) {
    container.replaceChildren(el("p", { class: "error" }, T.error, error.message));
  }

  // --- provenance dialog -------------------------------------------------------------------------

  const dialog = document.getElementById("provenance");
  const dialogBody = document.getElementById("provenance-body");

  function openDialog(...content) {
    dialogBody.replaceChildren(...content);
    if (!dialog.open) dialog.showModal();
  }

  function documentList(documents) {
    return el("ul", {}, documents.map((d) => el("li", {},
      uriNode(d.uri), " ",
      el("span", { class: "small" }, [d.dataset, d.retrieved_at, d.sha256 ? "sha256 " + d.sha256.slice(0, 12) + "…" : null].filter(Boolean).join(" · ")),
      d.via ? el("div", { class: "small" }, T.provenance_via, " ", uriNode(d.via.uri)) : null,
    )));
  }

  async function showFigure(date, metric, source) {
    source = source || "general-staff";
    openDialog(el("p", {}, T.loading));
    try {
      const f = await api(`/ledger/v1/figures/${enc(date)}/${enc(metric)}?source=${enc(source)}`);
      openDialog(
        el("h3", {}, `${label(metric)} · ${f.date} · ${source}`),
        el("p", {}, fmt(f.total), f.increase !== null ? ` (${signed(f.increase)})` : "", " · ", T.provenance_rule, ": ", f.rule),
        el("h4", {}, T.provenance_observations),
        el("div", { class: "table-wrap" }, el("table", {},
          el("tbody", {}, f.observations.map((o) => el("tr", {},
            el("td", {}, o.compilation), el("td", {}, o.kind), el("td", { class: "n" }, fmt(o.value)),
            el("td", {}, el("button", { type: "button", class: "num", onclick: () => showDocument(o.document) }, `#${o.document}`)),
          ))))),
        el("h4", {}, T.provenance_documents),
        documentList(f.documents),
      );
    } catch (error) {
      openDialog(el("p", { class: "error" }, T.error, error.message));
    }
  }

  async function showDocument(id) {
    openDialog(el("p", {}, T.loading));
    try {
      openDialog(el("h3", {}, `#${id}`), documentList([await api(`/ledger/v1/documents/${enc(id)}`)]));
    } catch (error) {
      openDialog(el("p", { class: "error" }, T.error, error.message));
    }
  }

  // --- latest report -------------------------------------------------------------------------------

  async function loadLatest() {
    const grid = document.getElementById("latest-grid");
    const meta = document.getElementById("latest-meta");
    try {
      const day = await api("/ledger/v1/latest");
      state.latest = day;
      meta.textContent = fill(T.latest_meta, { date: day.date, day: day.day });
      grid.replaceChildren(...Object.entries(day.figures).map(([metric, f]) => el("div", { class: "card", "data-metric": metric },
        el("div", { class: "label" }, label(metric)),
        el("span", { class: "total" }, numButton(f.total, () => showFigure(day.date, metric))),
        f.increase !== null ? el("span", { class: "inc" }, signed(f.increase), " ", T.increase_24h) : null,
      )));
      return day;
    } catch (error) {
      fail(grid, error);
      meta.textContent = "";
      return null;
    }
  }

  // --- charts ------------------------------------------------------------------------------------------

  // uPlot's own month and weekday names are English: give it the interface language's (Intl).
  function dateNames() {
    const pick = (opts, dates) => dates.map((d) => new Intl.DateTimeFormat(LANG, { ...opts, timeZone: "UTC" }).format(d));
    const months = Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2024, m, 1)));
    const days = Array.from({ length: 7 }, (_, d) => new Date(Date.UTC(2024, 0, 7 + d))); // 2024-01-07 is a Sunday
    return { MMMM: pick({ month: "long" }, months), MMM: pick({ month: "short" }, months), WWWW: pick({ weekday: "long" }, days), WWW: pick({ weekday: "short" }, days) };
  }
  const DATE_NAMES = dateNames();

  function chartOptions(title, width, series) {
    return {
      title: undefined, width, height: width < 500 ? 200 : 260,
      fmtDate: (template) => uPlot.fmtDate(template, DATE_NAMES),
      scales: { x: { time: true } },
      axes: [{}, { size: 70, values: (u, ticks) => ticks.map((v) => NF.format(v)) }],
      legend: { live: true },
      cursor: { points: { size: 6 } },
      series: [{ label: T.col_date }, ...series],
    };
  }

  function pointsOnly(labelText, color) {
    return { label: labelText, stroke: color, fill: color, paths: () => null, points: { show: true, size: 8, fill: color, stroke: color } };
  }

  async function drawCharts() {
    const metric = document.getElementById("chart-metric").value;
    const range = document.getElementById("chart-range").value;
    const boxes = [document.getElementById("chart-total"), document.getElementById("chart-daily")];
    let query = "daily=true&rolling=7";
    if (range === "year" && state.latest) {
      const end = new Date(state.latest.date + "T00:00:00Z");
      const start = new Date(end.getTime() - 365 * DAY * 1000);
      query += `&start=${start.toISOString().slice(0, 10)}&end=${state.latest.date}`;
    }
    let series;
    try {
      series = await api(`/ledger/v1/series/${enc(metric)}?${query}`);
    } catch (error) {
      boxes.forEach((b) => fail(b, error));
      return;
    }
    const rows = series.records;
    const xs = rows.map((r) => Date.parse(r.date + "T00:00:00Z") / 1000);
    const totals = rows.map((r) => r.total);
    const increases = rows.map((r) => r.increase);
    const average = rows.map((r) => (r.rolling_7 === undefined ? null : r.rolling_7));
    const correctedTotal = rows.map((r) => (r.corrected ? r.total : null));
    const correctedInc = rows.map((r) => (r.corrected ? r.increase : null));
    const css = getComputedStyle(document.documentElement);
    const accent = css.getPropertyValue("--accent").trim() || "#0057b7";
    const accent2 = css.getPropertyValue("--accent2").trim() || "#d9a300";
    const bad = css.getPropertyValue("--bad").trim() || "#c62828";
    state.charts.forEach((c) => c.destroy());
    boxes.forEach((b) => b.replaceChildren());
    const width = Math.max(260, boxes[0].clientWidth);
    const bars = uPlot.paths && uPlot.paths.bars ? uPlot.paths.bars({ size: [0.9, 8] }) : undefined;
    const total = new uPlot(chartOptions(T.chart_total, width, [
      { label: T.chart_total, stroke: accent, width: 2 },
      pointsOnly(T.chart_correction, bad),
    ]), [xs, totals, correctedTotal], boxes[0]);
    const daily = new uPlot(chartOptions(T.chart_daily, width, [
      { label: T.chart_daily, stroke: accent, fill: accent + "55", paths: bars, points: { show: false } },
      { label: T.chart_avg, stroke: accent2, width: 2.5, points: { show: false } },
      pointsOnly(T.chart_correction, bad),
    ]), [xs, increases, average, correctedInc], boxes[1]);
    state.charts = [total, daily];
    for (const chart of state.charts) {
      chart.over.addEventListener("click", () => {
        const i = chart.cursor.idx;
        if (i !== null && i !== undefined && !rows[i].missing) showFigure(rows[i].date, metric);
      });
    }
    document.body.dataset.charted = String(rows.length);
  }

  function setupCharts(day) {
    const select = document.getElementById("chart-metric");
    const names = day ? Object.keys(day.figures) : ["tanks"];
    select.replaceChildren(...names.map((m) => el("option", { value: m, selected: m === "tanks" }, label(m))));
    select.addEventListener("change", drawCharts);
    document.getElementById("chart-range").addEventListener("change", drawCharts);
    let pending = null;
    window.addEventListener("resize", () => {
      clearTimeout(pending);
      pending = setTimeout(() => {
        const width = Math.max(260, document.getElementById("chart-total").clientWidth);
        state.charts.forEach((c) => c.setSize({ width, height: width < 500 ? 200 : 260 }));
      }, 150);
    });
    return drawCharts();
  }

  // --- claims vs. confirmed -------------------------------------------------------------------------

  async function loadClaims() {
    const box = document.getElementById("claims-list");
    try {
      const rows = await api(`/ledger/v1/claims?lang=${enc(LANG)}`);
      box.replaceChildren(...rows.map((r) => {
        const share = r.claim ? Math.min(100, (100 * r.confirmed) / r.claim) : 0;
        const statuses = Object.entries(r.by_status || {}).filter(([, v]) => v !== null);
        return el("article", { class: "claim-card", "data-metric": r.metric },
          el("h3", {}, label(r.metric)),
          el("dl", {},
            el("dt", {}, T.claim), el("dd", {}, numButton(r.claim, () => showFigure(r.claim_date, r.metric, r.claim_source)), " ",
              el("span", { class: "small" }, `${r.claim_source}, ${T.as_of} ${r.claim_date}`)),
            el("dt", {}, T.confirmed), el("dd", {}, numButton(r.confirmed, () => showFigure(r.date, r.metric, r.confirmed_source)), " ",
              el("span", { class: "small" }, `${r.confirmed_source}, ${T.as_of} ${r.date}`)),
            r.ratio !== null ? [el("dt", {}, T.ratio), el("dd", {}, `${r.ratio}×`)] : null,
          ),
          el("div", { class: "bar", role: "img", "aria-label": `${Math.round(share)}%` }, el("span", { style: `width:${share.toFixed(1)}%` })),
          statuses.length ? el("p", { class: "small" }, statuses.map(([k, v]) => `${(T.statuses && T.statuses[k]) || k} ${fmt(v)}`).join(" · ")) : null,
          r.gap ? el("p", { class: "gap" }, r.gap) : null,
          r.note ? el("p", { class: "small" }, r.note) : null,
        );
      }));
    } catch (error) {
      fail(box, error);
    }
  }

  // --- conflicts ------------------------------------------------------------------------------------------

  function conflictRow(c) {
    return el("tr", {},
      el("td", {}, c.date),
      el("td", {}, label(c.metric)),
      el("td", {}, c.values.map((v, i) => [i ? "; " : "", `${v.compilation}: `,
        numButton(v.value, () => showDocument(v.document)), el("span", { class: "small" }, ` (#${v.document})`)])),
      el("td", { class: "n" }, numButton(c.resolved, () => showFigure(c.date, c.metric))),
      el("td", {}, c.rule),
    );
  }

  function moreConflicts() {
    const body = document.querySelector("#conflicts-table tbody");
    const next = state.conflicts.slice(state.shownConflicts, state.shownConflicts + 50);
    body.append(...next.map(conflictRow));
    state.shownConflicts += next.length;
    document.getElementById("conflicts-more").hidden = state.shownConflicts >= state.conflicts.length;
  }

  async function loadConflicts() {
    try {
      state.conflicts = (await api("/ledger/v1/conflicts")).slice().reverse(); // newest first
      document.getElementById("conflicts-more").addEventListener("click", moreConflicts);
      moreConflicts();
    } catch (error) {
      fail(document.querySelector("#conflicts-table tbody"), error);
    }
  }

  // --- check an article ----------------------------------------------------------------------------------

  function spanOf(item) {
    const s = item && item.span;
    if (Array.isArray(s) && s.length >= 2) return [s[0], s[1]];
    if (s && typeof s === "object" && "start" in s) return [s.start, s.end];
    return null;
  }

  function markedArticle(text, claims) {
    const spans = claims.map((c) => [spanOf(c), c.verdict]).filter(([s]) => s && s[0] >= 0 && s[1] <= text.length && s[0] < s[1]);
    spans.sort((a, b) => a[0][0] - b[0][0]);
    const parts = [];
    let at = 0;
    for (const [[start, end], verdict] of spans) {
      if (start < at) continue;
      parts.push(text.slice(at, start), el("mark", { class: `v-${verdict}`, title: (T.verdicts && T.verdicts[verdict]) || verdict }, text.slice(start, end)));
      at = end;
    }
    parts.push(text.slice(at));
    return el("div", { class: "article" }, parts);
  }

  function contextNode(context) {
    // The check's context block: each claim next to the evidence that bounds it, with its date.
    const rows = (context && Array.isArray(context.comparisons) && context.comparisons) || [];
    if (!rows.length) return null;
    return [el("h3", {}, T.context_heading), el("div", { class: "table-wrap" }, el("table", { id: "check-context" },
      el("tbody", {}, rows.map((c) => el("tr", {},
        el("td", {}, c.claim), el("td", { class: "n" }, fmt(c.claim_value)),
        el("td", {}, c.evidence, c.evidence_date ? el("div", { class: "small" }, c.evidence_date) : null),
        el("td", { class: "n" }, fmt(c.evidence_value)),
        el("td", { class: "n" }, c.ratio === null || c.ratio === undefined ? "" : `${c.ratio}×`),
        el("td", { class: "small" }, c.explanation || ""),
      )))))];
  }

  function renderCheck(text, result) {
    const box = document.getElementById("check-result");
    const confidence = typeof result.confidence === "number" ? result.confidence.toFixed(2) : String(result.confidence);
    const head = result.report_date ? fill(T.check_report_date, { date: result.report_date, confidence }) : fill(T.check_no_date, { confidence });
    const rows = (result.claims || []).map((c) => {
      const span = spanOf(c);
      const source = c.source || "general-staff";
      return el("tr", { class: `claim v-${c.verdict}` },
        el("td", {}, span ? text.slice(span[0], span[1]) : ""),
        el("td", {}, c.metric ? label(c.metric) : "—"),
        el("td", {}, (T.kinds && T.kinds[c.kind]) || c.kind || ""),
        el("td", { class: "n" }, fmt(c.value)),
        el("td", {}, source),
        el("td", {}, el("span", { class: `verdict verdict-${c.verdict}` }, (T.verdicts && T.verdicts[c.verdict]) || c.verdict),
          c.explanation ? el("div", { class: "small" }, c.explanation) : null),
        el("td", { class: "n" }, c.ledger_value !== null && c.ledger_value !== undefined && c.metric && c.ledger_date
          ? [numButton(c.ledger_value, () => showFigure(c.ledger_date, c.metric, source)), el("div", { class: "small" }, c.ledger_date)]
          : "—"),
      );
    });
    const parts = [
      el("p", { class: "meta", id: "check-head" }, head),
      el("div", { class: "table-wrap" }, el("table", { id: "check-claims" },
        el("thead", {}, el("tr", {}, [T.col_quote, T.col_metric, T.col_kind, T.col_value, T.col_source, T.col_verdict, T.col_ledger].map((h) => el("th", {}, h)))),
        el("tbody", {}, rows))),
      (result.notes || []).length ? [el("h3", {}, T.notes_heading), el("ul", { class: "notes" }, result.notes.map((n) => el("li", {}, n.message, " ", el("span", { class: "note-code" }, n.code))))] : null,
      contextNode(result.context),
      el("h3", {}, T.article_heading),
      markedArticle(text, result.claims || []),
    ];
    box.replaceChildren(...parts.flat(Infinity).filter(Boolean)); // replaceChildren does not flatten arrays
  }

  function setupCheck() {
    const form = document.getElementById("check-form");
    const button = document.getElementById("check-submit");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      const text = document.getElementById("check-text").value;
      const published = document.getElementById("check-published").value || null;
      const box = document.getElementById("check-result");
      button.disabled = true;
      button.textContent = T.check_running;
      try {
        const result = await api("/ledger/v1/check", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text, published }),
        });
        renderCheck(text, result);
      } catch (error) {
        fail(box, error);
      } finally {
        button.disabled = false;
        button.textContent = T.check_submit;
      }
    });
  }

  // --- data age -------------------------------------------------------------------------------------------------

  async function loadFreshness() {
    const list = document.getElementById("freshness-list");
    const banner = document.getElementById("stale-banner");
    try {
      const health = await api("/healthz");
      const stale = health.sources.filter((s) => s.stale);
      list.replaceChildren(...health.sources.map((s) => el("li", { class: s.stale ? "stale" : "fresh", "data-source": s.source },
        el("strong", {}, s.name || s.source), " ",
        fill(T.source_age, { date: s.newest_report, hours: NF.format(Math.round(s.age_hours)) }),
        s.fetched_at ? el("span", { class: "small" }, " · ", fill(T.source_fetched, { when: s.fetched_at.slice(0, 16).replace("T", " ") })) : null,
        s.stale ? el("span", { class: "badge" }, T.stale) : null,
      )));
      banner.hidden = stale.length === 0;
      if (stale.length) {
        banner.replaceChildren(el("strong", {}, T.stale_banner), " ", stale.map((s) => fill(T.stale_source, { source: s.name || s.source, date: s.newest_report })).join("; "));
      }
      document.body.dataset.stale = String(stale.length);
    } catch (error) {
      fail(list, error);
    }
  }

  // --- start ----------------------------------------------------------------------------------------------------

  async function start() {
    setupCheck();
    try {
      for (const m of await api("/ledger/v1/metrics")) state.metrics[m.name] = m;
    } catch (error) {
      /* labels fall back to metric names */
    }
    const day = await loadLatest();
    await Promise.all([setupCharts(day), loadClaims(), loadConflicts(), loadFreshness()]);
    document.body.dataset.ready = "true";
  }

  start();
})();
