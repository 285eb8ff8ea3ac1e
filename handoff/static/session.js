// tsunagu CSW dashboard: warn before the session times out, and never lose a draft to it.
// Polling does not extend the session, so a tab left alone ends on time; every action does, and its
// answer carries the new expiry, which moves the timer on. Before leaving for the login form the page
// asks the server; with a reply half written it never leaves: the draft is kept in this tab's
// sessionStorage (per case) and put back in the reply box after logging in again.
"use strict";

const DRAFT_PREFIX = "tsunagu-draft:";
const RECHECK_MS = 15000;
const sessionTimers = { expires: NaN, warnMs: 120000, warn: null, end: null };

function caseCode() {
  const layout = document.querySelector(".case-layout[data-case]");
  return layout ? layout.dataset.case : "";
}

function keepDraft() {
  const code = caseCode();
  const box = document.getElementById("reply-text");
  if (!code || !box) return;
  try {
    if (box.value.trim()) window.sessionStorage.setItem(DRAFT_PREFIX + code, box.value);
    else window.sessionStorage.removeItem(DRAFT_PREFIX + code);
  } catch (error) {
    // storage refused (private mode): the draft stays in the box, and the page does not leave
  }
}

function restoreDraft() {
  const code = caseCode();
  const box = document.getElementById("reply-text");
  if (!code || !box) return false;
  let saved = null;
  try {
    saved = window.sessionStorage.getItem(DRAFT_PREFIX + code);
  } catch (error) {
    return false;
  }
  if (!saved || box.value.trim()) return false;
  box.value = saved;
  const form = document.getElementById("reply-form");
  if (form) form.hidden = false;
  return true;
}

function writing() {
  return [...document.querySelectorAll("main textarea")].some((area) => area.value.trim() !== "");
}

function sessionEnded() {
  keepDraft();
  window.clearTimeout(sessionTimers.warn);
  window.clearTimeout(sessionTimers.end);
  const loginUrl = "/csw/login?next=" + encodeURIComponent(window.location.pathname);
  const warning = document.getElementById("session-warning");
  const ended = document.getElementById("session-ended");
  if (writing() && ended) {
    if (warning) warning.hidden = true;
    const link = document.getElementById("login-again");
    if (link) link.href = loginUrl;
    ended.hidden = false;
    return;
  }
  window.location.assign(loginUrl);
}

function scheduleSession(minDelayMs) {
  const warning = document.getElementById("session-warning");
  window.clearTimeout(sessionTimers.warn);
  window.clearTimeout(sessionTimers.end);
  if (!warning || Number.isNaN(sessionTimers.expires)) return;
  const left = sessionTimers.expires - Date.now();
  warning.hidden = left > sessionTimers.warnMs;
  if (!warning.hidden) {
    sessionTimers.warn = null;
  } else {
    sessionTimers.warn = window.setTimeout(() => { warning.hidden = false; }, left - sessionTimers.warnMs);
  }
  sessionTimers.end = window.setTimeout(checkSession, Math.max(minDelayMs || 0, left + 1000));
}

async function checkSession() {
  try {
    const response = await fetch("/csw/session", {
      credentials: "same-origin",
      cache: "no-store",
      headers: { accept: "application/json" },
    });
    if (response.status === 401) {
      sessionEnded();
      return;
    }
    if (response.ok) {
      const body = await response.json();
      extendSession(body.expires_at, RECHECK_MS);
      return;
    }
  } catch (error) {
    // offline: ask again shortly; never leave a page the server has not ended
  }
  sessionTimers.end = window.setTimeout(checkSession, RECHECK_MS);
}

function extendSession(iso, minDelayMs) {
  const expires = Date.parse(iso || "");
  if (Number.isNaN(expires)) return;
  sessionTimers.expires = expires;
  scheduleSession(minDelayMs);
}

function watchSession() {
  const body = document.body;
  sessionTimers.warnMs = (Number(body.dataset.sessionWarnS) || 120) * 1000;
  extendSession(body.dataset.sessionExpires || "");
}

window.tsunaguSession = { extend: extendSession, ended: sessionEnded, keepDraft, restoreDraft };
document.addEventListener("DOMContentLoaded", watchSession);
