// CareLoop service-quality dashboard for Camunda Cockpit (7.14+ plugin API, issue #7).
//
// - cockpit.dashboard: the KPI tiles of the last 7 days on Cockpit's start page, with a link to the full view;
// - cockpit.route #/careloop-dashboard: the full view (tiles, trends by day / week, backlog by team, agents, keywords,
//   open alerts with their thresholds) for a chosen period;
// - cockpit.navigation: "服务质量 Quality" in Cockpit's header.
//
// Data: CareLoop's /api, read with the Cockpit session (no second login; see identity/ApiAuthenticationFilter):
//   GET /api/kpis?from=&to=[&groupBy=day|week|team|agent]   (to is exclusive; dates in Asia/Shanghai)
//   GET /api/kpis/keywords?from=&to=&limit=
//   GET /api/alerts?status=OPEN                              (a 404 while alerts are not deployed shows "—")
// Only cs-managers and cs-supervisors may read /api/kpis: on 403 the start page shows nothing and the full view a note.
// Charts: Apache ECharts from the org.webjars.npm:echarts webjar (/webjars/echarts/<version>/dist/echarts.esm.min.js).
// Every text from the server goes into the page as text (textContent), never as markup.

const ECHARTS_VERSION = '5.3.1';
const ROUTE = '/careloop-dashboard';
const NO_DATA = '—';
const ZONE = 'Asia/Shanghai';

/** The servlet context the webapps run in: app-root is "<context>/camunda". */
function contextPath() {
  const base = document.querySelector('base');
  const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
  return appRoot.substring(0, appRoot.lastIndexOf('/'));
}

// ---- dates (Asia/Shanghai calendar days, YYYY-MM-DD) ----

function today() {
  return new Intl.DateTimeFormat('en-CA', {timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit'})
    .format(new Date());
}

function addDays(isoDate, days) {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().substring(0, 10);
}

/** [from, to) covering the last n days up to and including today. */
function lastDays(n) {
  const t = today();
  return {from: addDays(t, 1 - n), to: addDays(t, 1)};
}

// ---- formatting ----

function percent(v) {
  return v === null || v === undefined ? NO_DATA : Number(v).toFixed(1) + '%';
}

function signed(v) {
  if (v === null || v === undefined) return NO_DATA;
  const n = Number(v);
  return (n > 0 ? '+' : '') + n.toFixed(1);
}

function count(v) {
  return v === null || v === undefined ? NO_DATA : String(v);
}

function score(v) {
  return v === null || v === undefined ? NO_DATA : Number(v).toFixed(2);
}

/** The tiles, zh-CN first; key: the KPI in /api/kpis and the metric an alert names (GET /api/alerts). */
const TILES = [
  {key: 'csat', zh: '满意度', en: 'CSAT', format: percent},
  {key: 'nps', zh: '净推荐值', en: 'NPS', format: signed},
  {key: 'responseOnTime', zh: '响应及时率', en: 'On-time response', format: percent},
  {key: 'fcr', zh: '首次解决率', en: 'FCR', format: percent},
  {key: 'resolutionRate', zh: '问题解决率', en: 'Resolution rate', format: percent},
  {key: 'backlog', zh: '积压工单', en: 'Backlog', format: count},
  {key: 'overdue', zh: '超期工单', en: 'Overdue', format: count}
];

const AGENT_COLUMNS = [
  {key: 'surveys', zh: '回访', en: 'Surveys', format: count},
  {key: 'csat', zh: '满意度', en: 'CSAT', format: percent},
  {key: 'csatMean', zh: '平均分', en: 'Mean score', format: score},
  {key: 'nps', zh: '净推荐值', en: 'NPS', format: signed},
  {key: 'reachRate', zh: '接通率', en: 'Reach rate', format: percent},
  {key: 'fcr', zh: '首次解决率', en: 'FCR', format: percent},
  {key: 'responseOnTime', zh: '响应及时率', en: 'On-time response', format: percent},
  {key: 'leadConversion', zh: '商机转化率', en: 'Lead conversion', format: percent}
];

// ---- DOM ----

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => {
    if (v === undefined || v === null) return;
    if (k === 'style') node.style.cssText = v;
    else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
    else node.setAttribute(k, v);
  });
  children.flat().forEach(c => {
    if (c === null || c === undefined) return;
    node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  });
  return node;
}

