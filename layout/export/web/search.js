/* Search over the archive, in the browser: no server, nothing from elsewhere.
   The archive's index is of character bigrams (layout/export/web/site.py):
   a query is normalised as the texts were (NFKC, lower case, letters and
   digits only) and cut into bigrams; only their shards are loaded, the
   articles holding every bigram are candidates, and the texts of their
   editions confirm the phrase and give the snippet. Data arrives as
   <script>s calling layoutSearch.* (a fetch() of a file is refused from
   file://). Results are built with DOM calls, never as HTML. */
(function () {
  "use strict";

  var SHARDS = 64;
  var LIMIT = 50;
  var SNIPPET = 40;
  var BASE = "archive/";
  var data = { docs: null, shards: {}, texts: {} };
  var pending = {};

  window.layoutSearch = {
    docs: function (docs) { data.docs = docs; },
    shard: function (n, postings) { data.shards[n] = postings; },
    text: function (folder, texts) { data.texts[folder] = texts; }
  };

  function load(name) {
    if (!pending[name]) {
      pending[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BASE + name;
        script.onload = resolve;
        script.onerror = function () { reject(new Error(name)); };
        document.head.appendChild(script);
      });
    }
    return pending[name];
  }

  var WORD = /[\p{L}\p{N}]/u;

  function indexable(text) {
    return Array.from(text.normalize("NFKC").toLowerCase())
      .filter(function (c) { return WORD.test(c); }).join("");
  }

  function bigrams(clean) {
    var chars = Array.from(clean), out = [];
    for (var i = 0; i + 1 < chars.length; i++) {
      var pair = chars[i] + chars[i + 1];
      if (out.indexOf(pair) < 0) out.push(pair);
    }
    return out;
  }

  function shardOf(pair) {
    var chars = Array.from(pair);
    return (chars[0].codePointAt(0) * 31 + chars[1].codePointAt(0)) % SHARDS;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  /* The phrase in the original text, letting anything but letters and digits
     stand between its characters (a query may leave out the punctuation). */
  function finder(clean) {
    var parts = Array.from(clean).map(function (c) {
      return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    });
    return new RegExp(parts.join("[^\\p{L}\\p{N}]*"), "iu");
  }

  function candidates(pairs) {
    var found = null;
    pairs.forEach(function (pair) {
      var docs = data.shards[shardOf(pair)][pair] || [];
      found = found === null ? docs.slice() : found.filter(function (d) { return docs.indexOf(d) >= 0; });
    });
    return found || [];
  }

  function dateText(folder) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(folder);
    return m ? (+m[1]) + "年" + (+m[2]) + "月" + (+m[3]) + "日" : folder;
  }

  function snippet(text, match) {
    var p = document.createElement("p");
    if (!match) {
      p.textContent = text.slice(0, SNIPPET * 2) + (text.length > SNIPPET * 2 ? "……" : "");
      return p;
    }
    var start = Math.max(0, match.index - SNIPPET);
    var end = Math.min(text.length, match.index + match[0].length + SNIPPET);
    p.appendChild(document.createTextNode((start > 0 ? "……" : "") + text.slice(start, match.index)));
    var mark = document.createElement("mark");
    mark.textContent = match[0];
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(match.index + match[0].length, end) +
                                          (end < text.length ? "……" : "")));
    return p;
  }

  function say(box, text) {
    var p = document.createElement("p");
    p.textContent = text;
    box.replaceChildren(p);
  }

  function show(box, query, hits) {
    if (!hits.length) { say(box, "没有找到含“" + query + "”的文章。"); return; }
    var list = document.createElement("ol");
    list.className = "results";
    hits.slice(0, LIMIT).forEach(function (hit) {
      var doc = data.docs[hit.doc], item = document.createElement("li");
      var link = document.createElement("a");
      link.href = doc[0] + "/" + doc[1];
      link.textContent = doc[2];
      var where = document.createElement("span");
      where.className = "meta";
      where.textContent = dateText(doc[0]) + " 第" + doc[3] + "版";
      item.append(link, where, snippet(hit.text, hit.match));
      list.appendChild(item);
    });
    var count = document.createElement("p");
    count.textContent = "找到" + hits.length + "篇含“" + query + "”的文章" +
      (hits.length > LIMIT ? "，列出最新的" + LIMIT + "篇" : "") + "。";
    box.replaceChildren(count, list);
  }

  function search(query, box) {
    var clean = indexable(query);
    if (Array.from(clean).length < 2) { say(box, "请输入至少两个字。"); return Promise.resolve(); }
    var pairs = bigrams(clean);
    var shards = pairs.map(shardOf).filter(function (n, i, all) { return all.indexOf(n) === i; });
    say(box, "正在检索……");
    return Promise.all([load("docs.js")].concat(shards.map(function (n) {
      return load("s" + pad(n) + ".js");
    }))).then(function () {
      var docs = candidates(pairs);
      var folders = docs.map(function (d) { return data.docs[d][0]; })
        .filter(function (f, i, all) { return all.indexOf(f) === i; });
      return Promise.all(folders.map(function (f) { return load("t-" + f + ".js"); }))
        .then(function () {
          var find = finder(clean), hits = [];
          docs.forEach(function (d) {
            var doc = data.docs[d], text = (data.texts[doc[0]] || {})[doc[1]] || "";
            if (indexable(text).indexOf(clean) < 0) return;
            hits.push({ doc: d, text: text, match: find.exec(text) });
          });
          show(box, query.trim(), hits);
        });
    }).catch(function () { say(box, "检索数据未能载入，请稍后再试。"); });
  }

  function start() {
    var form = document.querySelector("form.search"), box = document.getElementById("results");
    if (!form || !box) return;
    var input = form.querySelector("input[name=q]");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var query = input.value;
      try {      /* a shareable address; refused from file:// (an opaque origin) */
        history.replaceState(null, "", "?q=" + encodeURIComponent(query));
      } catch (ignored) { /* the search works the same */ }
      search(query, box);
    });
    var asked = new URLSearchParams(location.search).get("q");
    if (asked) { input.value = asked; search(asked, box); }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
}());
