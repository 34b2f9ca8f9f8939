// The template upload page: sends the form in the background to show how far the upload is, then that the
// server is checking the file (with the seconds elapsed), and puts the server's answer in place of the page's
// content. Without this script the form posts as usual and the same answer comes as a new page.
(() => {
  "use strict";

  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || form.id !== "upload-form" || !window.FormData || !window.DOMParser) {
      return;
    }

    const input = form.querySelector("input[type=file]");
    const status = document.getElementById("upload-status");
    const bar = document.getElementById("upload-progress");
    const text = document.getElementById("upload-status-text");
    const button = form.querySelector("button[type=submit]");
    event.preventDefault();
    status.hidden = false;
    if (input.files.length > 0 && input.files[0].size > Number(form.dataset.maxBytes)) {
      bar.hidden = true;
      text.textContent = form.dataset.tooLarge;
      return;
    }

    let timer = 0;
    const done = () => {
      window.clearInterval(timer);
      button.disabled = false;
    };
    const fail = () => {
      done();
      bar.hidden = true;
      text.textContent = form.dataset.failed;
    };

    button.disabled = true;
    bar.hidden = false;
    bar.value = 0;
    text.textContent = form.dataset.sending;
    const request = new XMLHttpRequest();
    request.open("POST", form.action || window.location.href);
    request.upload.addEventListener("progress", (progress) => {
      if (progress.lengthComputable) {
        bar.value = Math.round((progress.loaded / progress.total) * 100);
      }
    });
    request.upload.addEventListener("load", () => {
      const started = Date.now();
      bar.removeAttribute("value");
      text.textContent = form.dataset.checking;
      timer = window.setInterval(() => {
        text.textContent = `${form.dataset.checking} ${Math.round((Date.now() - started) / 1000)} s`;
      }, 1000);
    });
    request.addEventListener("load", () => {
      done();
      const page = new DOMParser().parseFromString(request.responseText, "text/html");
      const answer = page.getElementById("main");
      const main = document.getElementById("main");
      if (!answer || !main) {
        fail();
        return;
      }

      answer.querySelectorAll("script").forEach((script) => script.remove());
      main.replaceChildren(...Array.from(answer.childNodes, (node) => document.importNode(node, true)));
      document.title = page.title;
      const result = document.getElementById("upload-result");
      if (result) {
        result.tabIndex = -1;
        result.focus();
      }
    });
    request.addEventListener("error", fail);
    request.addEventListener("abort", fail);
    request.send(new FormData(form));
  });
})();
