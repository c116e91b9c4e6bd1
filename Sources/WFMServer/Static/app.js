// wfm serve: the page. Plain JavaScript over the REST API (/api/openapi.yaml); no libraries.
"use strict";

const state = {
  token: null,
  centers: [],
  center: null,        // the selected center resource
  plans: [],
  plan: null,          // the selected plan resource (succeeded)
  roster: null,        // wfm.roster/1 of the plan
  shifts: [],          // the roster's shifts, edited in place
  edited: false,
  day: null,           // YYYY-MM-DD
  queue: null,
  figures: null,       // wfm.figures/1 of the (edited) roster for the day
  batch: null,         // the latest request batch
};

const $ = (id) => document.getElementById(id);
const percent = (value, digits = 1) => (value == null || typeof value !== "number" ? "–" : (100 * value).toFixed(digits) + "%");
const fixed = (value, digits = 1) => (typeof value === "number" ? value.toFixed(digits) : "–");

// ---- API -------------------------------------------------------------------------------------

/** Calls the API; throws an Error carrying the problem document's detail and input errors. */
async function api(path, options = {}) {
  const headers = Object.assign({}, options.headers || {});
  if (state.token) headers["Authorization"] = "Bearer " + state.token;
  if (options.json !== undefined) {
    headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(options.json);
  }
  const response = await fetch(path, { method: options.method || "GET", headers, body: options.body });
  const type = response.headers.get("content-type") || "";
  if (!response.ok) {
    let message = response.status + " " + response.statusText;
    if (type.includes("json")) {
      const problem = await response.json();
      message = problem.detail || problem.title || message;
      if (problem.errors) message = problem.errors.map((e) => `${e.file}${e.line ? ":" + e.line : ""}: ${e.field}: ${e.problem}${e.expected ? " (expected " + e.expected + ")" : ""}`).join("\n");
    }
    throw new Error(message);
  }
  if (response.status === 204) return null;
  return type.includes("json") ? response.json() : response.text();
}

function showProblem(error) {
  const box = $("problem");
  box.hidden = !error;
  box.textContent = error ? error.message : "";
  if (error) setStatus("Error: " + error.message.split("\n")[0]);
}

function setStatus(text) { $("status").textContent = text; }

// ---- Centers and plans -----------------------------------------------------------------------

async function loadCenters(selectID) {
  state.centers = await api("/api/centers");
  const select = $("center-select");
  select.replaceChildren(...state.centers.map((c) => new Option(`${c.name} (#${c.id})`, c.id)));
  const chosen = selectID || (state.center && state.center.id) || (state.centers.length ? state.centers[state.centers.length - 1].id : null);
  if (chosen) select.value = chosen;
  await selectCenter(Number(select.value) || null);
}

async function selectCenter(id) {
  state.center = state.centers.find((c) => c.id === id) || null;
  const overview = state.center ? state.center.overview : null;
  $("queue-select").replaceChildren(...(overview ? overview.queues.map((q) => new Option(q.id, q.id)) : []));
  state.queue = overview && overview.queues.length ? overview.queues[0].id : null;
  $("calendar-agent").replaceChildren(...(overview ? overview.agents.map((a) => new Option(`${a.id} ${a.name}`, a.id)) : []));
  buildTargetInputs(overview);
  await loadPlans();
  await loadVersions();
  await loadScenarios();
  setStatus(state.center ? `${state.center.name}: ${overview.agents.length} agents, ${overview.queues.length} queues, week of ${overview.week_start}` : "Upload a center to begin.");
}

async function loadPlans(selectID) {
  state.plans = state.center ? await api(`/api/centers/${state.center.id}/plans`) : [];
  const done = state.plans.filter((p) => p.state === "succeeded");
  const select = $("plan-select");
  select.replaceChildren(...done.map((p) => new Option(`#${p.id} ${p.origin === "requests" ? "after requests" : "plan"} ${p.finished_at || ""}`, p.id)));
  const chosen = selectID || (done.length ? done[0].id : null);
  if (chosen) select.value = chosen;
  await selectPlan(Number(select.value) || null);
}

