// The phone page: follows the facilitator over the live channel and sends answers by POST.
// No framework, no build step (ES modules). Participant-visible text from the server is only
// ever put into the page with textContent, never as HTML.

import { PREFER_NOT, buildForm, fillForm, readForm, setInputsEnabled } from "./form.js";
import { startLive } from "./live.js";

const $ = (id) => document.getElementById(id);

const view = {
  pollKey: "",      // poll id + status: rebuild the form when it changes
  touched: false,   // the participant changed the form since the last sent answer
  answer: null,     // this device's stored answer, as the server knows it
  poll: null,
};

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
    buildForm(poll, touch);
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
  setInputsEnabled(view.poll, open);
  $("send").hidden = !open;
  $("prefer-not").hidden = !open || !view.poll.prefer_not_to_say;
}

function touch() {
  view.touched = true;
  $("confirm").textContent = "";
  $("error").textContent = "";
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

// ---- sending -----------------------------------------------------------------------------

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

// Modules run after the document is parsed, so the elements exist.
$("poll").addEventListener("submit", onSubmit);
$("prefer-not").addEventListener("click", () => {
  if (view.poll && view.poll.open) send(PREFER_NOT);
});
startLive({
  onMessage: (message) => {
    if (message.type === "state") render(message.state, message.you);
  },
  onOnline: setConnection,
  onEnded: showEnded,
});
