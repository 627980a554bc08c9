// The desk's small progressive enhancements; every page works without them.
"use strict";

// Keyboard: "/" searches, j and k move between stories, Enter opens (the link has focus).
document.addEventListener("keydown", (event) => {
  const typing = /^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName);
  if (typing || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === "/") {
    const search = document.getElementById("q");
    if (search) { event.preventDefault(); search.focus(); }
  } else if (event.key === "j" || event.key === "k") {
    const links = [...document.querySelectorAll(".rows a.open")];
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    const next = event.key === "j" ? Math.min(at + 1, links.length - 1) : Math.max(at - 1, 0);
    links[next].focus();
    links[next].scrollIntoView({block: "nearest"});
  }
});

// The day's list follows a running batch or watch: fetched again every few seconds.
const live = document.getElementById("day-list");
if (live) {
  let stamp = "";
  const poll = async () => {
    try {
      const reply = await fetch(`${live.dataset.live}&since=${stamp}`, {cache: "no-store"});
      if (reply.status === 200) {
        const fresh = reply.headers.get("X-Stamp");
        if (stamp && fresh !== stamp) live.innerHTML = await reply.text();
        stamp = fresh;
      }
    } catch (error) { /* the desk stopped: try again later */ }
    setTimeout(poll, 3000);
  };
  poll();
}

// A job's page shows its progress lines until it is done, then its outcome.
const job = document.getElementById("job");
if (job) {
  const poll = async () => {
    const reply = await fetch(job.dataset.state, {cache: "no-store"});
    const state = await reply.json();
    document.getElementById("job-state").textContent = state.state;
    document.getElementById("job-state").className = `badge j-${state.state}`;
    const lines = document.getElementById("job-lines");
    lines.replaceChildren(...state.lines.map((text) => {
      const item = document.createElement("li");
      item.textContent = text;
      return item;
    }));
    document.getElementById("job-result").textContent = state.result || "";
    document.getElementById("job-error").textContent = state.error ? `Error! ${state.error}` : "";
    if (state.page) document.getElementById("job-page").href = state.page;
    if (state.state === "done" || state.state === "failed") {
      job.dataset.finished = state.state;
      document.getElementById("job-page").focus();
    } else {
      setTimeout(poll, 1000);
    }
  };
  poll();
}