async function selectPlan(id) {
  state.plan = id ? await api(`/api/plans/${id}`) : null;
  state.roster = null;
  state.shifts = [];
  state.edited = false;
  if (state.plan) {
    state.roster = await api(`/api/plans/${id}/roster.json`);
    state.shifts = state.roster.shifts.map((s) => Object.assign({}, s, { breaks: s.breaks.slice(), original: JSON.stringify(s) }));
    const start = state.roster.week_start;
    if (!state.day || !weekDays().includes(state.day)) state.day = start;
  }
  buildDayTabs();
  drawTimeline();
  await refreshFigures();
  await refreshWhatIf();
}

function weekDays() {
  if (!state.roster) return [];
  const first = new Date(state.roster.week_start + "T00:00:00Z");
  return [...Array(7).keys()].map((i) => new Date(first.getTime() + i * 86400000).toISOString().slice(0, 10));
}

async function uploadCenter(event) {
  event.preventDefault();
  const files = $("upload-files").files;
  if (!files.length) return showProblem(new Error("Choose center.yaml and the files it names."));
  const body = { files: {} };
  for (const file of files) body.files[file.name] = await file.text();
  try {
    setStatus("Uploading…");
    const center = await api("/api/centers", { method: "POST", json: body });
    showProblem(null);
    await loadCenters(center.id);
    setStatus(`Uploaded ${center.name} as center #${center.id}.`);
  } catch (error) { showProblem(error); }
}

async function runPlan(event) {
  event.preventDefault();
  if (!state.center) return showProblem(new Error("Upload or choose a center first."));
  const body = { time_limit_seconds: Number($("plan-time").value), replications: Number($("plan-replications").value) };
  try {
    const plan = await api(`/api/centers/${state.center.id}/plans`, { method: "POST", json: body });
    showProblem(null);
    $("plan-log").replaceChildren();
    $("plan-cancel").disabled = false;
    $("plan-cancel").dataset.plan = plan.id;
    setStatus(`Plan #${plan.id} queued.`);
    await followPlan(plan.id);
  } catch (error) { showProblem(error); }
}

/** Reads the plan's server-sent events (with fetch, so that the token goes in a header). */
async function followPlan(id) {
  const headers = state.token ? { Authorization: "Bearer " + state.token } : {};
  const response = await fetch(`/api/plans/${id}/events`, { headers });
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut;
    while ((cut = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split("\n").find((line) => line.startsWith("data: "));
      if (!data) continue;
      const line = JSON.parse(data.slice(6));
      const item = document.createElement("li");
      item.textContent = line.text;
      $("plan-log").append(item);
      item.scrollIntoView({ block: "nearest" });
      setStatus(`Plan #${id}: ${line.text}`);
    }
  }
  $("plan-cancel").disabled = true;
  const plan = await api(`/api/plans/${id}`);
  if (plan.state === "succeeded") {
    await loadPlans(plan.id);
    const summary = plan.summary;
    setStatus(`Plan #${id} succeeded: ${summary.targets_met ? "every target met" : summary.intervals_missed + " queue-intervals below target"}.`);
  } else {
    showProblem(new Error(`Plan #${id} ${plan.state}${plan.message ? ": " + plan.message : ""}`));
  }
}

async function cancelPlan() {
  const id = $("plan-cancel").dataset.plan;
  if (!id) return;
  try {
    const plan = await api(`/api/plans/${id}`, { method: "DELETE" });
    setStatus(`Plan #${id}: ${plan.state === "cancelled" ? "cancelled" : "cancel requested"}.`);
  } catch (error) { showProblem(error); }
}

// ---- Roster timeline and the day's figures ----------------------------------------------------

const minutesOf = (stamp) => Number(stamp.slice(11, 13)) * 60 + Number(stamp.slice(14, 16));
const clock = (minutes) => `${String(Math.floor(((minutes % 1440) + 1440) % 1440 / 60)).padStart(2, "0")}:${String(((minutes % 60) + 60) % 60).padStart(2, "0")}`;
const intervalMinutes = () => (state.center ? state.center.overview.interval_minutes : 15);

