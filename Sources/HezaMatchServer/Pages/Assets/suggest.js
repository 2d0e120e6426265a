// Search-as-you-type: fills the search box's list of suggestions from /v1/suggest.
// The page works without it (a plain form).
(function () {
  var input = document.getElementById("q");
  var list = document.getElementById("suggestions");
  if (!input || !list || !window.fetch) return;
  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var text = input.value;
      if (text.trim().length < 2) return;
      fetch("/v1/suggest?limit=8&q=" + encodeURIComponent(text))
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) {
          while (list.firstChild) list.removeChild(list.firstChild);
          body.suggestions.forEach(function (s) {
            var option = document.createElement("option");
            option.value = s;
            list.appendChild(option);
          });
        })
        .catch(function () {});
    }, 150);
  });
})();
