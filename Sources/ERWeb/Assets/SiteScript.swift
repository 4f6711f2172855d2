/// The one script, served from the binary (`/assets/site.js`) and copied into every static site:
/// suggestions as one types in the search box. On the server they come from `/api/search`; on a
/// static site from the prebuilt index (`assets/search-index.js`), which loads from disk too,
/// where a fetch of a JSON file would be refused. Text goes in through `textContent` only.
enum SiteScript {
    static let javascript = """
    (function () {
      "use strict";
      var body = document.body;
      var input = document.getElementById("search");
      var list = document.getElementById("suggestions");
      if (!input || !list) { return; }
      var root = body.getAttribute("data-root") || "";
      var live = body.getAttribute("data-search") === "api";
      var active = -1;
      var timer = null;
      var latest = 0;

      function words(text) { return text.toLowerCase().split(/[^\\p{L}\\p{N}]+/u).filter(function (w) { return w.length > 0; }); }

      function covers(list, terms) {
        return terms.every(function (term) { return list.some(function (word) { return word.indexOf(term) === 0; }); });
      }

      // The rule of the server's search (SearchIndex.search): the name starting with the query,
      // then a word of the name, then one alias, description or quote, then all of them together.
      function fromIndex(query) {
        var index = window.ergraphSearchIndex || [];
        var terms = words(query);
        if (terms.length === 0) { return []; }
        var lowered = query.toLowerCase().trim();
        var found = [];
        index.forEach(function (entry) {
          var nameWords = words(entry[0]);
          var texts = entry[3];
          var rank = -1, match = null;
          if (covers(nameWords, terms)) { rank = entry[0].toLowerCase().indexOf(lowered) === 0 ? 0 : 1; }
          else {
            for (var i = 0; i < texts.length; i++) { if (covers(words(texts[i]), terms)) { rank = 2; match = texts[i]; break; } }
            if (rank < 0) {
              var all = nameWords;
              texts.forEach(function (t) { all = all.concat(words(t)); });
              if (covers(all, terms)) { rank = 3; }
            }
          }
          if (rank >= 0) { found.push({ rank: rank, name: entry[0], kind: entry[1], href: root + entry[2], id: entry[4], match: match }); }
        });
        found.sort(function (a, b) { return a.rank - b.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)); });
        return found.slice(0, 8).map(function (r) {
          var match = r.match && r.match.length > 90 ? r.match.slice(0, 89) + "…" : r.match;
          return { name: r.name, kind: r.kind, href: r.href, match: match };
        });
      }

      function show(results) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        active = -1;
        results.forEach(function (result) {
          var item = document.createElement("li");
          var link = document.createElement("a");
          link.href = result.href;
          link.setAttribute("role", "option");
          link.textContent = result.name + " ";
          var kind = document.createElement("span");
          kind.className = "kind";
          kind.textContent = result.kind;
          link.appendChild(kind);
          if (result.match) {
            var match = document.createElement("span");
            match.className = "match";
            match.textContent = result.match;
            link.appendChild(match);
          }
          item.appendChild(link);
          list.appendChild(item);
        });
        list.hidden = results.length === 0;
        input.setAttribute("aria-expanded", results.length > 0 ? "true" : "false");
      }

      function suggest() {
        var query = input.value.trim();
        if (query.length === 0) { show([]); return; }
        if (!live) { show(fromIndex(query)); return; }
        var ticket = ++latest;
        fetch("/api/search?limit=8&q=" + encodeURIComponent(query), { headers: { "Accept": "application/json" } })
          .then(function (response) { return response.ok ? response.json() : { results: [] }; })
          .then(function (answer) { if (ticket === latest) { show(answer.results.map(function (r) { return { name: r.name, kind: r.kind, href: r.page, match: r.match }; })); } })
          .catch(function () { if (ticket === latest) { show([]); } });
      }

      function move(step) {
        var links = list.querySelectorAll("a");
        if (links.length === 0) { return; }
        if (active >= 0) { links[active].classList.remove("active"); }
        active = (active + step + links.length) % links.length;
        links[active].classList.add("active");
      }

      input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(suggest, 80); });
      input.addEventListener("keydown", function (event) {
        if (event.key === "ArrowDown") { move(1); event.preventDefault(); }
        else if (event.key === "ArrowUp") { move(-1); event.preventDefault(); }
        else if (event.key === "Escape") { show([]); }
        else if (event.key === "Enter") {
          var links = list.querySelectorAll("a");
          var chosen = active >= 0 ? links[active] : (links.length > 0 ? links[0] : null);
          if (chosen) { window.location.href = chosen.href; event.preventDefault(); }
          else if (!live) { event.preventDefault(); }
        }
      });
      document.addEventListener("click", function (event) { if (!list.contains(event.target) && event.target !== input) { show([]); } });
    })();
    """
}