/** A shift's start or end as minutes from its own date's midnight (past midnight counts on). */
function shiftMinutes(shift, stamp) {
  return minutesOf(stamp) + (stamp.slice(0, 10) === shift.date ? 0 : 1440);
}

/** The timestamp `minutes` after the shift's date's midnight, with the shift's UTC offset. */
function stampAt(shift, minutes, offset) {
  const date = new Date(shift.date + "T00:00:00Z");
  date.setUTCDate(date.getUTCDate() + Math.floor(minutes / 1440));
  return date.toISOString().slice(0, 10) + "T" + clock(minutes) + offset;
}

function buildDayTabs() {
  const tabs = $("day-tabs");
  tabs.replaceChildren(...weekDays().map((day) => {
    const tab = document.createElement("button");
    tab.type = "button";
    tab.setAttribute("role", "tab");
    tab.dataset.day = day;
    tab.setAttribute("aria-selected", String(day === state.day));
    tab.textContent = new Date(day + "T12:00:00Z").toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
    tab.addEventListener("click", async () => { state.day = day; buildDayTabs(); drawTimeline(); await refreshFigures(); await refreshWhatIf(); });
    return tab;
  }));
}

function drawTimeline() {
  const box = $("timeline");
  box.replaceChildren();
  $("reset-edits").disabled = !state.edited;
  if (!state.roster) { box.textContent = "No roster yet: run a plan."; return; }
  const shifts = state.shifts.filter((s) => s.date === state.day).sort((a, b) => a.start.localeCompare(b.start) || a.agent_id.localeCompare(b.agent_id));
  if (!shifts.length) { box.textContent = "Nobody works this day."; return; }
  const from = Math.floor(Math.min(...shifts.map((s) => shiftMinutes(s, s.start))) / 60) * 60;
  const to = Math.ceil(Math.max(...shifts.map((s) => shiftMinutes(s, s.end))) / 60) * 60;
  const x = (minutes) => `${(100 * (minutes - from)) / (to - from)}%`;
  const names = new Map((state.center ? state.center.overview.agents : []).map((a) => [a.id, a.name]));

  const hours = document.createElement("div");
  hours.className = "hours";
  const scale = document.createElement("div");
  scale.className = "scale";
  for (let m = from; m <= to; m += 60) {
    const label = document.createElement("span");
    label.style.left = x(m);
    label.textContent = clock(m).slice(0, 2);
    scale.append(label);
  }
  hours.append(document.createElement("div"), scale);
  box.append(hours);

  for (const shift of shifts) {
    const row = document.createElement("div");
    row.className = "agent-row";
    const who = document.createElement("div");
    who.className = "who";
    who.textContent = `${shift.agent_id} ${names.get(shift.agent_id) || ""}`;
    const track = document.createElement("div");
    track.className = "track";
    const start = shiftMinutes(shift, shift.start), end = shiftMinutes(shift, shift.end);
    const bar = document.createElement("button");
    bar.type = "button";
    bar.className = "shift" + (JSON.stringify(plain(shift)) !== shift.original ? " edited" : "");
    bar.style.left = x(start);
    bar.style.width = `${(100 * (end - start)) / (to - from)}%`;
    bar.setAttribute("aria-label", `${shift.agent_id} ${shift.shift} ${clock(start)} to ${clock(end)}; arrow keys move the shift`);
    bar.dataset.agent = shift.agent_id;
    bindMove(bar, track, from, to, (steps) => moveShift(shift, steps));
    const breaks = [];
    shift.breaks.forEach((range, index) => {
      const [a, b] = range.split("-").map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));
      const breakStart = a + (a < start % 1440 ? 1440 : 0) + Math.floor(start / 1440) * 1440;
      const handle = document.createElement("button");
      handle.type = "button";
      handle.className = "break";
      handle.style.left = x(breakStart);
      handle.style.width = `${(100 * (((b - a + 1440) % 1440) || 0)) / (to - from)}%`;
      handle.setAttribute("aria-label", `break ${range} of ${shift.agent_id}; arrow keys move the break`);
      handle.dataset.agent = shift.agent_id;
      handle.dataset.breakIndex = index;
      bindMove(handle, track, from, to, (steps) => moveBreak(shift, index, steps));
      breaks.push(handle);
    });
    track.append(bar, ...breaks);
    row.append(who, track);
    box.append(row);
  }
}

