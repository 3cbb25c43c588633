/* The book's order of search results, put before Material's search worker code by hooks/search.py.
 *
 * Material's search (lunr) adds a wildcard to every word typed, so "un" matches
 * "university" as well as "UN", and ranks a page by the sum of its matches: a
 * page naming a longer word, or many words of a prefix, can come before the page
 * whose name was typed. Readers type names, so the pages are put in this order,
 * best first, keeping Material's order among pages of the same tier:
 *
 *   4  the query is the page's title ("Pyongyang", "Six-party talks")
 *   3  the query is one of its other names: an alias, a name in another script,
 *      an event's place and year ("Kim", "김정은", "Ким Чен Ын", "Vladivostok 2019")
 *   2  every word of the query is a whole word of one of its names ("Kim Il Sung"
 *      for Kim Il Sung Square)
 *   1  every word of the query begins a word of one of its names ("Vladiv", "Пхень")
 *   0  any other match (a mention in the text)
 *
 * Within a tier, the page whose closest name has the fewest other words comes first.
 * A page's names are its index entries' "names" field (macros/search_names.py),
 * the title first. Only the order changes: the results and their highlighting
 * are Material's. This relies on Material's worker messages (setup 0, query 2,
 * result 3, results grouped by page): tests/site/test_search_relevance.py
 * types its queries into the real search box, so a change there fails the tests.
 */
;(function () {
  "use strict"
  var SETUP = 0, QUERY = 2, RESULT = 3
  var NAME_SEPARATOR = " · "
  var namesOfPage = new Map()   // page location -> {title, all}: its names, each a list of words
  var separator = /[\s\-]+/     // replaced by the index's own separator at set-up
  var queryWords = []

  // The words of a text, as the index splits them (lower case, the index's separator).
  function wordsOf(text) {
    return text.toLowerCase().split(separator).filter(function (word) { return word.length > 0 })
  }

  // What the index's names field holds, back as text (it is HTML-escaped like a title).
  function unescapeHtml(text) {
    return text.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, "\"").replace(/&amp;/g, "&")
  }

  // Every entry with names gives them to its page: a page's own entry its title first,
  // a section's (a statistics topic, say) only other names.
  function rememberNames(docs) {
    namesOfPage.clear()
    docs.forEach(function (doc) {
      if (!doc.names)
        return
      var page = doc.location.split("#")[0]
      var known = namesOfPage.get(page) || { title: null, all: [] }
      var names = unescapeHtml(doc.names).split(NAME_SEPARATOR).map(wordsOf)
      if (doc.location === page)
        known.title = names[0]
      known.all = known.all.concat(names)
      namesOfPage.set(page, known)
    })
  }

  // The query's words, without lunr's operators (+, -, *, ^, ~, field names).
  function wordsOfQuery(query) {
    return wordsOf(query.replace(/["+*^~]|(^|\s)-|\b(title|text|tags):/g, " "))
  }

  function sameWords(a, b) {
    return a.length === b.length && a.every(function (word, i) { return word === b[i] })
  }

  function beginsAWord(name, prefix) {
    return name.some(function (word) { return word.startsWith(prefix) })
  }

  // How one name matches the query's words: 3 the same words, 2 each a whole word of
  // it, 1 each the start of one of its words, 0 not all of them.
  function levelOf(name, words) {
    if (sameWords(name, words))
      return 3
    if (words.every(function (word) { return name.indexOf(word) >= 0 }))
      return 2
    return words.every(function (word) { return beginsAWord(name, word) }) ? 1 : 0
  }

  // A page's match: its tier (see the top of this file), then how many words its
  // closest name has beyond the query's ("Vostochny Cosmodrome" before
  // "Vostochny Cosmodrome 2023" for "Vostochny").
  function matchOf(names, words) {
    var best = { tier: 0, extra: 0 }
    if (!names || !words.length)
      return best
    if (names.title && sameWords(names.title, words))
      return { tier: 4, extra: 0 }
    names.all.forEach(function (name) {
      var tier = levelOf(name, words), extra = name.length - words.length
      if (tier > best.tier || (tier === best.tier && tier > 0 && extra < best.extra))
        best = { tier: tier, extra: extra }
    })
    return best
  }

  // Material's result groups (one per page, its best match first), stably sorted by match.
  function reorder(items) {
    return items
      .map(function (group, position) {
        var page = group[0].location.split("#")[0]
        return { group: group, position: position, match: matchOf(namesOfPage.get(page), queryWords) }
      })
      .sort(function (a, b) {
        return b.match.tier - a.match.tier || a.match.extra - b.match.extra || a.position - b.position
      })
      .map(function (ranked) { return ranked.group })
  }

  // Read the set-up and each query before Material's handler does (this file comes first).
  addEventListener("message", function (event) {
    var message = event.data || {}
    if (message.type === SETUP) {
      separator = new RegExp(message.data.config.separator)
      rememberNames(message.data.docs)
    } else if (message.type === QUERY) {
      queryWords = wordsOfQuery(String(message.data))
    }
  })

  // Reorder each result on its way back to the page.
  var post = self.postMessage.bind(self)
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && Array.isArray(message.data.items))
      message.data.items = reorder(message.data.items)
    return post.apply(self, arguments)
  }
})()
