// The phone page: follows the facilitator over a WebSocket and sends answers by POST.
// No framework, no build step. Participant-visible text from the server is only ever
// put into the page with textContent, never as HTML.
"use strict";

const PREFER_NOT = "prefer-not-to-say";
const $ = (id) => document.getElementById(id);

const view = {
  pollKey: "",      // poll id + status: rebuild the form when it changes
  touched: false,   // the participant changed the form since the last sent answer
  answer: null,     // this device's stored answer, as the server knows it
  poll: null,
};

// ---- live channel: WebSocket with exponential backoff and full jitter --------------------

let socket = null;
let attempt = 0;
let retryTimer = 0;

function connect() {
  clearTimeout(retryTimer);
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  socket = new WebSocket(`${scheme}//${location.host}/ws`);
  socket.addEventListener("open", () => {
    attempt = 0;
    setConnection(true);
  });
  socket.addEventListener("message", (event) => {
    try {
      const message = JSON.parse(event.data);
      if (message.type === "state") render(message.state, message.you);
    } catch (error) {
      // A malformed message is ignored; the next state message repairs the page.
    }
  });
  socket.addEventListener("close", () => {
    setConnection(false);
    scheduleReconnect();
  });
}

function scheduleReconnect() {
  clearTimeout(retryTimer);
  // Full jitter: after a Wi-Fi blip 40 phones must not all reconnect in the same instant.
  const cap = Math.min(15000, 500 * 2 ** attempt);
  attempt += 1;
  retryTimer = setTimeout(reconnect, Math.random() * cap);
}

async function reconnect() {
  // Ask over plain HTTP first: a 403 means the session ended, and retrying will not help.
  try {
    const response = await fetch("/api/state", { credentials: "same-origin" });
    if (response.status === 403) {
      showEnded();
      return;
    }
    if (response.ok) {
      const message = await response.json();
      render(message.state, message.you);
    }
  } catch (error) {
    scheduleReconnect();
    return;
  }
  connect();
}

function setConnection(online) {
  const element = $("connection");
  element.textContent = online ? "Live" : "Reconnecting…";
  element.classList.toggle("offline", !online);
}

function showEnded() {
  setConnection(false);
  $("connection").textContent = "Session ended";
  $("poll").hidden = true;
  $("results").hidden = true;
  const idle = $("idle");
  idle.hidden = false;
  idle.querySelector("h1").textContent = "This session has ended";
  idle.querySelector("p").textContent = "Scan the QR code on the screen to join again.";
}

document.addEventListener("visibilitychange", () => {
  // Phones suspend background tabs; come back at once rather than after the backoff.
  if (document.visibilityState === "visible" && socket && socket.readyState === WebSocket.CLOSED) {
    attempt = 0;
    reconnect();
  }
});

// ---- rendering ---------------------------------------------------------------------------

function render(state, you) {
  $("room-code").textContent = state.room;
  renderGroup(you.group, state.groups);
  const poll = state.poll;
  view.poll = poll;
  if (!poll) {
    view.pollKey = "";
    $("idle").hidden = false;
    $("poll").hidden = true;
    $("results").hidden = true;
    return;
  }
  $("idle").hidden = true;
  $("poll").hidden = false;
  const key = `${poll.id}/${poll.status}/${poll.locked}`;
  const answerChanged = JSON.stringify(you.answer) !== JSON.stringify(view.answer);
  view.answer = you.answer;
  if (key !== view.pollKey) {
    view.pollKey = key;
    view.touched = false;
    buildForm(poll);
    $("error").textContent = "";
    $("confirm").textContent = "";
  }
  if (!view.touched || answerChanged) fillForm(poll, you.answer);
  setOpen(poll.open);
  showConfirmation(poll, you.answer);
  renderResults(state.results);
}

function renderGroup(group, count) {
  const element = $("group");
  element.hidden = !group;
  element.textContent = group ? `You are in group ${group} of ${count}` : "";
}

function setOpen(open) {
  for (const input of $("fields").querySelectorAll("input, textarea")) input.disabled = !open;
  $("send").hidden = !open;
  $("prefer-not").hidden = !open || !view.poll.prefer_not_to_say;
  if (open) enforceMax();
}

function showConfirmation(poll, answer) {
  const confirm = $("confirm");
  if (!poll.open) {
    const why = poll.locked && poll.status === "open" ? "Answers are locked." : "This poll is closed.";
    confirm.textContent = answer === null ? why : `${why} Your answer was counted.`;
  } else if (answer === PREFER_NOT) {
    confirm.textContent = "Counted as \u201cprefer not to say\u201d. You can change it while the poll is open.";
  } else if (answer !== null && !view.touched) {
    confirm.textContent = "Answer received. You can change it while the poll is open.";
  } else if (answer === null) {
    confirm.textContent = "";
  }
}