/** The shift's fields as the server wrote them (for telling edited shifts apart). */
function plain(shift) {
  const { original, ...rest } = shift;
  return rest;
}

/** Arrow keys and dragging move `element` in steps of one interval. */
function bindMove(element, track, from, to, move) {
  element.addEventListener("keydown", (event) => {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    event.preventDefault();
    event.stopPropagation();
    move(event.key === "ArrowLeft" ? -1 : 1, element);
  });
  element.addEventListener("pointerdown", (event) => {
    event.stopPropagation();
    const startX = event.clientX, width = track.getBoundingClientRect().width;
    element.setPointerCapture(event.pointerId);
    const up = (end) => {
      element.removeEventListener("pointerup", up);
      const steps = Math.round(((end.clientX - startX) / width) * (to - from) / intervalMinutes());
      if (steps) move(steps, element);
    };
    element.addEventListener("pointerup", up);
  });
}

function offsetOf(stamp) { return stamp.slice(16); }

function moveShift(shift, steps) {
  const delta = steps * intervalMinutes();
  const offset = offsetOf(shift.start);
  shift.start = stampAt(shift, shiftMinutes(shift, shift.start) + delta, offset);
  shift.end = stampAt(shift, shiftMinutes(shift, shift.end) + delta, offsetOf(shift.end));
  shift.breaks = shift.breaks.map((range) => range.split("-").map((t) => clock(Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)) + delta)).join("-"));
  edited(`${shift.agent_id}: shift moved ${delta > 0 ? "+" : ""}${delta} min`, shift.agent_id, null);
}

function moveBreak(shift, index, steps) {
  const delta = steps * intervalMinutes();
  shift.breaks[index] = shift.breaks[index].split("-").map((t) => clock(Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)) + delta)).join("-");
  edited(`${shift.agent_id}: break moved ${delta > 0 ? "+" : ""}${delta} min`, shift.agent_id, index);
}

async function edited(what, agent, breakIndex) {
  state.edited = true;
  drawTimeline();
  const selector = breakIndex == null ? `.shift[data-agent="${agent}"]` : `.break[data-agent="${agent}"][data-break-index="${breakIndex}"]`;
  const again = $("timeline").querySelector(selector);
  if (again) again.focus();
  setStatus(what);
  await refreshFigures();
}

/** The edited shifts as roster.csv rows (the server keeps the others as planned). */
function changedRows() {
  const lines = ["agent_id,date,shift,start,end,paid_minutes,breaks"];
  for (const s of state.shifts) {
    if (JSON.stringify(plain(s)) === s.original) continue;
    lines.push([s.agent_id, s.date, s.shift, s.start, s.end, s.paid_minutes, s.breaks.join(";")].join(","));
  }
  return lines.join("\n") + "\n";
}

async function refreshFigures() {
  const body = $("day-figures").tBodies[0];
  if (!state.plan) { body.replaceChildren(); drawCoverage(); return; }
  try {
    state.figures = await api(`/api/plans/${state.plan.id}/evaluate`, { method: "POST", json: { changed_rows: state.edited ? changedRows() : undefined, day: state.day } });
    showProblem(null);
  } catch (error) { showProblem(error); return; }
  const targets = new Map(state.figures.targets.map((t) => [t.queue, t]));
  body.replaceChildren(...state.figures.days.filter((d) => d.period === state.day).map((d) => {
    const target = targets.get(d.queue);
    const row = document.createElement("tr");
    row.dataset.queue = d.queue;
    const cells = [d.queue, percent(d.service_level), target ? `${percent(target.service_level, 0)}/${target.within_seconds}s` : "", `${d.intervals_missed} of ${d.intervals}`, fixed(d.shortfall_hours), percent(d.occupancy)];
    cells.forEach((text, i) => {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (i === 1 && target) cell.className = d.service_level >= target.service_level ? "met" : "missed";
      if (i === 1) cell.id = `day-sl-${d.queue}`;
      row.append(cell);
    });
    return row;
  }));
  const rules = $("rules");
  rules.hidden = !state.figures.rule_violations.length;
  rules.textContent = state.figures.rule_violations.length ? "Rules broken by the edits:\n" + state.figures.rule_violations.join("\n") : "";
  drawCoverage();
}

