// The phone page's words, in the session's language. The server puts the catalogue (English
// underneath, so nothing is ever missing) into the page as inert JSON; this reads it once.

const element = document.getElementById("strings");
let table = {};
try {
  table = JSON.parse(element ? element.textContent : "{}");
} catch (error) {
  table = {}; // a broken table shows keys, never breaks the page
}

/** The string for `key`, with `{name}` filled from `values`. */
export function t(key, values = {}) {
  const text = typeof table[key] === "string" ? table[key] : key;
  return text.replace(/\{(\w+)\}/g, (match, name) => (name in values ? String(values[name]) : match));
}
