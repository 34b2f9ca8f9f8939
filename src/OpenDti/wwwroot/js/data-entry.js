// The data-entry form (/data/{dataSet}/{period}/{unit}):
// - checks each number as it is typed, with the bounds the server renders as data attributes and the
//   server's reading rule (Features/DataEntry/NumberInput.cs); the server still checks everything;
// - keeps what is typed but not saved in localStorage, keyed by user, data set, period and unit, and offers
//   to restore it when the form is opened again; forgets it once a save has succeeded;
// - refuses, before sending, an evidence file over the size limit.
// Without this script the form works the same; the checks then come back from the server.
(() => {
  "use strict";

  const form = document.getElementById("entry-form");

  const format = (template, ...values) =>
    template.replace(/\{(\d+)\}/g, (match, index) => (values[index] !== undefined ? String(values[index]) : match));

  // The rule of NumberInput.Read: returns { value } (value null for empty) or { problem }.
  const readNumber = (text, decimalSeparator) => {
    let s = text.trim();
    if (s === "") {
      return { value: null };
    }

    let negative = false;
    if (s[0] === "-" || s[0] === "+" || s[0] === "\u2212") {
      negative = s[0] !== "+";
      s = s.slice(1);
    }

    if (!/^[0-9][0-9.,]*$/.test(s) || !/[0-9]$/.test(s)) {
      return { problem: "not-number" };
    }

    const dots = (s.match(/\./g) || []).length;
    const commas = (s.match(/,/g) || []).length;
    const ungroup = (part, separator) => {
      const groups = part.split(separator);
      const ok = groups[0].length >= 1 && groups[0].length <= 3 && groups[0][0] !== "0" && groups.slice(1).every((g) => g.length === 3);
      return ok ? groups.join("") : null;
    };

    let integer;
    let fraction = "";
    if (dots > 0 && commas > 0) {
      const separator = s.lastIndexOf(".") > s.lastIndexOf(",") ? "." : ",";
      const group = separator === "." ? "," : ".";
      const at = s.lastIndexOf(separator);
      if (s.indexOf(separator) !== at) {
        return { problem: "not-number" };
      }

      fraction = s.slice(at + 1);
      integer = ungroup(s.slice(0, at), group);
      if (integer === null) {
        return { problem: "grouping" };
      }
    } else if (dots + commas === 0) {
      integer = s;
    } else {
      const separator = dots > 0 ? "." : ",";
      if (dots + commas > 1) {
        integer = ungroup(s, separator);
        if (integer === null) {
          return { problem: "grouping" };
        }
      } else {
        const at = s.indexOf(separator);
        integer = s.slice(0, at);
        fraction = s.slice(at + 1);
        const couldBeGrouping = integer.length >= 1 && integer.length <= 3 && integer[0] !== "0" && fraction.length === 3;
        if (separator !== decimalSeparator && couldBeGrouping) {
          return { problem: "ambiguous" };
        }
      }
    }

    const value = Number(fraction.length === 0 ? integer : `${integer}.${fraction}`);
    if (!Number.isFinite(value)) {
      return { problem: "not-number" };
    }

    return { value: negative ? -value : value };
  };

  if (form) {
    const data = form.dataset;
    const decimalSeparator = data.decimal || ",";
    const other = decimalSeparator === "," ? "." : ",";
    const numbers = Array.from(form.querySelectorAll("input[data-measure]"));
    const comments = Array.from(form.querySelectorAll("input[data-comment]"));
    const errorOf = (input) => document.getElementById(`e-${input.dataset.measure}`);

    const problemOf = (input, forSubmit) => {
      const text = input.value;
      const reading = readNumber(text, decimalSeparator);
      const trimmed = text.trim();
      if (reading.problem === "ambiguous") {
        return format(data.msgAmbiguous, trimmed, trimmed.split(other).join(""), trimmed.split(other).join(decimalSeparator));
      }
      if (reading.problem === "grouping") {
        return format(data.msgGrouping, trimmed);
      }
      if (reading.problem) {
        return format(data.msgNotNumber, trimmed);
      }
      if (reading.value === null) {
        return forSubmit && input.dataset.required === "true" ? data.msgRequired : null;
      }
      if (input.dataset.whole === "true" && !Number.isInteger(reading.value)) {
        return data.msgWhole;
      }
      // An attribute without a bound is rendered empty.
      const bound = (text) => (text === undefined || text === "" ? null : Number(text));
      const min = bound(input.dataset.min);
      const max = bound(input.dataset.max);
      if ((min !== null && reading.value < min) || (max !== null && reading.value > max)) {
        return format(data.msgRange, input.dataset.bounds);
      }
      return null;
    };

    const check = (input, forSubmit) => {
      const problem = problemOf(input, forSubmit);
      const error = errorOf(input);
      input.setAttribute("aria-invalid", problem ? "true" : "false");
      if (error) {
        error.replaceChildren();
        if (problem) {
          const line = document.createElement("p");
          line.textContent = problem;
          error.append(line);
        }
      }
      return problem === null;
    };

    numbers.forEach((input) => {
      input.addEventListener("blur", () => check(input, false));
      input.addEventListener("input", () => {
        if (input.getAttribute("aria-invalid") === "true") {
          check(input, false);
        }
      });
    });

    form.addEventListener("submit", (event) => {
      const forSubmit = event.submitter && event.submitter.dataset.submit === "true";
      const invalid = numbers.filter((input) => !check(input, forSubmit));
      if (invalid.length > 0) {
        event.preventDefault();
        invalid[0].focus();
      }
    });

    // Unsaved input, kept in this browser until it is saved or discarded.
    const key = data.draftKey;
    const prompt = document.getElementById("unsaved-prompt");
    const storage = (() => {
      try {
        return window.localStorage;
      } catch {
        return null;
      }
    })();

    const changedFields = () => {
      const fields = {};
      numbers.forEach((input) => {
        const comment = form.querySelector(`input[data-comment="${input.dataset.measure}"]`);
        const commentText = comment ? comment.value : "";
        const commentOriginal = comment ? comment.dataset.original || "" : "";
        if (input.value.trim() !== (input.dataset.original || "").trim() || commentText.trim() !== commentOriginal.trim()) {
          fields[input.dataset.measure] = { value: input.value, comment: commentText };
        }
      });
      return fields;
    };

    const remember = () => {
      if (!storage || !key) {
        return;
      }
      const fields = changedFields();
      if (Object.keys(fields).length === 0) {
        storage.removeItem(key);
      } else {
        storage.setItem(key, JSON.stringify({ at: new Date().toISOString(), fields }));
      }
    };

    if (storage && key) {
      if (data.saved === "true") {
        storage.removeItem(key);
      }

      const kept = (() => {
        try {
          return JSON.parse(storage.getItem(key) || "null");
        } catch {
          return null;
        }
      })();
      const differs = kept && kept.fields && Object.entries(kept.fields).some(([measure, field]) => {
        const input = form.querySelector(`input[data-measure="${measure}"]`);
        const comment = form.querySelector(`input[data-comment="${measure}"]`);
        return input && (input.value !== field.value || (comment && comment.value !== field.comment));
      });
      if (differs && prompt) {
        const time = prompt.querySelector("time");
        const at = new Date(kept.at);
        time.dateTime = kept.at;
        const two = (n) => String(n).padStart(2, "0");
        time.textContent = `${two(at.getHours())}:${two(at.getMinutes())} ${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()}`;
        prompt.hidden = false;
        prompt.querySelector("[data-action=restore]").addEventListener("click", () => {
          Object.entries(kept.fields).forEach(([measure, field]) => {
            const input = form.querySelector(`input[data-measure="${measure}"]`);
            const comment = form.querySelector(`input[data-comment="${measure}"]`);
            if (input) {
              input.value = field.value;
              check(input, false);
            }
            if (comment) {
              comment.value = field.comment;
            }
          });
          prompt.hidden = true;
          remember();
        });
        prompt.querySelector("[data-action=discard]").addEventListener("click", () => {
          storage.removeItem(key);
          prompt.hidden = true;
        });
      } else if (!differs) {
        remember();
      }

      [...numbers, ...comments].forEach((input) => input.addEventListener("input", remember));
    }
  }

  const upload = document.getElementById("upload-form");
  if (upload) {
    const file = upload.querySelector("input[type=file]");
    const error = document.getElementById("upload-error");
    upload.addEventListener("submit", (event) => {
      const chosen = file.files && file.files[0];
      if (chosen && chosen.size > Number(upload.dataset.maxBytes)) {
        event.preventDefault();
        error.textContent = format(upload.dataset.msgTooLarge, chosen.name);
        file.setAttribute("aria-invalid", "true");
        file.focus();
      }
    });
  }
})();