// ---- Charts ---------------------------------------------------------------------------------

const SVG = "http://www.w3.org/2000/svg";

function svgElement(name, attributes, text) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, value);
  if (text != null) element.textContent = text;
  return element;
}

/** Draws series of [minutes, value] as lines over the day's hours, with hour ticks. */
function lineChart(svg, series, { max, format, targetLine } = {}) {
  svg.replaceChildren();
  const points = series.flatMap((s) => s.points);
  if (!points.length) { svg.append(svgElement("text", { x: 20, y: 40 }, "No open intervals this day.")); return; }
  const left = 50, right = 1185, top = 12, bottom = 230;
  const from = Math.floor(Math.min(...points.map((p) => p[0])) / 60) * 60;
  const to = Math.ceil((Math.max(...points.map((p) => p[0])) + intervalMinutes()) / 60) * 60;
  const top_ = max || Math.max(1, ...points.map((p) => p[1])) * 1.1;
  const x = (m) => left + ((right - left) * (m - from)) / Math.max(1, to - from);
  const y = (v) => bottom - ((bottom - top) * v) / top_;
  for (let m = from; m <= to; m += 60) {
    svg.append(svgElement("line", { x1: x(m), x2: x(m), y1: top, y2: bottom, stroke: "#dde1e7" }));
    svg.append(svgElement("text", { x: x(m), y: 250, "text-anchor": "middle" }, clock(m)));
  }
  for (const v of [0, top_ / 2, top_]) svg.append(svgElement("text", { x: 44, y: y(v) + 4, "text-anchor": "end" }, format ? format(v) : v.toFixed(0)));
  if (targetLine != null) svg.append(svgElement("line", { x1: left, x2: right, y1: y(targetLine), y2: y(targetLine), stroke: "#b3261e", "stroke-dasharray": "6 4" }));
  for (const s of series) {
    const step = intervalMinutes();
    const d = s.points.map((p, i) => `${i ? "L" : "M"}${x(p[0]).toFixed(1)},${y(p[1]).toFixed(1)} L${x(p[0] + step).toFixed(1)},${y(p[1]).toFixed(1)}`).join(" ");
    svg.append(svgElement("path", { d, fill: "none", stroke: s.color, "stroke-width": 2.5 }));
  }
}

/** [minutes, value] of `field` for the selected queue and day (intervals come as columns). */
function dayPoints(figures, field) {
  const columns = figures.intervals;
  const points = [];
  columns.start.forEach((start, i) => {
    if (columns.queue[i] === state.queue && start.startsWith(state.day)) points.push([minutesOf(start), columns[field][i]]);
  });
  return points;
}

function drawCoverage() {
  if (!state.figures) return $("coverage-chart").replaceChildren();
  lineChart($("coverage-chart"), [
    { color: "#1f5fbf", points: dayPoints(state.figures, "required") },
    { color: "#e08a1e", points: dayPoints(state.figures, "present") },
  ]);
}

// ---- What-if -------------------------------------------------------------------------------

