// Amity's form controls, loaded by amity.js on pages that have them (no inline script: the
// Content-Security-Policy forbids it). Without this file the pages still work: a select list
// stays a native <select> and a date a text box that reads dd/mm/yyyy.
(() => {
  const language = document.documentElement.lang || "vi";

  // A select list one can type into. "remote": the options come from the model's API list as
  // the user types (the page holds only the selected ones); "local": every option is on the
  // page and Tom Select searches them, ignoring diacritics ("ha noi" finds "Hà Nội").
  function searchableSelect(select) {
    if (select.tomselect) return;
    const plugins = [];
    if (select.multiple) plugins.push("remove_button");
    else if (!select.required) plugins.push("clear_button");
    const texts = select.dataset;
    const settings = {
      plugins,
      create: false,
      // A partner chosen, the box is empty again for the next one.
      onItemAdd() {
        if (select.multiple) this.setTextboxValue("");
      },
      allowEmptyOption: !select.multiple,
      // The list follows each key at once. Tom Select's default waits 300 ms, and a refresh that
      // fires after an option was clicked reopens the list and takes the focus back: the keys
      // then typed into the next field (a date) were lost, and the date read as this year's.
      // The API's answers keep their own wait (loadThrottle).
      refreshThrottle: 0,
      maxOptions: null,
      hidePlaceholder: true,
      render: {
        no_results: () => `<div class="no-results">${escapeText(texts.textNone)}</div>`,
        loading: () => `<div class="spinner-border spinner-border-sm m-2" role="status"></div>`,
      },
    };
    const url = texts.optionsUrl;
    if (url) {
      Object.assign(settings, {
        valueField: "id",
        labelField: "label",
        searchField: ["label"],
        maxOptions: 50,
        preload: "focus",
        // The API decides what matches (its search reads more than the label): keep its order.
        score: () => () => 1,
        load(query, callback) {
          const address = `${url}?${new URLSearchParams({ q: query, limit: "50" })}`;
          fetch(address, { headers: { Accept: "application/json" }, credentials: "same-origin" })
            .then((response) => (response.ok ? response.json() : { results: [] }))
            .then((data) => {
              // Only the answer to what is typed now (the chosen items stay): the options of
              // an earlier word would otherwise fill the list before the matches.
              this.clearOptions();
              this.loadedSearches = {};
              callback(data.results || []);
            })
            .catch(() => callback());
        },
      });
    }
    const control = new TomSelect(select, settings).control_input;
    // Tom Select hands the list's label to the box one types in and hides the list from view and
    // from the tab order: hidden from assistive technology too, it is not a second, unnamed field.
    select.setAttribute("aria-hidden", "true");
    // What the form says of the list (its error, its help) is said of the box one types in.
    for (const name of ["aria-invalid", "aria-describedby", "aria-required"]) {
      if (select.hasAttribute(name)) control.setAttribute(name, select.getAttribute(name));
    }
  }

  function escapeText(text) {
    const holder = document.createElement("span");
    holder.textContent = text || "";
    return holder.innerHTML;
  }

  // One calendar for dates and times, writing the same text the server reads: dd/mm/yyyy and
  // 24-hour times in both languages (Chromium's native boxes show mm/dd/yyyy and AM/PM in English).
  const PICKERS = {
    date: { dateFormat: "d/m/Y" },
    datetime: { dateFormat: "d/m/Y H:i", enableTime: true },
    time: { dateFormat: "H:i", enableTime: true, noCalendar: true },
  };

  function datePicker(input) {
    if (input._flatpickr) return;
    const locale = language === "vi" && flatpickr.l10ns.vn ? "vn" : { firstDayOfWeek: 1 };
    flatpickr(input, {
      ...PICKERS[input.dataset.datepicker],
      allowInput: true,
      time_24hr: true,
      disableMobile: true,
      locale,
    });
  }

  // The first field with an error takes the focus, so that a screen reader reads it out.
  function focusFirstError(root) {
    const invalid = root.querySelector("form [aria-invalid='true']");
    if (invalid && root === document) {
      const control = invalid.tomselect ? invalid.tomselect.control_input : invalid;
      control.focus();
    }
  }

  function enhance(root) {
    if (window.TomSelect) root.querySelectorAll("select[data-searchable]").forEach(searchableSelect);
    if (window.flatpickr) root.querySelectorAll("input[data-datepicker]").forEach(datePicker);
    focusFirstError(root);
  }

  enhance(document);
  document.body.addEventListener("htmx:load", (event) => enhance(event.detail.elt));
})();
