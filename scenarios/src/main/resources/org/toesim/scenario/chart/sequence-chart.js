// ToeSim sequence chart. Written for this page, no library. Data: the toesim-meta, toesim-cols and
// toesim-fields blocks (see HtmlSequenceChart.java). Time runs downwards; one column per lifeline.
(function () {
  'use strict';
  var scriptStartMs = performance.now();

  function el(id) { return document.getElementById(id); }
  // Reads a data block and removes it from the DOM (the page keeps only the decoded arrays).
  function take(id) { var n = el(id); var s = n.textContent; n.remove(); return s; }

  // ---- data --------------------------------------------------------------------------------
  var meta = JSON.parse(take('toesim-meta'));
  var raw = JSON.parse(take('toesim-cols'));
  var fieldsText = take('toesim-fields');
  var N = meta.count, L = meta.lifelines.length;
  var T = new Float64Array(N);   // arrival time (ps), sorted
  var D = new Float64Array(N);   // t - sentPs (0 for a local event)
  var K = new Int32Array(N);     // component lifeline
  var A = new Int32Array(N);     // from lifeline (component for a local event)
  var B = new Int32Array(N);     // to lifeline, -1 for a local event
  var E = new Int32Array(N);     // event name index
  var C = new Int32Array(N);     // connection index, -1 for none
  var maxDur = 0, dataMin = 0, dataMax = 0;
  (function decode() {
    var acc = 0, rt = raw.t, rd = raw.d, rk = raw.k, ra = raw.a, rb = raw.b, re = raw.e, rc = raw.c;
    for (var i = 0; i < N; i++) {
      acc += rt[i]; T[i] = acc; D[i] = rd[i]; K[i] = rk[i]; A[i] = ra[i]; B[i] = rb[i]; E[i] = re[i]; C[i] = rc[i];
      var ad = Math.abs(rd[i]), lo = Math.min(acc, acc - rd[i]), hi = Math.max(acc, acc - rd[i]);
      if (ad > maxDur) { maxDur = ad; }
      if (i === 0 || lo < dataMin) { dataMin = lo; }
      if (i === 0 || hi > dataMax) { dataMax = hi; }
    }
  })();
  raw = null;
  var decodeMs = performance.now() - scriptStartMs;

  var lineStarts = null;   // built on the first click
  function fieldsOf(i) {
    if (!lineStarts) {
      lineStarts = new Float64Array(N + 1);
      var p = 0;
      for (var k = 0; k < N; k++) { lineStarts[k] = p; p = fieldsText.indexOf('\n', p) + 1; }
      lineStarts[N] = p;
    }
    try { return JSON.parse(fieldsText.substring(lineStarts[i], lineStarts[i + 1] - 1)); } catch (e) { return {}; }
  }

  // ---- time text ---------------------------------------------------------------------------
  var UNITS = [[1e12, 's'], [1e9, 'ms'], [1e6, 'us'], [1e3, 'ns']];
  function unitOf(ps) {
    var a = Math.abs(ps);
    for (var u = 0; u < UNITS.length; u++) { if (a >= UNITS[u][0]) { return UNITS[u]; } }
    return [1, 'ps'];
  }
  function fmt(ps) {
    var u = unitOf(ps);
    return u[0] === 1 ? Math.round(ps) + ' ps' : (ps / u[0]).toFixed(3) + ' ' + u[1];
  }
  function fmtTick(ps, stepPs) {
    var u = unitOf(Math.max(Math.abs(ps), stepPs));
    var dec = Math.max(0, Math.min(9, Math.ceil(Math.log10(u[0] / stepPs) - 1e-9)));
    return (ps / u[0]).toFixed(dec) + ' ' + u[1];
  }
  var PARSE_UNITS = {ps: 1, ns: 1e3, us: 1e6, '\u00b5s': 1e6, ms: 1e9, s: 1e12};
  function parseTime(text) {
    var m = /^\s*([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)\s*([a-z\u00b5]*)\s*$/i.exec(text);
    if (!m) { throw new Error("'" + text + "' is not a time such as 1.5ms or 200us"); }
    var unit = m[2].toLowerCase() || 'ps';
    if (!(unit in PARSE_UNITS)) { throw new Error("unknown time unit '" + m[2] + "' (ps, ns, us, ms, s)"); }
    return parseFloat(m[1]) * PARSE_UNITS[unit];
  }

  // ---- layout and view ---------------------------------------------------------------------
  var AXIS_W = 104, HEAD_H = 46, LABEL_LIMIT = 600, SUMMARY_LIMIT = 160;
  var PALETTE = ['#1f5fbf', '#c2410c', '#15803d', '#7e22ce', '#b91c1c', '#0e7490', '#a16207', '#be185d',
    '#4d7c0f', '#334155'];
  var GROUP_COLORS = ['#dbe7fb', '#e8e8e8', '#dcf3e2', '#f6e4d3', '#eadcf6', '#f9dce4'];
  var canvas = el('chart'), ctx = canvas.getContext('2d'), plot = el('plot');
  var W = 800, H = 600, dpr = 1, colW = 120;
  var view = {t0: 0, psPerPx: 1, x0: 0};
  var filter = {conn: -1, from: -Infinity, to: Infinity};
  var selected = -1, shown = null, sync = false, pending = false, drag = null;
  var stats = {visible: 0, messages: 0, marks: 0};
  var groupIndex = {}, groupColor = [];
  meta.groups.forEach(function (g) {
    if (!(g in groupIndex)) { groupIndex[g] = Object.keys(groupIndex).length; }
  });
  meta.groups.forEach(function (g, l) {
    groupColor[l] = g === '' ? GROUP_COLORS[1] : GROUP_COLORS[(groupIndex[g] === 0 ? 0 : groupIndex[g] + 1) % GROUP_COLORS.length];
  });

  function plotH() { return Math.max(1, H - HEAD_H); }
  function xOf(l) { return AXIS_W + colW * (l + 0.5) - view.x0; }
  function yOf(t) { return HEAD_H + (t - view.t0) / view.psPerPx; }
  function clampX() { view.x0 = Math.max(0, Math.min(view.x0, Math.max(0, colW * L - (W - AXIS_W)))); }
  function fullSpan() { return Math.max(1000, dataMax - dataMin); }
  function clampZoom() {
    view.psPerPx = Math.max(0.01, Math.min(view.psPerPx, fullSpan() * 4 / plotH()));
  }

  function resize() {
    var r = plot.getBoundingClientRect();
    W = Math.max(300, Math.floor(r.width)); H = Math.max(200, Math.floor(r.height));
    dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(W * dpr); canvas.height = Math.round(H * dpr);
    canvas.style.width = W + 'px'; canvas.style.height = H + 'px';
    colW = Math.max(80, Math.floor((W - AXIS_W) / Math.max(1, L)));
    clampX();
  }

  function lowerBound(x) { var lo = 0, hi = N; while (lo < hi) { var m = (lo + hi) >>> 1; if (T[m] < x) { lo = m + 1; } else { hi = m; } } return lo; }
  function upperBound(x) { var lo = 0, hi = N; while (lo < hi) { var m = (lo + hi) >>> 1; if (T[m] <= x) { lo = m + 1; } else { hi = m; } } return lo; }

  // Shows [from, to] with a small margin.
  function showSpan(from, to) {
    var span = Math.max(to - from, 1000);
    view.psPerPx = span * 1.08 / plotH();
    clampZoom();
    view.t0 = from - span * 0.04;
  }
  // The whole filtered window (of the chosen connection's records, when one is chosen).
  function fit() {
    var lo = Math.max(filter.from, dataMin), hi = Math.min(filter.to, dataMax);
    if (filter.conn >= 0) {
      var first = -1, last = -1;
      for (var i = lowerBound(filter.from); i < N && T[i] <= filter.to; i++) {
        if (C[i] === filter.conn) { if (first < 0) { first = i; } last = i; }
      }
      if (first >= 0) { lo = T[first] - Math.max(D[first], 0); hi = T[last]; }
    }
    showSpan(lo, hi);
    requestRender();
  }

  // ---- drawing -----------------------------------------------------------------------------
  var frame = 0;
  var pairFrame = new Int32Array((L + 1) * (L + 1)), pairRow = new Int32Array((L + 1) * (L + 1));
  var hitN = 0, hitIdx = new Int32Array(1024), hitGeo = new Float32Array(4096);
  function addHit(i, x1, y1, x2, y2) {
    if (hitN === hitIdx.length) {
      var ni = new Int32Array(hitN * 2); ni.set(hitIdx); hitIdx = ni;
      var ng = new Float32Array(hitN * 8); ng.set(hitGeo); hitGeo = ng;
    }
    hitIdx[hitN] = i; hitGeo[4 * hitN] = x1; hitGeo[4 * hitN + 1] = y1; hitGeo[4 * hitN + 2] = x2; hitGeo[4 * hitN + 3] = y2;
    hitN++;
  }

  function niceStep(x) {
    var p = Math.pow(10, Math.floor(Math.log10(x))), m = x / p;
    return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
  }

  function drawGrid(tA, tB) {
    ctx.fillStyle = '#f7f8fa'; ctx.fillRect(0, HEAD_H, AXIS_W, plotH());
    var step = niceStep(72 * view.psPerPx), k0 = Math.ceil(tA / step);
    ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
    ctx.strokeStyle = '#eceef2'; ctx.lineWidth = 1;
    ctx.beginPath();
    for (var k = k0; k * step <= tB; k++) {
      var y = Math.round(yOf(k * step)) + 0.5;
      ctx.moveTo(AXIS_W, y); ctx.lineTo(W, y);
      ctx.fillStyle = '#445'; ctx.fillText(fmtTick(k * step, step), AXIS_W - 8, y);
    }
    ctx.stroke();
    ctx.strokeStyle = '#c9ced6'; ctx.beginPath(); ctx.moveTo(AXIS_W + 0.5, HEAD_H); ctx.lineTo(AXIS_W + 0.5, H); ctx.stroke();
  }

  function drawLifelines() {
    ctx.strokeStyle = '#b9bfca'; ctx.setLineDash([4, 4]); ctx.beginPath();
    for (var l = 0; l < L; l++) { var x = Math.round(xOf(l)) + 0.5; ctx.moveTo(x, HEAD_H); ctx.lineTo(x, H); }
    ctx.stroke(); ctx.setLineDash([]);
  }

  function drawHeader() {
    ctx.fillStyle = '#f4f6f9'; ctx.fillRect(0, 0, W, HEAD_H);
    ctx.strokeStyle = '#d5d9e0'; ctx.beginPath(); ctx.moveTo(0, HEAD_H - 0.5); ctx.lineTo(W, HEAD_H - 0.5); ctx.stroke();
    ctx.save(); ctx.beginPath(); ctx.rect(AXIS_W, 0, W - AXIS_W, HEAD_H); ctx.clip();
    ctx.font = '600 12px system-ui, sans-serif'; ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    for (var l = 0; l < L; l++) {
      var x = xOf(l), w = colW - 10;
      if (x + w / 2 < AXIS_W || x - w / 2 > W) { continue; }
      ctx.fillStyle = groupColor[l]; ctx.fillRect(x - w / 2, 9, w, 28);
      ctx.strokeStyle = '#8a93a3'; ctx.strokeRect(x - w / 2 + 0.5, 9.5, w - 1, 27);
      ctx.fillStyle = '#1d2330'; ctx.fillText(ellipsize(meta.lifelines[l], w - 8), x, 23);
    }
    ctx.restore();
    ctx.font = '11px system-ui, sans-serif'; ctx.textAlign = 'left'; ctx.fillStyle = '#556';
    ctx.fillText('time \u2193', 10, 23);
  }

  function ellipsize(text, width) {
    if (ctx.measureText(text).width <= width) { return text; }
    var s = text;
    while (s.length > 1 && ctx.measureText(s + '\u2026').width > width) { s = s.slice(0, -1); }
    return s + '\u2026';
  }

  function arrowHead(path, x1, y1, x2, y2) {
    var ang = Math.atan2(y2 - y1, x2 - x1), s = 8;
    path.moveTo(x2, y2); path.lineTo(x2 - s * Math.cos(ang - 0.42), y2 - s * Math.sin(ang - 0.42));
    path.moveTo(x2, y2); path.lineTo(x2 - s * Math.cos(ang + 0.42), y2 - s * Math.sin(ang + 0.42));
  }

  function render() {
    frame++;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = '#fff'; ctx.fillRect(0, 0, W, H);
    var tA = view.t0, tB = view.t0 + plotH() * view.psPerPx;
    drawGrid(tA, tB);
    drawLifelines();
    ctx.save(); ctx.beginPath(); ctx.rect(AXIS_W, HEAD_H, W - AXIS_W, plotH()); ctx.clip();
    var lines = [], marks = [];
    for (var p = 0; p < PALETTE.length; p++) { lines.push(new Path2D()); marks.push(new Path2D()); }
    var i0 = lowerBound(Math.max(filter.from, tA - maxDur)), i1 = upperBound(Math.min(filter.to, tB + maxDur));
    var fc = filter.conn, visible = 0, nMsg = 0, nMark = 0, L1 = L + 1;
    hitN = 0;
    for (var i = i0; i < i1; i++) {
      if (fc >= 0 && C[i] !== fc) { continue; }
      var y2 = yOf(T[i]), a = A[i], b = B[i], pair, row = Math.floor(y2);
      if (b < 0) {
        if (y2 < HEAD_H - 4 || y2 > H + 4) { continue; }
        visible++;
        pair = a * L1 + L;
        if (pairFrame[pair] === frame && pairRow[pair] === row) { continue; }
        pairFrame[pair] = frame; pairRow[pair] = row;
        var x = xOf(a);
        marks[E[i] % PALETTE.length].rect(x - 3.5, y2 - 3.5, 7, 7);
        nMark++; addHit(i, x, y2, x, y2);
      } else {
        var y1 = yOf(T[i] - D[i]);
        if ((y1 < HEAD_H && y2 < HEAD_H) || (y1 > H && y2 > H)) { continue; }
        visible++;
        pair = a * L1 + b;
        if (pairFrame[pair] === frame && pairRow[pair] === row) { continue; }
        pairFrame[pair] = frame; pairRow[pair] = row;
        var x1 = xOf(a), x2 = xOf(b), path = lines[E[i] % PALETTE.length];
        if (a === b) {
          path.moveTo(x1, y1); path.lineTo(x1 + 22, y1); path.lineTo(x1 + 22, y2); path.lineTo(x1, y2);
          arrowHead(path, x1 + 22, y2, x1, y2);
          addHit(i, x1 + 22, y1, x1 + 22, y2);
        } else {
          path.moveTo(x1, y1); path.lineTo(x2, y2); arrowHead(path, x1, y1, x2, y2);
          addHit(i, x1, y1, x2, y2);
        }
        nMsg++;
      }
    }
    ctx.lineWidth = 1.3;
    for (p = 0; p < PALETTE.length; p++) {
      ctx.strokeStyle = PALETTE[p]; ctx.stroke(lines[p]);
      ctx.fillStyle = PALETTE[p]; ctx.fill(marks[p]);
    }
    if (hitN <= LABEL_LIMIT) { drawLabels(); }
    drawSelected();
    ctx.restore();
    drawHeader();
    stats = {visible: visible, messages: nMsg, marks: nMark};
    el('status').className = '';
    el('status').textContent = visible + ' records in view (' + nMsg + ' arrows, ' + nMark + ' marks drawn) \u00b7 '
      + fmt(tA) + ' \u2013 ' + fmt(tB) + ' \u00b7 ' + N + ' records, ' + L + ' lifelines';
  }

  function summary(i) {
    var f = fieldsOf(i), parts = [];
    for (var k in f) {
      if (parts.length >= 3) { break; }
      var v = f[k];
      if (v === null || typeof v === 'object') { continue; }
      var s = String(v);
      parts.push(k + '=' + (s.length > 24 ? s.slice(0, 23) + '\u2026' : s));
    }
    return parts.join(', ');
  }

  function drawLabels() {
    var withSummary = hitN <= SUMMARY_LIMIT, last = new Float64Array(L + 1).fill(-1e9);
    ctx.font = '11px system-ui, sans-serif'; ctx.textBaseline = 'bottom';
    for (var h = 0; h < hitN; h++) {
      var i = hitIdx[h], x1 = hitGeo[4 * h], y1 = hitGeo[4 * h + 1], x2 = hitGeo[4 * h + 2], y2 = hitGeo[4 * h + 3];
      var slot = B[i] < 0 ? A[i] : Math.min(A[i], B[i]), ym = (y1 + y2) / 2;
      if (ym - last[slot] < 13) { continue; }
      last[slot] = ym;
      var text = meta.events[E[i]] + (withSummary ? ' ' + summary(i) : '');
      ctx.fillStyle = PALETTE[E[i] % PALETTE.length];
      if (B[i] < 0) {
        ctx.textAlign = 'left'; ctx.fillText(ellipsize(text, colW - 14), x1 + 7, ym + 6);
      } else if (A[i] === B[i]) {
        ctx.textAlign = 'left'; ctx.fillText(ellipsize(text, colW - 30), x1 + 4, ym - 1);
      } else {
        ctx.textAlign = 'center'; ctx.fillText(ellipsize(text, Math.abs(x2 - x1) - 8), (x1 + x2) / 2, ym - 2);
      }
    }
  }

  function drawSelected() {
    if (selected < 0) { return; }
    var i = selected, y2 = yOf(T[i]);
    ctx.strokeStyle = '#e11d48'; ctx.fillStyle = '#e11d48'; ctx.lineWidth = 3;
    if (B[i] < 0) {
      ctx.fillRect(xOf(A[i]) - 5, y2 - 5, 10, 10);
    } else {
      var x1 = xOf(A[i]), x2 = xOf(B[i]), y1 = yOf(T[i] - D[i]), path = new Path2D();
      if (x1 === x2) { path.moveTo(x1, y1); path.lineTo(x1 + 22, y1); path.lineTo(x1 + 22, y2); path.lineTo(x1, y2); }
      else { path.moveTo(x1, y1); path.lineTo(x2, y2); arrowHead(path, x1, y1, x2, y2); }
      ctx.stroke(path);
    }
    ctx.lineWidth = 1;
  }

  function requestRender() {
    if (sync) { render(); return; }
    if (!pending) { pending = true; requestAnimationFrame(function () { pending = false; render(); }); }
  }

  // ---- picking and the side panel ----------------------------------------------------------
  function pick(x, y) {
    var best = -1, bestD = 7;
    for (var h = 0; h < hitN; h++) {
      var x1 = hitGeo[4 * h], y1 = hitGeo[4 * h + 1], x2 = hitGeo[4 * h + 2], y2 = hitGeo[4 * h + 3];
      var dx = x2 - x1, dy = y2 - y1, len2 = dx * dx + dy * dy;
      var u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / len2));
      var d = Math.hypot(x - (x1 + u * dx), y - (y1 + u * dy)) - (len2 === 0 ? 2 : 0);
      if (d < bestD) { bestD = d; best = hitIdx[h]; }
    }
    return best;
  }

  function recordOf(i) {
    var o = {event: meta.events[E[i]], time: fmt(T[i]), tPs: T[i], component: meta.lifelines[K[i]]};
    if (B[i] >= 0) {
      o.from = meta.lifelines[A[i]]; o.to = meta.lifelines[B[i]];
      o.sentPs = T[i] - D[i]; o.sent = fmt(T[i] - D[i]); o.latency = fmt(D[i]);
    }
    if (C[i] >= 0) { o.conn = meta.conns[C[i]]; }
    o.fields = fieldsOf(i);
    return o;
  }

  function select(i) {
    selected = i;
    var box = el('details');
    box.textContent = '';
    if (i < 0) { shown = null; box.textContent = 'Nothing there: click an arrow or a mark.'; requestRender(); return; }
    shown = recordOf(i);
    var table = document.createElement('table');
    function row(k, v, cls) {
      var tr = table.insertRow(), a = tr.insertCell(), b = tr.insertCell();
      a.className = cls || 'k'; a.textContent = k;
      b.textContent = typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    }
    for (var k in shown) { if (k !== 'fields') { row(k, shown[k]); } }
    var tr = table.insertRow(), c = tr.insertCell(); c.colSpan = 2; c.className = 'sep'; c.textContent = 'fields';
    for (var f in shown.fields) { row(f, shown.fields[f]); }
    if (Object.keys(shown.fields).length === 0) { row('(none)', ''); }
    box.appendChild(table);
    requestRender();
  }

  // ---- input -------------------------------------------------------------------------------
  function panBy(dx, dy) { view.x0 += dx; view.t0 += dy * view.psPerPx; clampX(); requestRender(); }
  function zoomAt(factor, yPx) {
    var y = Math.max(0, yPx - HEAD_H), tAt = view.t0 + y * view.psPerPx;
    view.psPerPx *= factor; clampZoom();
    view.t0 = tAt - y * view.psPerPx;
    requestRender();
  }
  function local(ev) { var r = canvas.getBoundingClientRect(); return [ev.clientX - r.left, ev.clientY - r.top]; }

  canvas.addEventListener('mousedown', function (ev) {
    drag = {x: ev.clientX, y: ev.clientY, moved: false}; canvas.focus(); ev.preventDefault();
  });
  window.addEventListener('mousemove', function (ev) {
    if (!drag) { return; }
    var dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
    if (!drag.moved && Math.abs(dx) + Math.abs(dy) < 3) { return; }
    drag.moved = true; drag.x = ev.clientX; drag.y = ev.clientY;
    panBy(-dx, -dy);
  });
  window.addEventListener('mouseup', function (ev) {
    if (!drag) { return; }
    var d = drag; drag = null;
    if (!d.moved) { var p = local(ev); select(pick(p[0], p[1])); }
  });
  canvas.addEventListener('wheel', function (ev) {
    ev.preventDefault();
    var step = ev.deltaMode === 1 ? ev.deltaY * 16 : ev.deltaY;
    if (ev.shiftKey) { panBy(step, 0); } else { zoomAt(Math.exp(step * 0.002), local(ev)[1]); }
  }, {passive: false});
  window.addEventListener('keydown', function (ev) {
    var tag = ev.target && ev.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT') { return; }
    var h = plotH();
    switch (ev.key) {
      case 'ArrowDown': panBy(0, h * 0.1); break;
      case 'ArrowUp': panBy(0, -h * 0.1); break;
      case 'PageDown': panBy(0, h * 0.9); break;
      case 'PageUp': panBy(0, -h * 0.9); break;
      case 'ArrowRight': panBy(colW, 0); break;
      case 'ArrowLeft': panBy(-colW, 0); break;
      case '+': case '=': zoomAt(0.5, HEAD_H + h / 2); break;
      case '-': case '_': zoomAt(2, HEAD_H + h / 2); break;
      case 'Home': fit(); break;
      default: return;
    }
    ev.preventDefault();
  });
  window.addEventListener('resize', function () { resize(); requestRender(); });
  el('zin').addEventListener('click', function () { zoomAt(0.5, HEAD_H + plotH() / 2); });
  el('zout').addEventListener('click', function () { zoomAt(2, HEAD_H + plotH() / 2); });
  el('fit').addEventListener('click', fit);

  var connSelect = el('conn');
  (function fillConnections() {
    var all = document.createElement('option');
    all.value = '-1'; all.textContent = 'all (' + meta.conns.length + ')';
    connSelect.appendChild(all);
    meta.conns.forEach(function (c, i) {
      var o = document.createElement('option'); o.value = String(i); o.textContent = c; connSelect.appendChild(o);
    });
    if (meta.filterConn !== null && meta.conns.length === 1) { connSelect.value = '0'; filter.conn = 0; }
  })();
  connSelect.addEventListener('change', function () { filter.conn = parseInt(connSelect.value, 10); selected = -1; fit(); });
  if (meta.filterFromPs !== null) { el('from').value = fmt(meta.filterFromPs).replace(' ', ''); }
  if (meta.filterToPs !== null) { el('to').value = fmt(meta.filterToPs).replace(' ', ''); }
  function applyWindow() {
    try {
      var f = el('from').value.trim(), t = el('to').value.trim();
      var from = f === '' ? -Infinity : parseTime(f), to = t === '' ? Infinity : parseTime(t);
      if (from > to) { throw new Error('from is after to'); }
      filter.from = from; filter.to = to; fit();
    } catch (e) {
      el('status').className = 'error'; el('status').textContent = 'time window: ' + e.message;
    }
  }
  el('apply').addEventListener('click', applyWindow);
  ['from', 'to'].forEach(function (id) {
    el(id).addEventListener('keydown', function (ev) { if (ev.key === 'Enter') { applyWindow(); } });
  });

  // ---- start -------------------------------------------------------------------------------
  resize();
  if (N <= 5000) { fit(); } else { showSpan(T[0] - Math.max(D[0], 0), T[399]); }
  sync = true; render(); sync = false;
  var openMs = performance.now();
  var firstRenderMs = openMs - scriptStartMs - decodeMs;

  // First message (arrow) of the given event name, or the first message; -1 if none.
  function firstMessage(kind) {
    for (var i = 0; i < N; i++) { if (B[i] >= 0 && (!kind || meta.events[E[i]] === kind)) { return i; } }
    return -1;
  }
  // Zooms so message i spans about 40% of the height, centred; returns its mid-point on the canvas.
  function focusOn(i) {
    var h = plotH(), d = Math.abs(D[i]);
    view.psPerPx = d > 0 ? d / (0.4 * h) : Math.min(view.psPerPx, 10);
    clampZoom();
    view.t0 = T[i] - D[i] / 2 - (h / 2) * view.psPerPx;
    view.x0 = Math.max(0, (xOf(A[i]) + xOf(B[i])) / 2 + view.x0 - (AXIS_W + (W - AXIS_W) / 2));
    clampX();
    render();
    var x1 = xOf(A[i]), x2 = xOf(B[i]), y1 = yOf(T[i] - D[i]), y2 = yOf(T[i]);
    return A[i] === B[i] ? [x1 + 22, (y1 + y2) / 2] : [(x1 + x2) / 2, (y1 + y2) / 2];
  }

  function timed(fn) { var t = performance.now(); fn(); return Math.round((performance.now() - t) * 100) / 100; }
  function mouse(type, x, y) {
    var r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new MouseEvent(type, {clientX: r.left + x, clientY: r.top + y, bubbles: true, cancelable: true}));
  }
  function key(k) { canvas.dispatchEvent(new KeyboardEvent('keydown', {key: k, bubbles: true, cancelable: true})); }
  function wheel(dy) {
    var r = canvas.getBoundingClientRect();
    canvas.dispatchEvent(new WheelEvent('wheel', {deltaY: dy, clientX: r.left + W / 2, clientY: r.top + HEAD_H + plotH() / 2,
      bubbles: true, cancelable: true}));
  }
  function round(x) { return Math.round(x * 100) / 100; }

  // #selftest[=EventName]: a scripted session whose results go into <pre id="selftest"> as JSON.
  function selfTest(kind) {
    var out = {ok: false, records: N, lifelineCount: L, lifelines: meta.lifelines.slice(), events: meta.events.slice(),
      connections: meta.conns.length, openMs: round(openMs), decodeMs: round(decodeMs), firstRenderMs: round(firstRenderMs),
      initialView: stats, messagesDrawn: stats.messages, marksDrawn: stats.marks, target: kind || null};
    sync = true;
    try {
      var v0 = {t0: view.t0, psPerPx: view.psPerPx, x0: view.x0};
      var idx = firstMessage(kind);
      if (idx >= 0) {
        var p = focusOn(idx);
        out.clickMs = timed(function () { mouse('mousedown', p[0], p[1]); mouse('mouseup', p[0], p[1]); });
        out.clickedTarget = selected === idx;
        out.clicked = shown;
        out.panelText = el('details').textContent;
      }
      view.t0 = v0.t0; view.psPerPx = v0.psPerPx; view.x0 = v0.x0; render();
      var pans = [], zooms = [];
      for (var k = 0; k < 5; k++) { pans.push(timed(function () { key('ArrowDown'); })); }
      for (k = 0; k < 5; k++) {
        pans.push(timed(function () {
          mouse('mousedown', W / 2, HEAD_H + 200); mouse('mousemove', W / 2, HEAD_H + 160); mouse('mouseup', W / 2, HEAD_H + 160);
        }));
      }
      for (k = 0; k < 3; k++) { zooms.push(timed(function () { wheel(-240); })); }
      for (k = 0; k < 3; k++) { zooms.push(timed(function () { wheel(240); })); }
      out.panMs = pans; out.zoomMs = zooms;
      out.fullViewMs = timed(function () { key('Home'); });
      out.fullView = stats;
      var fullPans = [];
      for (k = 0; k < 3; k++) { fullPans.push(timed(function () { key('ArrowDown'); })); }
      out.fullViewPanMs = fullPans;
      out.panMaxMs = Math.max.apply(null, pans.concat(fullPans));
      out.zoomMaxMs = Math.max.apply(null, zooms.concat([out.fullViewMs]));
      out.ok = true;
    } catch (e) {
      out.error = String(e && e.stack || e);
    }
    sync = false;
    var pre = el('selftest');
    pre.textContent = JSON.stringify(out);
    pre.hidden = false;
  }

  var hash = decodeURIComponent(location.hash || '');
  var st = /^#selftest(?:=(.*))?$/.exec(hash), sel = /^#select=(.+)$/.exec(hash);
  if (st) {
    selfTest(st[1]);
  } else if (sel) {
    var target = firstMessage(sel[1]);
    if (target >= 0) { sync = true; fit(); select(target); sync = false; }
  }
})();
