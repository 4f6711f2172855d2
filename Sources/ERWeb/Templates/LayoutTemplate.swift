/// The Mustache templates, compiled into the binary. Every `{{value}}` is HTML-escaped by
/// Mustache; the only unescaped insertion, `{{{svg}}}`, takes a drawing that ``InlineDiagram``
/// has already cleaned.
enum Templates {
    /// Every template by name, for ``PageRenderer``.
    static let all: [(name: String, text: String)] = [
        ("layout", layout), ("citations", citations), ("sources", sources), ("downloads", downloads), ("diagram", diagram),
        ("home", home), ("entity", entity), ("path", path), ("query", query), ("timeline", timeline), ("diff", diff),
        ("search", search), ("error", error),
    ]

    /// The frame of every page; pages fill `content`.
    static let layout = """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="{{contentSecurityPolicy}}">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="ergraph">
    <title>{{pageTitle}} · {{graphTitle}}</title>
    <link rel="stylesheet" href="{{cssHref}}">
    <link rel="icon" href="data:,">
    </head>
    <body data-root="{{root}}" data-search="{{searchMode}}">
    <header class="site"><div class="bar">
    <a class="brand" href="{{homeHref}}">{{graphTitle}}</a>
    <form class="search" role="search"{{#searchAction}} action="{{searchAction}}"{{/searchAction}} method="get">
    <input id="search" type="search" name="q" placeholder="Search names, aliases, descriptions, quotes" autocomplete="off" aria-label="Search entities" aria-controls="suggestions" aria-expanded="false">
    <ul id="suggestions" class="suggestions" role="listbox" hidden></ul>
    </form>
    <nav>{{#nav}}<a href="{{href}}">{{label}}</a>{{/nav}}</nav>
    </div></header>
    <main>
    {{$content}}{{/content}}
    </main>
    <footer class="site">Made with ergraph from {{origin}}. Every link cites the report it rests on; numbers in brackets point to the sources listed on each page.</footer>
    {{#searchIndexHref}}<script src="{{searchIndexHref}}"></script>
    {{/searchIndexHref}}<script src="{{scriptHref}}"></script>
    </body>
    </html>

    """

    /// The quotes behind a claim, each with its source's number; or the note that none is cited.
    static let citations = """
    {{#citations}}<blockquote>{{#quote}}“{{quote}}” {{/quote}}<span class="cite"><a href="#source-{{number}}">[{{number}}]</a>{{#locator}}, {{locator}}{{/locator}}{{#credit}}, crediting {{credit}}{{/credit}}</span></blockquote>
    {{/citations}}{{^citations}}<p class="uncited">(no source cited)</p>
    {{/citations}}
    """

    /// The numbered list of sources a page cites.
    static let sources = """
    {{#hasSources}}<h2 id="sources">Sources</h2>
    <ol class="sources">
    {{#sourceList}}<li id="source-{{number}}">{{#publisher}}{{publisher}}, {{/publisher}}“{{title}}”{{#published}}, {{published}}{{/published}}{{#url}}, <a href="{{url}}" rel="noopener noreferrer">{{url}}</a>{{/url}}{{#archive}}, copy: {{archive}}{{/archive}}</li>
    {{/sourceList}}</ol>
    {{/hasSources}}
    """

    /// Links to the same answer in other forms.
    static let downloads = """
    {{#hasDownloads}}<p class="downloads">Download: {{#downloadList}}<a href="{{href}}"{{#file}} download{{/file}}>{{label}}</a>{{/downloadList}}</p>
    {{/hasDownloads}}
    """

    /// A drawing, inline so that its entities are links, or the note that says why there is none.
    static let diagram = """
    {{#svg}}<figure class="diagram" aria-label="{{diagramLabel}}">{{{svg}}}</figure>
    {{/svg}}{{#diagramNote}}<p class="note">{{diagramNote}}</p>
    {{/diagramNote}}
    """
}
