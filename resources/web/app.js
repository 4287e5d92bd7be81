// The phone page: follows the facilitator over the live channel and sends answers by POST.
// No framework, no build step (ES modules). Participant-visible text from the server is only
// ever put into the page with textContent, never as HTML.

import { PREFER_NOT, buildForm, fillForm, readForm, setInputsEnabled } from "./form.js";
import { startLive } from "./live.js";
import { onQuestions, refresh as refreshQuestions, startQuestions } from "./questions.js";
import { t } from "./strings.js";
import { showTakeHome } from "./takehome.js";

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
  element.textContent = online ? t("connection.live") : t("connection.reconnecting");
  element.classList.toggle("offline", !online);
}

function showEnded() {
  setConnection(false);
  $("connection").textContent = t("connection.ended");
  $("poll").hidden = true;
  $("results").hidden = true;
  $("qa").hidden = true;
  const idle = $("idle");
  idle.hidden = false;
  idle.querySelector("h1").textContent = t("ended.heading");
  idle.querySelector("p").textContent = t("ended.text");
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
  element.textContent = group ? t("group", { group, count }) : "";
}

// A closed or locked poll says so in words instead of showing a form nobody can use. The
// form stays in the page, hidden, so a draft typed before is there again when it reopens.
function setOpen(open) {
  setInputsEnabled(view.poll, open);
  $("send").hidden = !open;
  $("prefer-not").hidden = !open || !view.poll.prefer_not_to_say;
  $("hint").hidden = !open;
  $("fields").hidden = !open;
  const box = $("poll-state");
  box.hidden = open;
  if (open) return;
  const locked = view.poll.locked && view.poll.status === "open";
  box.classList.toggle("locked", locked);
  $("poll-state-heading").textContent = locked ? t("state.locked") : t("state.closed");
  $("poll-state-text").textContent = locked ? t("state.locked_text") : t("state.closed_text");
}

function touch() {
  view.touched = true;
  $("confirm").textContent = "";
  $("error").textContent = "";
}

function showConfirmation(poll, answer) {
  const confirm = $("confirm");
  if (!poll.open) {
    // The state box above says closed or locked; here only whether this phone's answer counts.
    confirm.textContent = answer === null ? "" : t("state.counted");
  } else if (answer === PREFER_NOT) {
    confirm.textContent = t("confirm.prefer_not");
  } else if (answer !== null && !view.touched) {
    confirm.textContent = t("confirm.received");
  } else if (answer === null) {
    confirm.textContent = "";
  }
}

function renderResults(results) {
  const section = $("results");
  const closed = Boolean(view.poll && !view.poll.open && view.poll.status !== "open");
  const drawn = JSON.stringify([results, closed]);
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
  if (results.waiting_for > 0 && closed) {
    // No more answers are coming: say why there are no results, not how many are missing.
    line.textContent = t("results.too_few");
    section.append(line);
    return;
  }
  if (results.waiting_for > 0) {
    const n = results.waiting_for;
    line.textContent = n === 1 ? t("results.waiting_one") : t("results.waiting_many", { n });
    section.append(line);
    return;
  }
  if (!results.on_screen || !results.tally) {
    line.textContent = view.poll && view.poll.reveal === "on-close" && view.poll.open
      ? t("results.on_close")
      : t("results.later");
    section.append(line);
    return;
  }
  line.textContent = t("results.on_screen");
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
    summary = t("results.rows_averaged", { n: tally.rows.length });
  }
  $("announce").textContent = summary ? t("results.announce", { summary }) : t("results.announce_plain");
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
    for (const row of tally.rows) add(row.label, row.mean === null ? "–" : t("results.average", { mean: row.mean.toFixed(1) }));
  } else if (tally.kind === "words") {
    tally.words.slice(0, 8).forEach((word, index) => add(word, `#${index + 1}`));
  }
  return list;
}

// ---- sending -----------------------------------------------------------------------------

// The server's error in the page's language: a known code has a catalogue entry; otherwise
// the server's own message (it may name the exact problem with an answer), else a generic one.
function errorText(body) {
  const key = `error.${body.error}`;
  const known = t(key);
  if (body.error && known !== key) return known;
  return body.message || t("send.failed");
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
      $("error").textContent = errorText(body);
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
    $("error").textContent = t("send.offline");
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
startQuestions();
startLive({
  onMessage: (message) => {
    if (message.type === "state") {
      render(message.state, message.you);
      showTakeHome(Boolean(message.state.takehome));
      refreshQuestions();
    } else if (message.type === "questions") {
      onQuestions(message);
    }
  },
  onOnline: setConnection,
  onEnded: showEnded,
});
