// The live channel: one WebSocket to the facilitator's laptop, reopened after any drop
// with exponential backoff and full jitter, so 40 phones that lose Wi-Fi together do not
// all come back in the same instant.

const MAX_DELAY_MS = 15000;
const FIRST_DELAY_MS = 500;

/**
 * Start following the room. Callbacks:
 *   onMessage(message)  every state message (also fetched over HTTP before reconnecting)
 *   onOnline(online)    true when the socket opens, false when it drops
 *   onEnded()           the server no longer knows this phone (403): stop retrying
 */
export function startLive({ onMessage, onOnline, onEnded }) {
  let socket = null;
  let attempt = 0;
  let retryTimer = 0;

  function connect() {
    clearTimeout(retryTimer);
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(`${scheme}//${location.host}/ws`);
    socket.addEventListener("open", () => {
      attempt = 0;
      onOnline(true);
    });
    socket.addEventListener("message", (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return; // a malformed message is skipped; the next one repairs the page
      }
      onMessage(message);
    });
    socket.addEventListener("close", () => {
      onOnline(false);
      scheduleReconnect();
    });
  }

  function scheduleReconnect() {
    clearTimeout(retryTimer);
    const cap = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
    attempt += 1;
    retryTimer = setTimeout(reconnect, Math.random() * cap);
  }

  async function reconnect() {
    // Ask over plain HTTP first: a 403 means the session ended and retrying cannot help.
    try {
      const response = await fetch("/api/state", { credentials: "same-origin" });
      if (response.status === 403) {
        onEnded();
        return;
      }
      if (response.ok) onMessage(await response.json());
    } catch (error) {
      scheduleReconnect();
      return;
    }
    connect();
  }

  document.addEventListener("visibilitychange", () => {
    // Phones suspend background tabs; come back at once rather than after the backoff.
    if (document.visibilityState === "visible" && socket && socket.readyState === WebSocket.CLOSED) {
      attempt = 0;
      reconnect();
    }
  });

  reconnect();
}
