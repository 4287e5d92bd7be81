// Anonymous questions on the phone: ask one, see the approved ones, vote them up (and take
// the vote back). The server pushes the approved list over the live channel when it
// changes ({"type": "questions"}, at most twice a second); the list is also fetched (GET
// /api/questions, which says which ones this phone voted for) at start, after a vote, and
// with a state message at most every 15 s, which repairs a push missed while offline.
// Question text goes in with textContent only.

import { t } from "./strings.js";

const $ = (id) => document.getElementById(id);
const MIN_GAP_MS = 15000;
let lastFetch = 0;
let drawn = "";
let maxLength = 200;
const voted = new Set(); // this phone's votes: the pushed list carries nobody's

async function post(url, body) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const reply = await response.json().catch(() => ({}));
  return { ok: response.ok, reply };
}

function errorText(reply) {
  const key = `error.${reply.error}`;
  const known = t(key);
  if (reply.error && known !== key) return known;
  return reply.message || t("send.failed");
}

function draw(data) {
  const section = $("qa");
  section.hidden = !data.enabled;
  if (!data.enabled) return;
  maxLength = data.max_length;
  $("qa-text").maxLength = maxLength;
  $("qa-hint").textContent = t("qa.hint", { n: maxLength });
  voted.clear();
  for (const question of data.questions) if (question.voted) voted.add(question.id);
  const key = JSON.stringify(data.questions);
  if (key === drawn) return; // nothing new: do not disturb a screen reader's place
  drawn = key;
  $("qa-empty").hidden = data.questions.length > 0;
  const list = $("qa-list");
  list.replaceChildren();
  for (const question of data.questions) list.append(item(question));
}

function item(question) {
  const row = document.createElement("li");
  if (question.state === "answering") row.className = "answering";
  const words = document.createElement("span");
  const text = document.createElement("span");
  text.textContent = question.text;
  words.append(text);
  if (question.state !== "approved") {
    const state = document.createElement("span");
    state.className = "qa-state";
    state.textContent = question.state === "answering" ? t("qa.answering") : t("qa.answered");
    words.append(state);
  }
  const button = document.createElement("button");
  button.type = "button";
  button.className = "vote";
  button.textContent = t("qa.vote", { n: question.votes });
  button.setAttribute("aria-pressed", String(question.voted));
  button.addEventListener("click", () => vote(question, button));
  row.append(words, button);
  return row;
}

async function vote(question, button) {
  button.disabled = true;
  try {
    const { ok, reply } = await post(`/api/questions/${encodeURIComponent(question.id)}/vote`,
      { vote: !question.voted });
    if (!ok) {
      $("qa-error").textContent = errorText(reply);
    } else {
      if (reply.voted) voted.add(question.id); else voted.delete(question.id);
    }
  } catch (error) {
    $("qa-error").textContent = t("send.offline");
  } finally {
    button.disabled = false;
    refresh(true);
  }
}

async function ask(event) {
  event.preventDefault();
  const field = $("qa-text");
  const text = field.value.trim();
  $("qa-error").textContent = "";
  $("qa-confirm").textContent = "";
  if (!text) {
    $("qa-error").textContent = t("qa.need_text");
    return;
  }
  $("qa-send").disabled = true;
  try {
    const { ok, reply } = await post("/api/questions", { text });
    if (!ok) {
      $("qa-error").textContent = errorText(reply);
      return;
    }
    field.value = "";
    $("qa-confirm").textContent = t("qa.sent");
  } catch (error) {
    $("qa-error").textContent = t("send.offline");
  } finally {
    $("qa-send").disabled = false;
  }
}

/** Fetch the list now (force), or unless it was fetched in the last MIN_GAP_MS. */
export async function refresh(force = false) {
  const wait = lastFetch + MIN_GAP_MS - Date.now();
  if (!force && wait > 0) return;
  lastFetch = Date.now();
  try {
    const response = await fetch("/api/questions", { credentials: "same-origin" });
    if (response.ok) draw(await response.json());
  } catch (error) {
    // offline: the live channel shows it; the next refresh repairs the list
  }
}

/** The live channel's news: the approved list changed (votes, states). */
export function onQuestions(message) {
  if (!Array.isArray(message.questions)) return;
  draw({
    enabled: true,
    max_length: maxLength,
    questions: message.questions.map((question) => ({ ...question, voted: voted.has(question.id) })),
  });
}

export function startQuestions() {
  $("qa-form").addEventListener("submit", ask);
  refresh(true);
}
