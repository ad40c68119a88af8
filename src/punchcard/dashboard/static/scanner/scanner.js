// Punchcard scanner: the camera reads codes (ZXing, shipped with the package) and the page's
// forms are sent without leaving the page, so the camera keeps running. Without this script
// the same forms work as plain HTML. Nothing is ever queued: a failed request says so.
"use strict";
(() => {
  const root = document.querySelector("[data-scanner]");
  if (!root) { return; }
  const camera = root.querySelector(".camera");
  const video = camera.querySelector("video");
  const startButton = camera.querySelector(".start-camera");
  const lookUp = document.getElementById("look-up");
  let paused = false; // a result waits for the barista: no new look-up until it is handled
  let lastCode = ""; // the code just handled is not looked up again until another one is seen
  const HOLD_MS = 2500;

  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/scan/sw.js", { scope: "/scan" }).catch(() => {});
  }

  function result() { return document.getElementById("result"); }

  function pause(on) {
    paused = on;
    camera.classList.toggle("paused", on);
    const next = document.querySelector("[data-scan-next]");
    if (next) { next.hidden = !on || video.hidden; } // only while the camera runs
  }

  // After a look-up the result waits for the barista; after an action the feedback stays in
  // view for a moment, then the camera reads the next customer's code.
  function showResult(html, afterLookUp) {
    const fresh = new DOMParser().parseFromString(html, "text/html");
    const incoming = fresh.getElementById("result");
    const form = fresh.getElementById("look-up");
    if (!incoming || !form) { return false; }
    result().replaceWith(incoming);
    document.getElementById("look-up").replaceWith(form);
    pause(true);
    if (!afterLookUp || !incoming.querySelector("form")) {
      setTimeout(() => pause(false), HOLD_MS);
    }
    return true;
  }

  function offline() {
    const box = document.createElement("div");
    box.className = "feedback bad";
    box.setAttribute("role", "alert");
    const title = document.createElement("p");
    title.className = "feedback-title";
    title.textContent = "✗ " + (document.documentElement.lang === "de" ? "Keine Verbindung – nichts gespeichert." : "No connection – nothing was saved.");
    box.append(title);
    result().prepend(box);
  }

  async function send(form, submitter) {
    const body = new URLSearchParams(new FormData(form));
    if (submitter && submitter.name) { body.set(submitter.name, submitter.value); }
    for (const button of form.querySelectorAll("button")) { button.disabled = true; }
    try {
      const response = await fetch(form.action, { method: "POST", body, credentials: "same-origin" });
      const html = await response.text();
      if (!showResult(html, form.id === "look-up")) {
        document.open(); document.write(html); document.close(); // an error page: show it whole
      }
    } catch (error) {
      for (const button of form.querySelectorAll("button")) { button.disabled = false; }
      offline();
      setTimeout(() => pause(false), HOLD_MS);
    }
  }

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (event.defaultPrevented || !(form instanceof HTMLFormElement) || form.method !== "post") { return; }
    if (!root.contains(form)) { return; }
    event.preventDefault();
    send(form, event.submitter);
  });

  function scanned(code) {
    if (paused || code === lastCode) { return; }
    lastCode = code;
    const form = document.getElementById("look-up");
    form.querySelector("[name=code]").value = code;
    pause(true);
    form.requestSubmit();
  }

  // "Scan next": forget the result so the same card can be read again.
  document.addEventListener("click", (event) => {
    const next = event.target instanceof Element && event.target.closest("[data-scan-next]");
    if (next) { lastCode = ""; pause(false); }
  });
  document.addEventListener("focusin", (event) => {
    if (event.target instanceof HTMLInputElement && event.target.name === "code") { lastCode = ""; }
  });

  // --- the camera -------------------------------------------------------------------------
  const canvas = document.createElement("canvas");
  const context = canvas.getContext("2d", { willReadFrequently: true });
  let reader = null;

  function decoder() {
    if (reader || !window.ZXing) { return reader; }
    const Z = window.ZXing;
    const hints = new Map();
    hints.set(Z.DecodeHintType.POSSIBLE_FORMATS, [Z.BarcodeFormat.QR_CODE, Z.BarcodeFormat.CODE_128, Z.BarcodeFormat.EAN_13]);
    hints.set(Z.DecodeHintType.TRY_HARDER, true);
    reader = new Z.MultiFormatReader();
    reader.setHints(hints);
    return reader;
  }

  function readFrame() {
    const width = video.videoWidth, height = video.videoHeight;
    if (!width || !height || !decoder()) { return null; }
    const scale = Math.min(1, 800 / width);
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const Z = window.ZXing;
    try {
      const source = new Z.HTMLCanvasElementLuminanceSource(canvas);
      return reader.decodeWithState(new Z.BinaryBitmap(new Z.HybridBinarizer(source))).getText();
    } catch (error) {
      return null; // no code in this frame
    } finally {
      reader.reset();
    }
  }

  function loop() {
    if (!paused && !document.hidden) {
      const code = readFrame();
      if (code) { scanned(code.trim()); }
    }
    setTimeout(loop, 150);
  }

  async function startCamera() {
    startButton.hidden = true;
    try {
      video.srcObject = await navigator.mediaDevices.getUserMedia({
        audio: false, video: { facingMode: "environment", width: { ideal: 1280 } },
      });
      await video.play();
      video.hidden = false;
      loop();
    } catch (error) {
      camera.hidden = true;
      const note = document.createElement("p");
      note.className = "warning";
      note.textContent = root.dataset.cameraFailed;
      lookUp.before(note);
    }
  }

  if (navigator.mediaDevices && navigator.mediaDevices.getUserMedia) {
    camera.hidden = false;
    startButton.addEventListener("click", startCamera);
    const asked = navigator.permissions ? navigator.permissions.query({ name: "camera" }) : Promise.reject();
    asked.then((status) => {
      if (status.state === "granted") { startCamera(); } else { startButton.hidden = false; }
    }).catch(() => { startButton.hidden = false; });
  }
})();