function buildTargetInputs(overview) {
  const box = $("whatif-targets");
  box.replaceChildren(box.querySelector("legend") || Object.assign(document.createElement("legend"), { textContent: "Service-level targets" }));
  for (const queue of overview ? overview.queues : []) {
    const label = document.createElement("label");
    const value = String(Math.round(queue.service_level_target * 100));
    const input = Object.assign(document.createElement("input"), { type: "range", min: "50", max: "99", step: "1", value });
    input.dataset.queue = queue.id;
    input.dataset.configured = value;
    const output = Object.assign(document.createElement("output"), { textContent: `${value}% in ${queue.within_seconds}s` });
    label.append(queue.id + " ", input, " ", output);
    box.append(label);
  }
}

function scenarioFromForm() {
  const scenario = {
    volume_factor: Number($("whatif-volume").value) / 100,
    aht_factor: Number($("whatif-aht").value) / 100,
    absent: $("whatif-absent").value.split(/[\s,;]+/).filter(Boolean),
    service_level_targets: {},
  };
  const shrinkage = Number($("whatif-shrinkage").value);
  if (shrinkage >= 0) scenario.shrinkage = shrinkage / 100;
  for (const input of $("whatif-targets").querySelectorAll("input")) {
    if (input.value !== input.dataset.configured) scenario.service_level_targets[input.dataset.queue] = Number(input.value) / 100;
  }
  return scenario;
}

function showFormValues() {
  $("whatif-volume-value").textContent = $("whatif-volume").value + "%";
  $("whatif-aht-value").textContent = $("whatif-aht").value + "%";
  const shrinkage = Number($("whatif-shrinkage").value);
  $("whatif-shrinkage-value").textContent = shrinkage < 0 ? "as configured" : shrinkage + "%";
  for (const input of $("whatif-targets").querySelectorAll("input")) input.nextElementSibling.textContent = input.value + "%";
}

let whatIfTimer = null;
let whatIfSequence = 0;

function scheduleWhatIf() {
  showFormValues();
  clearTimeout(whatIfTimer);
  whatIfTimer = setTimeout(refreshWhatIf, 120);
}

async function refreshWhatIf() {
  const body = $("whatif-table").tBodies[0];
  if (!state.plan) { body.replaceChildren(); $("whatif-chart").replaceChildren(); return; }
  const sequence = ++whatIfSequence;
  let result;
  try {
    result = await api(`/api/plans/${state.plan.id}/whatif`, { method: "POST", json: { scenario: scenarioFromForm(), day: state.day } });
    showProblem(null);
  } catch (error) { showProblem(error); return; }
  if (sequence !== whatIfSequence) return;
  const week = (figures, queue) => figures.weeks.find((w) => w.queue === queue);
  const targets = new Map(result.scenario.targets.map((t) => [t.queue, t]));
  body.replaceChildren(...result.scenario.targets.map((t) => {
    const plan = week(result.baseline, t.queue), changed = week(result.scenario, t.queue);
    const row = document.createElement("tr");
    const cells = [t.queue, percent(plan && plan.service_level), percent(changed && changed.service_level), `${percent(t.service_level, 0)}/${t.within_seconds}s`,
      plan ? plan.intervals_missed : "–", changed ? changed.intervals_missed : "–"];
    cells.forEach((text, i) => {
      const cell = document.createElement("td");
      cell.textContent = text;
      if (i === 2) { cell.id = `whatif-sl-${t.queue}`; cell.className = changed && changed.service_level >= t.service_level ? "met" : "missed"; }
      row.append(cell);
    });
    return row;
  }));
  const target = targets.get(state.queue);
  lineChart($("whatif-chart"), [
    { color: "#1f5fbf", points: dayPoints(result.baseline, "service_level") },
    { color: "#e08a1e", points: dayPoints(result.scenario, "service_level") },
  ], { max: 1, format: (v) => Math.round(v * 100) + "%", targetLine: target ? target.service_level : null });
}

async function loadScenarios() {
  const select = $("whatif-saved");
  const saved = state.center ? await api(`/api/centers/${state.center.id}/scenarios`) : [];
  select.replaceChildren(new Option("Saved scenarios…", ""), ...saved.map((s) => { const o = new Option(s.name, s.id); o.dataset.scenario = JSON.stringify(s.scenario); return o; }));
}

