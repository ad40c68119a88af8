// Punchcard dashboard: small enhancements; every page works without this script.
"use strict";
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  // <button data-copy="text">: copy to the clipboard, say so on the button for a moment.
  const copy = target && target.closest("[data-copy]");
  if (copy && navigator.clipboard) {
    event.preventDefault();
    navigator.clipboard.writeText(copy.getAttribute("data-copy") || "").then(() => {
      const label = copy.textContent;
      copy.textContent = copy.getAttribute("data-copied") || "✓";
      setTimeout(() => { copy.textContent = label; }, 1500);
    });
  }
});
document.addEventListener("submit", (event) => {
  // <form data-confirm="Really?">: ask before a change that cannot be undone.
  const form = event.target;
  if (form instanceof HTMLFormElement && form.dataset.confirm && !window.confirm(form.dataset.confirm)) {
    event.preventDefault();
  }
  // A second click while the first is on its way sends nothing more.
  if (!event.defaultPrevented && form instanceof HTMLFormElement) {
    const sent = form.dataset.sent === "1";
    if (sent) { event.preventDefault(); }
    form.dataset.sent = "1";
    setTimeout(() => { delete form.dataset.sent; }, 4000);
  }
});
