// tsunagu CSW dashboard: warn before the session times out. Polling does not extend the session,
// so a tab left alone ends on time; this shows the page's warning shortly before it does.
"use strict";

function watchSession() {
  const body = document.body;
  const expires = Date.parse(body.dataset.sessionExpires || "");
  const warnMs = (Number(body.dataset.sessionWarnS) || 120) * 1000;
  const warning = document.getElementById("session-warning");
  if (!warning || Number.isNaN(expires)) return;
  const show = () => { warning.hidden = false; };
  const leave = () => { window.location.assign("/csw/login"); };
  window.setTimeout(show, Math.max(0, expires - warnMs - Date.now()));
  window.setTimeout(leave, Math.max(0, expires - Date.now() + 1000));
}

document.addEventListener("DOMContentLoaded", watchSession);
