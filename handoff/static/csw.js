// tsunagu CSW dashboard: refresh polled fragments (queue rows, case thread) and confirm closing.
"use strict";

function poll(element) {
  const url = element.dataset.pollUrl;
  const every = Number(element.dataset.pollMs) || 5000;
  async function refresh() {
    try {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (response.status === 401) {
        window.location.reload();
        return;
      }
      if (response.ok) {
        const html = await response.text();
        if (html !== element.dataset.last) {
          element.innerHTML = html;
          element.dataset.last = html;
        }
      }
    } catch (error) {
      // offline for a moment: try again at the next tick
    }
    window.setTimeout(refresh, every);
  }
  window.setTimeout(refresh, every);
}

// While a CSW writes a reply, tell the server now and then, so the person sees LINE's typing dots.
const TYPING_EVERY_MS = 15000;
function announceTyping(form) {
  let last = 0;
  form.querySelector("textarea").addEventListener("input", () => {
    const now = Date.now();
    if (now - last < TYPING_EVERY_MS) {
      return;
    }
    last = now;
    const body = new URLSearchParams({ csrf: form.querySelector("input[name=csrf]").value });
    fetch(form.action.replace(/\/reply$/, "/typing"), { method: "POST", body, credentials: "same-origin" })
      .catch(() => {});
  });
}

document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll("[data-poll-url]").forEach(poll);
  document.querySelectorAll("form.reply").forEach(announceTyping);
  document.querySelectorAll("[data-confirm]").forEach((button) => {
    button.addEventListener("click", (event) => {
      if (!window.confirm(button.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
});
