// Programs, API & Integrations, campaigns: a dialog opened in place of a page, and the card
// preview that follows the design fields. Every page works without this script.
"use strict";
document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  // <a data-open-dialog="id">: show <dialog id> as a modal instead of following the link.
  const opener = target && target.closest("[data-open-dialog]");
  if (opener) {
    const dialog = document.getElementById(opener.getAttribute("data-open-dialog") || "");
    if (dialog instanceof HTMLDialogElement && typeof dialog.showModal === "function") {
      event.preventDefault();
      dialog.showModal();
      const first = dialog.querySelector("select, input:not([type=hidden]), button");
      if (first instanceof HTMLElement) { first.focus(); }
    }
  }
  // <a data-close-dialog="id">: close it (Cancel).
  const closer = target && target.closest("[data-close-dialog]");
  if (closer) {
    const dialog = document.getElementById(closer.getAttribute("data-close-dialog") || "");
    if (dialog instanceof HTMLDialogElement && dialog.open) {
      event.preventDefault();
      dialog.close();
    }
  }
});
// A dialog the server sent open (no script, or a refused form) becomes modal too.
document.querySelectorAll("dialog[open]").forEach((dialog) => {
  if (dialog instanceof HTMLDialogElement && typeof dialog.showModal === "function") {
    dialog.close();
    dialog.showModal();
  }
});
// <img data-preview-of="form-id" data-preview-fields="a,b">: reload the image with the form's
// current values of those fields as its query, a moment after they change.
document.querySelectorAll("img[data-preview-of]").forEach((image) => {
  const form = document.getElementById(image.getAttribute("data-preview-of") || "");
  if (!(form instanceof HTMLFormElement) || !(image instanceof HTMLImageElement)) { return; }
  const fields = (image.getAttribute("data-preview-fields") || "").split(",");
  const base = image.src.split("?")[0];
  let timer = 0;
  const refresh = () => {
    const query = new URLSearchParams();
    const data = new FormData(form);
    fields.forEach((name) => { query.set(name, String(data.get(name) || "")); });
    image.src = base + "?" + query.toString();
  };
  form.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 250);
  });
});
// Radio buttons name="code_type": show only the options of the chosen code source.
document.querySelectorAll("form").forEach((form) => {
  const blocks = form.querySelectorAll("[data-code-type]");
  if (!blocks.length) { return; }
  const show = () => {
    const chosen = form.querySelector("input[name=code_type]:checked");
    const kind = chosen instanceof HTMLInputElement ? chosen.value : "";
    blocks.forEach((block) => {
      const kinds = (block.getAttribute("data-code-type") || "").split(" ");
      block.hidden = !kinds.includes(kind);
    });
  };
  form.addEventListener("change", show);
  show();
});
// data-shown-when="field=a b": shown while the form's select "field" is a or b (without that
// select, as on a stored automation's form, always). Hidden fields are disabled: not posted.
document.querySelectorAll("form").forEach((form) => {
  const blocks = Array.from(form.querySelectorAll("[data-shown-when]"));
  const show = () => {
    blocks.forEach((block) => {
      const [name, wanted] = (block.getAttribute("data-shown-when") || "").split("=");
      const chooser = form.elements.namedItem(name);
      if (!(chooser instanceof HTMLSelectElement) || !(block instanceof HTMLElement)) { return; }
      const shown = wanted.split(" ").includes(chooser.value);
      block.hidden = !shown;
      block.querySelectorAll("input, select").forEach((input) => {
        if (input instanceof HTMLInputElement || input instanceof HTMLSelectElement) {
          input.disabled = !shown;
        }
      });
    });
  };
  if (blocks.length) {
    form.addEventListener("change", show);
    show();
  }
});