async function saveScenario() {
  if (!state.center) return;
  const name = prompt("Name of the scenario", "volume " + $("whatif-volume").value + "%");
  if (!name) return;
  try {
    await api(`/api/centers/${state.center.id}/scenarios`, { method: "POST", json: { name, scenario: scenarioFromForm() } });
    await loadScenarios();
    setStatus(`Saved scenario "${name}".`);
  } catch (error) { showProblem(error); }
}

function applySavedScenario() {
  const option = $("whatif-saved").selectedOptions[0];
  if (!option || !option.dataset.scenario) return;
  const s = JSON.parse(option.dataset.scenario);
  $("whatif-volume").value = Math.round(100 * (s.volume_factor ?? 1));
  $("whatif-aht").value = Math.round(100 * (s.aht_factor ?? 1));
  $("whatif-shrinkage").value = s.shrinkage == null ? -1 : Math.round(100 * s.shrinkage);
  $("whatif-absent").value = (s.absent || []).join(", ");
  for (const input of $("whatif-targets").querySelectorAll("input")) {
    const t = (s.service_level_targets || {})[input.dataset.queue];
    input.value = t == null ? input.dataset.configured : Math.round(100 * t);
  }
  scheduleWhatIf();
}

// ---- Requests -------------------------------------------------------------------------------

async function decideRequests(event) {
  event.preventDefault();
  if (!state.center) return;
  const file = $("requests-file").files[0];
  const text = file ? await file.text() : $("requests-text").value;
  if (!text.trim()) return showProblem(new Error("Choose or paste a requests.csv."));
  try {
    setStatus("Deciding requests…");
    state.batch = await api(`/api/centers/${state.center.id}/requests`, { method: "POST", body: text, headers: { "Content-Type": "text/csv" } });
    showProblem(null);
    drawRequests();
    await loadPlans(state.plan ? state.plan.id : null);
  } catch (error) { showProblem(error); }
}

function drawRequests() {
  const batch = state.batch;
  const body = $("requests-table").tBodies[0];
  if (!batch) { body.replaceChildren(); return; }
  const outcome = batch.outcome;
  const manager = new Map(batch.manager_decisions.map((d) => [d.request_id, d]));
  $("requests-summary").textContent = `${outcome.decisions.length} requests decided against plan #${batch.plan_id}; the roster after wfm's approvals is plan #${batch.result_plan_id} ` +
    `(${outcome.targets_met ? "every target met" : outcome.intervals_missed + " queue-intervals below target"}). Publish that plan to apply them.`;
  body.replaceChildren(...outcome.decisions.map((d) => {
    const row = document.createElement("tr");
    row.dataset.request = d.id;
    for (const text of [d.id, d.agent, d.type, d.date, d.decision, d.reason]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const cell = document.createElement("td");
    const mine = manager.get(d.id);
    const label = document.createElement("span");
    label.textContent = mine ? mine.decision + " " : "";
    cell.append(label);
    for (const decision of ["approved", "denied"]) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = decision === "approved" ? "Approve" : "Deny";
      button.setAttribute("aria-label", `${button.textContent} request ${d.id}`);
      button.dataset.decision = decision;
      button.addEventListener("click", () => decide(d.id, decision));
      cell.append(button, " ");
    }
    row.append(cell);
    return row;
  }));
}

async function decide(requestID, decision) {
  try {
    state.batch = await api(`/api/centers/${state.center.id}/requests/${state.batch.id}/decisions/${encodeURIComponent(requestID)}`, { method: "PUT", json: { decision } });
    drawRequests();
    setStatus(`Request ${requestID} ${decision}.`);
    const again = $("requests-table").querySelector(`tr[data-request="${CSS.escape(requestID)}"] button[data-decision="${decision}"]`);
    if (again) again.focus();
  } catch (error) { showProblem(error); }
}

// ---- Publishing -----------------------------------------------------------------------------