const STYLE = `
.careloop-dashboard { font-size: 14px; margin: 0 0 20px; }
.careloop-dashboard h2 { font-size: 18px; margin: 0 0 10px; }
.careloop-dashboard h3 { font-size: 15px; margin: 16px 0 8px; }
.careloop-dashboard .cl-bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 0 0 12px; }
.careloop-dashboard .cl-bar input { width: 140px; }
.careloop-dashboard .cl-tiles { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 10px; }
.careloop-dashboard .cl-tile { border: 1px solid #ccc; border-radius: 4px; padding: 10px 12px; background: #fff; }
.careloop-dashboard .cl-tile.cl-alert { border-color: #b5152b; box-shadow: inset 4px 0 0 #b5152b; }
.careloop-dashboard .cl-tile-label { color: #555; font-size: 12px; }
.careloop-dashboard .cl-tile-value { font-size: 26px; font-weight: 600; line-height: 1.3; }
.careloop-dashboard .cl-tile-note { color: #b5152b; font-size: 12px; }
.careloop-dashboard .cl-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 16px; }
.careloop-dashboard .cl-chart { height: 280px; border: 1px solid #eee; }
.careloop-dashboard table { width: 100%; }
.careloop-dashboard td.cl-num, .careloop-dashboard th.cl-num { text-align: right; }
.careloop-dashboard .cl-note { color: #555; }
.careloop-dashboard .cl-error { color: #b5152b; }
`;

function withStyle(node) {
  if (!document.getElementById('careloop-dashboard-style')) {
    document.head.appendChild(el('style', {id: 'careloop-dashboard-style'}, STYLE));
  }
  return node;
}

// ---- data ----

class Forbidden extends Error {}

function apiClient() {
  const root = contextPath() + '/api';
  async function get(path, params, {optional} = {}) {
    const query = new URLSearchParams(Object.entries(params || {}).filter(([, v]) => v !== undefined && v !== null));
    const response = await fetch(root + path + (query.toString() ? '?' + query : ''),
      {credentials: 'same-origin', headers: {Accept: 'application/json'}});
    if (response.status === 403 || response.status === 401) throw new Forbidden(path);
    if (optional && (response.status === 404 || response.status === 405)) return null;
    if (!response.ok) {
      const problem = await response.json().catch(() => ({}));
      throw new Error(`${path}: HTTP ${response.status}${problem.detail ? ' ' + problem.detail : ''}`);
    }
    return response.json();
  }
  return {
    kpis: (period, groupBy) => get('/kpis', {from: period.from, to: period.to, groupBy}),
    keywords: (period, limit) => get('/kpis/keywords', {from: period.from, to: period.to, limit}),
    // the alerts module may not be there yet: 404 → null, shown as "—"
    openAlerts: () => get('/alerts', {status: 'OPEN'}, {optional: true}).catch(e => {
      if (e instanceof Forbidden) throw e;
      console.warn('careloop dashboard: alerts not available', e);
      return null;
    })
  };
}

/** An alert's list of items, whatever the envelope ([...] or {items|alerts|content: [...]}). */
function alertList(answer) {
  if (answer === null || answer === undefined) return null;
  if (Array.isArray(answer)) return answer;
  return answer.items || answer.alerts || answer.content || [];
}

