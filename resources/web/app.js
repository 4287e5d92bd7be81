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
  results: "",      // the last results drawn, as JSON: redraw (and announce) only on change
};

// A typed open-text answer is kept on this phone (this tab only) until it is sent, so a
// facilitator who leaves the slide and comes back does not wipe it.
const draftKey = (poll) => `facilitator-draft:${poll.id}`;
const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

function saveDraft(event) {
  if (!view.poll || event.target.id !== "free-text") return;
  try {
    sessionStorage.setItem(draftKey(view.poll), event.target.value);
  } catch (error) {
    // storage full or disabled: the draft lives only in the page, as before
  }
}

function restoreDraft(poll, answer) {
  const text = $("fields").querySelector("#free-text");
  if (!text || answer !== null) return;
  let draft = null;
  try {
    draft = sessionStorage.getItem(draftKey(poll));
  } catch (error) {
    return;
  }
  if (draft) {
    text.value = draft;
    view.touched = true;
  }
}

function dropDraft(poll) {
  try {
    sessionStorage.removeItem(draftKey(poll));
  } catch (error) {
    // nothing kept, nothing to drop
  }
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
    fillForm(poll, you.answer);
    restoreDraft(poll, you.answer);
  } else if (!view.touched || answerChanged) {
    fillForm(poll, you.answer);
  }
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
  const drawn = JSON.stringify(results);
  if (drawn === view.results) return; // nothing new: screen readers are not told again
  view.results = drawn;
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
    line.textContent = view.poll && view.poll.reveal === "on-close" && view.poll.open
      ? "Results are shown when the poll closes."
      : "Results will be shown on the screen.";
    section.append(line);
    return;
  }
  line.textContent = "Results are on the screen.";
  section.append(line);
  section.append(tallyList(results.tally));
  announce(results.tally);
}

// One short polite announcement per publication; the list itself is not a live region.
function announce(tally) {
  let summary = "";
  if (tally.kind === "bars") {
    const top = [...tally.bars].sort((a, b) => b.share - a.share).slice(0, 3);
    summary = top.map((bar) => `${bar.label} ${Math.round(bar.share * 100)}%`).join(", ");
  } else if (tally.kind === "words") {
    summary = tally.words.slice(0, 3).join(", ");
  } else if (tally.kind === "matrix") {
    summary = `${tally.rows.length} rows averaged`;
  }
  $("announce").textContent = summary ? `Results updated: ${summary}.` : "Results updated.";
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
    tally.words.slice(0, 8).forEach((word, index) => add(word, `#${index + 1}`));
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
    dropDraft(poll);
    fillForm(poll, body.answer);
    showConfirmation(poll, body.answer);
    // On a small phone the confirmation can sit under the fold; bring it into view.
    $("confirm").scrollIntoView({ block: "nearest", behavior: reducedMotion.matches ? "auto" : "smooth" });
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
$("fields").addEventListener("input", saveDraft);
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