function renderResults(results) {
  const section = $("results");
  section.replaceChildren();
  if (!results) {
    section.hidden = true;
    return;
  }
  section.hidden = false;
  const line = document.createElement("p");
  line.className = "results-line";
  if (results.waiting_for > 0) {
    const n = results.waiting_for;
    line.textContent = `Results appear after ${n} more answer${n === 1 ? "" : "s"}.`;
    section.append(line);
    return;
  }
  if (!results.on_screen || !results.tally) {
    line.textContent = "Results will be shown on the screen.";
    section.append(line);
    return;
  }
  line.textContent = "Results are on the screen.";
  section.append(line);
  section.append(tallyList(results.tally));
}

function tallyList(tally) {
  const list = document.createElement("ul");
  list.className = "tally";
  const add = (label, value) => {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = label;
    const figure = document.createElement("span");
    figure.className = "figure";
    figure.textContent = value;
    item.append(name, figure);
    list.append(item);
  };
  if (tally.kind === "bars") {
    for (const bar of tally.bars) add(bar.label, `${Math.round(bar.share * 100)}%`);
  } else if (tally.kind === "matrix") {
    for (const row of tally.rows) add(row.label, row.mean === null ? "–" : `average ${row.mean.toFixed(1)}`);
  } else if (tally.kind === "words") {
    for (const [word, n] of tally.words.slice(0, 8)) add(word, String(n));
  }
  return list;
}

// ---- the answer form ---------------------------------------------------------------------

function buildForm(poll) {
  $("question").textContent = poll.question;
  const fields = $("fields");
  fields.replaceChildren();
  const hint = $("hint");
  hint.textContent = "";
  switch (poll.type) {
    case "single":
    case "yes-no":
      fields.append(choices(poll, "radio", "Pick one"));
      break;
    case "multiple":
      hint.textContent = poll.max_choices < poll.options.length
        ? `Pick up to ${poll.max_choices}.` : "Pick all that apply.";
      fields.append(choices(poll, "checkbox", hint.textContent));
      break;
    case "scale":
      fields.append(scale(poll, "scale", poll.question, true));
      break;
    case "matrix":
      hint.textContent = `For each line, pick ${poll.scale.min} (${poll.scale.low || "low"}) to ${poll.scale.max} (${poll.scale.high || "high"}).`;
      for (const row of poll.rows) fields.append(scale(poll, `row-${row.id}`, row.label, false));
      break;
    case "word":
      hint.textContent = "One to three words.";
      fields.append(textField("input", 100, "Your words"));
      break;
    case "text":
      hint.textContent = "Up to 280 characters. The facilitator reads answers before any is shown.";
      fields.append(textField("textarea", 280, "Your answer"));
      break;
  }
}

function choices(poll, type, legendText) {
  const set = document.createElement("fieldset");
  set.className = "choices";
  const legend = document.createElement("legend");
  legend.className = "visually-hidden";
  legend.textContent = legendText;
  set.append(legend);
  for (const option of poll.options) {
    const label = document.createElement("label");
    label.className = "choice";
    const input = document.createElement("input");
    input.type = type;
    input.name = "choice";
    input.value = option.id;
    input.addEventListener("change", () => { touch(); enforceMax(); });
    const text = document.createElement("span");
    text.textContent = option.label;
    label.append(input, text);
    set.append(label);
  }
  return set;
}

function scale(poll, name, legendText, visibleLegend) {
  const set = document.createElement("fieldset");
  set.className = "scale";
  const legend = document.createElement("legend");
  legend.textContent = legendText;
  if (visibleLegend) legend.className = "visually-hidden";
  set.append(legend);
  const points = document.createElement("div");
  points.className = "points";
  for (let point = poll.scale.min; point <= poll.scale.max; point += 1) {
    const label = document.createElement("label");
    label.className = "point";
    const input = document.createElement("input");
    input.type = "radio";
    input.name = name;
    input.value = String(point);
    input.addEventListener("change", touch);
    const text = document.createElement("span");
    text.textContent = String(point);
    let spoken = String(point);
    if (point === poll.scale.min && poll.scale.low) spoken += `, ${poll.scale.low}`;
    if (point === poll.scale.max && poll.scale.high) spoken += `, ${poll.scale.high}`;
    input.setAttribute("aria-label", spoken);
    label.append(input, text);
    points.append(label);
  }
  set.append(points);
  if (poll.scale.low || poll.scale.high) {
    const ends = document.createElement("div");
    ends.className = "ends";
    ends.setAttribute("aria-hidden", "true");
    const low = document.createElement("span");
    low.textContent = poll.scale.low;
    const high = document.createElement("span");
    high.textContent = poll.scale.high;
    ends.append(low, high);
    set.append(ends);
  }
  return set;
}