async function publish() {
  if (!state.plan) return showProblem(new Error("Choose a plan to publish."));
  try {
    setStatus(`Publishing plan #${state.plan.id}…`);
    const version = await api(`/api/plans/${state.plan.id}/publish`, { method: "POST" });
    showProblem(null);
    const o = version.outcome;
    const diff = o.diff;
    const changed = diff ? diff.agents.reduce((n, a) => n + a.days.length, 0) : null;
    const result = $("publish-result");
    const summary = document.createElement("p");
    summary.textContent = `Published v${version.version}: ${o.calendars} calendars` +
      (diff ? `, ${changed} agent-day(s) changed against v${version.version - 1}, ${o.events_changed} event(s) updated, ${o.cancelled} cancelled.` : " (the first version).");
    result.replaceChildren(summary);
    if (diff && diff.agents.length) {
      const table = document.createElement("table");
      table.id = "diff-table";
      const head = table.createTHead().insertRow();
      for (const title of ["Agent", "Date", "Change", "Before", "After"]) head.append(Object.assign(document.createElement("th"), { scope: "col", textContent: title }));
      const body = table.createTBody();
      for (const agent of diff.agents) {
        for (const day of agent.days) {
          const row = body.insertRow();
          for (const text of [`${agent.agent} ${agent.name}`, day.date, day.change, day.before, day.after]) row.insertCell().textContent = text;
        }
      }
      result.append(table);
    }
    setStatus(`Published v${version.version}.`);
    await loadVersions();
  } catch (error) { showProblem(error); }
}

async function loadVersions() {
  const versions = state.center ? await api(`/api/centers/${state.center.id}/versions`) : [];
  $("versions-table").tBodies[0].replaceChildren(...versions.slice().reverse().map((v) => {
    const row = document.createElement("tr");
    const diff = v.outcome.diff;
    for (const text of [`v${v.version}`, `#${v.plan_id}`, v.published_at, v.outcome.calendars, diff ? diff.agents.reduce((n, a) => n + a.days.length, 0) : "–"]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.append(cell);
    }
    const cell = document.createElement("td");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = "roster.csv";
    button.addEventListener("click", () => download(`/api/centers/${state.center.id}/versions/${v.version}/roster.csv`, `roster-v${v.version}.csv`));
    cell.append(button);
    row.append(cell);
    return row;
  }));
}

async function download(path, name) {
  try {
    const text = await api(path);
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text]));
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  } catch (error) { showProblem(error); }
}

// ---- Start ----------------------------------------------------------------------------------

function start() {
  const match = location.hash.match(/token=([^&]+)/);
  if (match) {
    sessionStorage.setItem("wfm-token", decodeURIComponent(match[1]));
    history.replaceState(null, "", location.pathname);
  }
  state.token = sessionStorage.getItem("wfm-token");
  $("center-select").addEventListener("change", (e) => selectCenter(Number(e.target.value)));
  $("plan-select").addEventListener("change", (e) => selectPlan(Number(e.target.value)));
  $("queue-select").addEventListener("change", (e) => { state.queue = e.target.value; drawCoverage(); refreshWhatIf(); });
  $("upload-form").addEventListener("submit", uploadCenter);
  $("plan-form").addEventListener("submit", runPlan);
  $("plan-cancel").addEventListener("click", cancelPlan);
  $("reset-edits").addEventListener("click", () => selectPlan(state.plan ? state.plan.id : null));
  $("whatif-form").addEventListener("input", scheduleWhatIf);
  $("whatif-form").addEventListener("submit", (e) => e.preventDefault());
  $("whatif-save").addEventListener("click", saveScenario);
  $("whatif-saved").addEventListener("change", applySavedScenario);
  $("requests-form").addEventListener("submit", decideRequests);
  $("publish-button").addEventListener("click", publish);
  $("calendar-download").addEventListener("click", () => {
    const agent = $("calendar-agent").value;
    if (state.center && agent) download(`/api/centers/${state.center.id}/agents/${encodeURIComponent(agent)}/calendar.ics`, `${agent}.ics`);
  });
  loadCenters().catch(showProblem);
}

document.addEventListener("DOMContentLoaded", start);
