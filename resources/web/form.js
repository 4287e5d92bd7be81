// The answer form for every poll type: built from the poll's description, filled from the
// device's stored answer, read back into the wire format the server checks. Poll text only
// ever goes in with textContent.

export const PREFER_NOT = "prefer-not-to-say";
import { t } from "./strings.js";

const $ = (id) => document.getElementById(id);
let onTouch = () => {};

/** Replace the form with the inputs for `poll`; `touched()` runs on every edit. */
export function buildForm(poll, touched) {
  onTouch = touched;
  $("question").textContent = poll.question;
  const fields = $("fields");
  fields.replaceChildren();
  const hint = $("hint");
  hint.textContent = "";
  switch (poll.type) {
    case "single":
    case "yes-no":
      fields.append(choices(poll, "radio", t("form.pick_one")));
      break;
    case "multiple":
      hint.textContent = poll.max_choices < poll.options.length
        ? t("form.pick_up_to", { n: poll.max_choices }) : t("form.pick_all");
      fields.append(choices(poll, "checkbox", hint.textContent));
      break;
    case "scale":
      fields.append(scale(poll, "scale", poll.question, true));
      break;
    case "matrix":
      hint.textContent = t("form.matrix_hint", {
        min: poll.scale.min, low: poll.scale.low || t("form.low"),
        max: poll.scale.max, high: poll.scale.high || t("form.high"),
      });
      for (const row of poll.rows) fields.append(scale(poll, `row-${row.id}`, row.label, false));
      break;
    case "word":
      hint.textContent = t("form.word_hint");
      fields.append(textField("input", 100, t("form.word_label")));
      break;
    case "text":
      hint.textContent = t("form.text_hint");
      fields.append(textField("textarea", 280, t("form.text_label")));
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
    input.addEventListener("change", () => { onTouch(); enforceMax(poll); });
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
    input.addEventListener("change", () => onTouch());
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
    onTouch();
    if (tag === "textarea") counter.textContent = `${input.value.length} / ${maxLength}`;
  });
  wrap.append(label, input);
  if (tag === "textarea") wrap.append(counter);
  return wrap;
}

/** A multiple-choice poll allows `max_choices` picks: grey out the rest once it is reached. */
export function enforceMax(poll) {
  if (!poll || poll.type !== "multiple" || !poll.open) return;
  const boxes = [...$("fields").querySelectorAll("input[type=checkbox]")];
  const full = boxes.filter((box) => box.checked).length >= poll.max_choices;
  for (const box of boxes) box.disabled = full && !box.checked;
}

/** Show `answer` (the wire format, or null) in the form. */
export function fillForm(poll, answer) {
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

/** The form's answer in the wire format; throws an Error with a message to show. */
export function readForm(poll) {
  const fields = $("fields");
  const checked = (name) => [...fields.querySelectorAll(`input[name="${CSS.escape(name)}"]:checked`)];
  switch (poll.type) {
    case "single":
    case "yes-no": {
      const [picked] = checked("choice");
      if (!picked) throw new Error(t("form.need_one"));
      return picked.value;
    }
    case "multiple": {
      const picked = checked("choice").map((input) => input.value);
      if (!picked.length) throw new Error(t("form.need_some"));
      return picked;
    }
    case "scale": {
      const [picked] = checked("scale");
      if (!picked) throw new Error(t("form.need_point"));
      return Number(picked.value);
    }
    case "matrix": {
      const answer = {};
      for (const row of poll.rows) {
        const [picked] = checked(`row-${row.id}`);
        if (!picked) throw new Error(t("form.need_row", { row: row.label }));
        answer[row.id] = Number(picked.value);
      }
      return answer;
    }
    default: {
      const value = fields.querySelector("#free-text").value.trim();
      if (!value) throw new Error(t("form.need_text"));
      return value;
    }
  }
}

/** Enable or disable every input (a closed or locked poll shows the answer read-only). */
export function setInputsEnabled(poll, enabled) {
  for (const input of $("fields").querySelectorAll("input, textarea")) input.disabled = !enabled;
  if (enabled) enforceMax(poll);
}