function textField(tag, maxLength, labelText) {
  const wrap = document.createElement("div");
  wrap.className = "text-field";
  const label = document.createElement("label");
  label.htmlFor = "free-text";
  label.className = "visually-hidden";
  label.textContent = labelText;
  const input = document.createElement(tag);
  input.id = "free-text";
  input.maxLength = maxLength;
  input.autocomplete = "off";
  input.spellcheck = true;
  if (tag === "textarea") input.rows = 4;
  const counter = document.createElement("p");
  counter.className = "counter";
  counter.setAttribute("aria-live", "polite");
  input.addEventListener("input", () => {
    touch();
    if (tag === "textarea") counter.textContent = `${input.value.length} / ${maxLength}`;
  });
  wrap.append(label, input);
  if (tag === "textarea") wrap.append(counter);
  return wrap;
}

function touch() {
  view.touched = true;
  $("confirm").textContent = "";
  $("error").textContent = "";
}

function enforceMax() {
  const poll = view.poll;
  if (!poll || poll.type !== "multiple" || !poll.open) return;
  const boxes = [...$("fields").querySelectorAll("input[type=checkbox]")];
  const full = boxes.filter((box) => box.checked).length >= poll.max_choices;
  for (const box of boxes) box.disabled = full && !box.checked;
}

function fillForm(poll, answer) {
  const fields = $("fields");
  for (const input of fields.querySelectorAll("input[type=radio], input[type=checkbox]")) {
    input.checked = false;
  }
  const text = fields.querySelector("#free-text");
  if (text) text.value = "";
  if (answer === null || answer === PREFER_NOT) return;
  switch (poll.type) {
    case "single":
    case "yes-no":
    case "scale":
      check(`input[value="${CSS.escape(String(answer))}"]`);
      break;
    case "multiple":
      for (const id of answer) check(`input[value="${CSS.escape(id)}"]`);
      break;
    case "matrix":
      for (const [row, point] of Object.entries(answer)) {
        check(`input[name="${CSS.escape(`row-${row}`)}"][value="${point}"]`);
      }
      break;
    default:
      if (text) text.value = answer;
  }
}

function check(selector) {
  const input = $("fields").querySelector(selector);
  if (input) input.checked = true;
}

function readForm(poll) {
  const fields = $("fields");
  const checked = (name) => [...fields.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)];
  switch (poll.type) {
    case "single":
    case "yes-no": {
      const [picked] = checked("choice");
      if (!picked) throw new Error("Pick one option.");
      return picked.value;
    }
    case "multiple": {
      const picked = checked("choice").map((input) => input.value);
      if (!picked.length) throw new Error("Pick at least one option.");
      return picked;
    }
    case "scale": {
      const [picked] = checked("scale");
      if (!picked) throw new Error("Pick a point on the scale.");
      return Number(picked.value);
    }
    case "matrix": {
      const answer = {};
      for (const row of poll.rows) {
        const [picked] = checked(`row-${row.id}`);
        if (!picked) throw new Error(`Answer every line (missing: ${row.label}).`);
        answer[row.id] = Number(picked.value);
      }
      return answer;
    }
    default: {
      const value = fields.querySelector("#free-text").value.trim();
      if (!value) throw new Error("Type your answer first.");
      return value;
    }
  }
}

async function send(answer) {
  const poll = view.poll;
  const sendButton = $("send");
  sendButton.disabled = true;
  $("error").textContent = "";
  try {
    const response = await fetch("/api/answer", {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ poll: poll.id, answer }),
    });
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      $("error").textContent = body.message || "That did not go through. Try again.";
      if (response.status === 403) showEnded();
      return;
    }
    view.touched = false;
    view.answer = body.answer;
    fillForm(poll, body.answer);
    showConfirmation(poll, body.answer);
    // On a small phone the confirmation can sit under the fold; bring it into view.
    $("confirm").scrollIntoView({ block: "nearest", behavior: "smooth" });
  } catch (error) {
    $("error").textContent = "No connection to the facilitator's laptop. Try again in a moment.";
  } finally {
    sendButton.disabled = false;
  }
}

function onSubmit(event) {
  event.preventDefault();
  if (!view.poll || !view.poll.open) return;
  let answer;
  try {
    answer = readForm(view.poll);
  } catch (error) {
    $("error").textContent = error.message;
    return;
  }
  send(answer);
}

document.addEventListener("DOMContentLoaded", () => {
  $("poll").addEventListener("submit", onSubmit);
  $("prefer-not").addEventListener("click", () => {
    if (view.poll && view.poll.open) send(PREFER_NOT);
  });
  reconnect();
});