/** "csat", "CSAT", "RESPONSE_ON_TIME", "responseOnTime" → one key. */
function metricKey(name) {
  return String(name || '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const COMPARISONS = {LT: '<', LE: '<=', GT: '>', GE: '>='};

function comparison(alert) {
  const c = alert.comparison || alert.operator || '';
  return COMPARISONS[String(c).toUpperCase()] || c;
}

function figure(v) {
  if (v === null || v === undefined) return NO_DATA;
  const n = Number(v);
  return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

/** An alert of GET /api/alerts as "满意度 CSAT 72.5 (阈值 threshold < 80) · all · 7 天 days". */
function alertText(alert) {
  const parts = [`${alert.metricLabel || alert.metric || ''} ${figure(alert.value)}` +
    ` (阈值 threshold ${comparison(alert)} ${figure(alert.threshold)})`];
  if (alert.scope) parts.push(alert.scope);
  if (alert.windowDays) parts.push(`${alert.windowDays} 天 days`);
  return parts.join(' · ');
}

// ---- tiles ----

function tiles(totals, alerts) {
  const open = alertList(alerts);
  const byMetric = {};
  (open || []).forEach(a => {
    const m = metricKey(a.metric);
    (byMetric[m] = byMetric[m] || []).push(a);
  });
  const nodes = TILES.map(t => {
    const raised = byMetric[metricKey(t.key)] || [];
    return el('div', {class: 'cl-tile' + (raised.length ? ' cl-alert' : ''), 'data-kpi': t.key},
      el('div', {class: 'cl-tile-label'}, `${t.zh} ${t.en}`),
      el('div', {class: 'cl-tile-value'}, t.format(totals ? totals[t.key] : null)),
      raised.length ? el('div', {class: 'cl-tile-note'},
        raised.map(a => `告警 Alert: ${figure(a.value)} ${comparison(a)} ${figure(a.threshold)}` +
          (a.scope ? ` · ${a.scope}` : '')).join('; ')) : null);
  });
  nodes.push(el('div', {class: 'cl-tile' + (open && open.length ? ' cl-alert' : ''), 'data-kpi': 'openAlerts'},
    el('div', {class: 'cl-tile-label'}, '未关闭告警 Open alerts'),
    el('div', {class: 'cl-tile-value'}, open === null ? NO_DATA : String(open.length)),
    open && open.length ? el('div', {class: 'cl-tile-note'}, open.slice(0, 3).map(alertText).join('; ')) : null));
  return el('div', {class: 'cl-tiles'}, nodes);
}

// ---- charts ----

let echartsModule = null;

function loadECharts() {
  if (!echartsModule) {
    echartsModule = import(`${contextPath()}/webjars/echarts/${ECHARTS_VERSION}/dist/echarts.esm.min.js`);
  }
  return echartsModule;
}

function chartBox(title) {
  const box = el('div', {class: 'cl-chart'});
  return {node: el('div', {}, el('h3', {}, title), box), box};
}

async function drawChart(charts, box, option) {
  try {
    const echarts = await loadECharts();
    if (!box.isConnected) return;
    const chart = echarts.init(box);
    chart.setOption(Object.assign({animation: false, tooltip: {trigger: 'axis'},
      grid: {left: 48, right: 24, top: 40, bottom: 40}}, option));
    charts.push(chart);
  } catch (e) {
    console.error('careloop dashboard: chart not drawn', e);
    box.textContent = '图表不可用 Chart unavailable';
  }
}

function lineSeries(groups, key, name) {
  return {name, type: 'line', connectNulls: false, data: groups.map(g => g[key] ?? null)};
}

// ---- the views ----

function noteForbidden() {
  return el('p', {class: 'cl-note'}, '服务质量看板仅对客服经理和客服主管开放 ' +
    'The service-quality dashboard is for cs-managers and cs-supervisors only.');
}

/** cockpit.dashboard: tiles of the last 7 days, link to the full view. */
function renderSummary(node) {
  const state = {alive: true};
  const api = apiClient();
  const period = lastDays(7);
  withStyle(node);
  Promise.all([api.kpis(period), api.openAlerts()]).then(([report, alerts]) => {
    if (!state.alive) return;
    node.replaceChildren(el('section', {class: 'careloop-dashboard', 'data-careloop': 'summary'},
      el('h2', {}, '服务质量 Service quality ',
        el('small', {}, `最近 7 天 Last 7 days (${period.from} – ${addDays(period.to, -1)})`)),
      tiles(report.totals, alerts),
      el('p', {style: 'margin-top:8px'}, el('a', {href: '#' + ROUTE}, '完整看板 Full dashboard →'))));
  }).catch(e => {
    if (!state.alive) return;
    if (e instanceof Forbidden) node.replaceChildren(); // not for this user: nothing on the start page
    else node.replaceChildren(el('p', {class: 'cl-error'}, '服务质量数据不可用 Service-quality figures unavailable: ' + e.message));
  });
  return () => { state.alive = false; };
}

/** cockpit.route: the full view for a period. */
function renderFull(node) {
  const state = {alive: true, charts: [], period: lastDays(30), trend: 'day'};
  const api = apiClient();
  withStyle(node);
  const root = el('section', {class: 'careloop-dashboard', 'data-careloop': 'full', style: 'padding: 16px'});
  node.replaceChildren(root);

  function disposeCharts() {
    state.charts.forEach(c => c.dispose());
    state.charts = [];
  }

  const from = el('input', {type: 'date', class: 'form-control input-sm', 'aria-label': '开始 From'});
  const to = el('input', {type: 'date', class: 'form-control input-sm', 'aria-label': '结束 To'});
  const content = el('div', {});

  function setPeriod(p) {
    state.period = p;
    from.value = p.from;
    to.value = addDays(p.to, -1);
    load();
  }

  const preset = (label, days) => el('button', {type: 'button', class: 'btn btn-default btn-sm',
    onclick: () => setPeriod(lastDays(days))}, label);
  const trendButton = (label, value) => el('button', {type: 'button', class: 'btn btn-default btn-sm',
    'data-trend': value, onclick: () => { state.trend = value; load(); }}, label);

  root.append(
    el('h2', {}, '服务质量看板 Service-quality dashboard'),
    el('div', {class: 'cl-bar'},
      preset('最近 7 天 7 days', 7), preset('最近 30 天 30 days', 30), preset('最近 90 天 90 days', 90),
      el('span', {}, '从 From'), from, el('span', {}, '至 To'), to,
      el('button', {type: 'button', class: 'btn btn-primary btn-sm', onclick: () => {
        if (from.value && to.value && from.value <= to.value) setPeriod({from: from.value, to: addDays(to.value, 1)});
      }}, '查询 Show'),
      el('span', {style: 'margin-left:16px'}, '趋势 Trend'), trendButton('按日 By day', 'day'), trendButton('按周 By week', 'week')),
    content);

  async function load() {
    const period = state.period;
    disposeCharts();
    content.replaceChildren(el('p', {class: 'cl-note'}, '加载中… Loading…'));
    let data;
    try {
      const [totals, trend, teams, agents, keywords, alerts] = await Promise.all([
        api.kpis(period), api.kpis(period, state.trend), api.kpis(period, 'team'), api.kpis(period, 'agent'),
        api.keywords(period, 15), api.openAlerts()]);
      data = {totals, trend, teams, agents, keywords, alerts};
    } catch (e) {
      if (!state.alive) return;
      content.replaceChildren(e instanceof Forbidden ? noteForbidden()
        : el('p', {class: 'cl-error'}, '服务质量数据不可用 Service-quality figures unavailable: ' + e.message));
      return;
    }
    if (!state.alive || period !== state.period) return;
    root.querySelectorAll('[data-trend]').forEach(b =>
      b.classList.toggle('active', b.getAttribute('data-trend') === state.trend));
    renderData(data, period);
  }

  function renderData({totals, trend, teams, agents, keywords, alerts}, period) {
    const trendGroups = trend.groups || [];
    const satisfaction = chartBox(state.trend === 'week' ? '满意度趋势（按周） Satisfaction by week' : '满意度趋势（按日） Satisfaction by day');
    const service = chartBox(state.trend === 'week' ? '服务效率趋势（按周） Service by week' : '服务效率趋势（按日） Service by day');
    const backlog = chartBox('各团队积压 Backlog by team');
    const words = chartBox('高频关键词 Top keywords');

    const open = alertList(alerts);
    const alertSection = el('div', {'data-careloop': 'alerts'},
      el('h3', {}, '未关闭告警 Open alerts'),
      open === null ? el('p', {class: 'cl-note'}, NO_DATA)
        : open.length === 0 ? el('p', {class: 'cl-note'}, '无 None')
          : el('ul', {}, open.map(a => el('li', {}, alertText(a)))));

    const agentRows = agents.groups || [];
    const agentTable = el('div', {'data-careloop': 'agents'},
      el('h3', {}, '坐席 Agents'),
      agentRows.length === 0 ? el('p', {class: 'cl-note'}, NO_DATA) :
        el('table', {class: 'table table-condensed table-striped cam-table'},
          el('thead', {}, el('tr', {}, el('th', {}, '坐席 Agent'),
            AGENT_COLUMNS.map(c => el('th', {class: 'cl-num'}, `${c.zh} ${c.en}`)))),
          el('tbody', {}, agentRows.map(g => el('tr', {},
            el('td', {}, g.label || g.key),
            AGENT_COLUMNS.map(c => el('td', {class: 'cl-num'}, c.format(g[c.key]))))))));

    const dims = (totals.totals && totals.totals.dimensions) || {};
    const dimensionNames = {attitude: '服务态度 Attitude', expertise: '专业能力 Expertise', timeliness: '及时性 Timeliness',
      resolution: '解决效果 Resolution', convenience: '便捷性 Convenience'};
    const dimensionList = el('p', {class: 'cl-note', 'data-careloop': 'dimensions'},
      '服务维度（1–5） Dimensions (1–5): ' + Object.keys(dimensionNames)
        .map(k => `${dimensionNames[k]} ${score(dims[k])}`).join(' · ') +
      ` · 回访 Surveys ${count(totals.totals && totals.totals.surveys)}`);

    // {from, to, keywords: [{keyword, count}]}
    const keywordList = ((keywords && keywords.keywords) || []).map(k => ({keyword: k.keyword, count: k.count}));
    content.replaceChildren(
      el('p', {class: 'cl-note'}, `${period.from} – ${addDays(period.to, -1)}（北京时间 Asia/Shanghai）`),
      tiles(totals.totals, alerts),
      dimensionList,
      el('div', {class: 'cl-grid'}, satisfaction.node, service.node, backlog.node, words.node),
      agentTable,
      alertSection);

    const axis = trendGroups.map(g => g.label || g.key);
    drawChart(state.charts, satisfaction.box, {
      legend: {top: 0},
      grid: {left: 48, right: 56, top: 40, bottom: 40},
      xAxis: {type: 'category', data: axis},
      yAxis: [{type: 'value', name: '%', min: 0, max: 100}, {type: 'value', name: 'NPS', min: -100, max: 100}],
      series: [lineSeries(trendGroups, 'csat', '满意度 CSAT %'),
        Object.assign(lineSeries(trendGroups, 'nps', '净推荐值 NPS'), {yAxisIndex: 1})]
    });
    drawChart(state.charts, service.box, {
      legend: {top: 0},
      grid: {left: 48, right: 24, top: 64, bottom: 40},
      xAxis: {type: 'category', data: axis},
      yAxis: {type: 'value', name: '%', min: 0, max: 100},
      series: [lineSeries(trendGroups, 'responseOnTime', '响应及时率 On-time response'),
        lineSeries(trendGroups, 'fcr', '首次解决率 FCR'),
        lineSeries(trendGroups, 'resolutionRate', '问题解决率 Resolution')]
    });
    const teamGroups = (teams.groups || []).slice().reverse();
    drawChart(state.charts, backlog.box, {
      legend: {top: 0},
      grid: {left: 8, right: 24, top: 32, bottom: 24, containLabel: true},
      yAxis: {type: 'category', data: teamGroups.map(g => g.label || g.key), axisLabel: {interval: 0}},
      xAxis: {type: 'value', minInterval: 1},
      series: [{name: '积压 Backlog', type: 'bar', data: teamGroups.map(g => g.backlog ?? null)},
        {name: '超期 Overdue', type: 'bar', data: teamGroups.map(g => g.overdue ?? null)}]
    });
    const top = keywordList.slice().reverse();
    drawChart(state.charts, words.box, {
      grid: {left: 80, right: 24, top: 16, bottom: 24},
      xAxis: {type: 'value', minInterval: 1},
      yAxis: {type: 'category', data: top.map(k => k.keyword)},
      series: [{name: '次数 Count', type: 'bar', data: top.map(k => k.count)}]
    });
  }

  const resize = () => state.charts.forEach(c => c.resize());
  window.addEventListener('resize', resize);
  setPeriod(state.period);
  return () => {
    state.alive = false;
    window.removeEventListener('resize', resize);
    disposeCharts();
  };
}

let summaryCleanup = null;
let fullCleanup = null;

export default [
  {
    id: 'careloop-quality-summary',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: (node) => { summaryCleanup = renderSummary(node); },
    unmount: () => { if (summaryCleanup) summaryCleanup(); summaryCleanup = null; }
  },
  {
    id: 'careloop-dashboard',
    pluginPoint: 'cockpit.route',
    properties: {path: ROUTE},
    render: (node) => { fullCleanup = renderFull(node); },
    unmount: () => { if (fullCleanup) fullCleanup(); fullCleanup = null; }
  },
  {
    // no render: Cockpit draws the header link itself; it is marked active while the URL contains the id
    id: 'careloop-dashboard',
    pluginPoint: 'cockpit.navigation',
    priority: 20,
    properties: {pagePath: '#' + ROUTE, label: '服务质量 Quality', path: ROUTE}
  }
];
