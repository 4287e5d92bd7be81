// The take-home page in place: when the session's end is on screen (`state.takehome`), the
// phone shows the page served at /takehome instead of the poll page, and the poll page again
// when the facilitator goes back. Shown in place, not by navigating there, so the live channel
// stays open and can bring the poll page back. The page is the server's own HTML, built from
// the session with every value escaped (no participant text); it is parsed inert by
// DOMParser and its nodes moved in, so no script of it could run. With JavaScript off the
// footer link still leads there.

const $ = (id) => document.getElementById(id);
let loaded = null;   // Promise of the view element, fetched once
let wanted = false;  // the latest state's flag: a slow fetch must not undo a later "off"

async function load() {
  const response = await fetch("/takehome", { credentials: "same-origin" });
  if (!response.ok) throw new Error(String(response.status));
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const view = document.createElement("div");
  view.id = "takehome-view";
  view.hidden = true;
  for (const part of page.body.children) {
    view.append(document.importNode(part, true));
  }
  // Its "Back to the poll" link would reload this page; here the facilitator decides.
  view.querySelectorAll("nav a.back").forEach((link) => link.closest("nav").remove());
  const heading = view.querySelector("h1");
  if (heading) heading.tabIndex = -1;
  $("main").after(view);
  return view;
}

export function showTakeHome(on) {
  if (on === wanted) return;
  wanted = on;
  if (!on) {
    const view = $("takehome-view");
    if (view) view.hidden = true;
    $("main").hidden = false;
    return;
  }
  if (!loaded) loaded = load().catch((error) => { loaded = null; throw error; });
  loaded.then((view) => {
    if (!wanted) return;
    $("main").hidden = true;
    view.hidden = false;
    window.scrollTo(0, 0);
    const heading = view.querySelector("h1");
    if (heading) heading.focus();
  }).catch(() => {
    wanted = false;  // the footer link still works; the next state tries again
  });
}
