extension Templates {
    /// The front page: what the dataset is, its stories, its entities by kind, its sources.
    static let home = """
    {{<layout}}{{$content}}
    <h1>{{graphTitle}}</h1>
    {{#description}}<p class="lede">{{description}}</p>
    {{/description}}<ul class="counts">
    {{#counts}}<li><b>{{value}}</b>{{label}}</li>
    {{/counts}}</ul>
    <p class="facts">{{breakdown}}</p>
    {{#hasStories}}<h2>Stories</h2>
    <ul class="links">
    {{#stories}}<li><a class="statement" href="{{href}}">{{title}}</a>{{#summary}}<br><span class="facts">{{summary}}</span>{{/summary}}</li>
    {{/stories}}</ul>
    {{/hasStories}}{{#live}}<h2>Ask</h2>
    <form class="ask" action="/path" method="get">
    <label>From<input type="text" name="from" required></label>
    <label>To<input type="text" name="to" required></label>
    <button type="submit">Find how they connect</button>
    </form>
    <p class="facts"><a href="/path">Path finder with every constraint</a> · <a href="/query">Cypher query</a> · <a href="/timeline">Timeline</a> · <a href="/diff">What changed between two dates</a></p>
    {{/live}}<h2 id="entities">Entities</h2>
    {{#kinds}}<h3>{{label}} ({{count}})</h3>
    <ul class="plain columns">
    {{#entities}}<li><a href="{{href}}">{{name}}</a></li>
    {{/entities}}</ul>
    {{#more}}<p class="facts">and {{more}} more: use the search.</p>
    {{/more}}{{/kinds}}
    {{>downloads}}
    {{>sources}}
    {{/content}}{{/layout}}

    """

    /// One entity: facts, links both ways read the right way round, quotes, its neighbourhood.
    static let entity = """
    {{<layout}}{{$content}}
    <h1>{{name}} <span class="kind">{{kindLabel}}</span></h1>
    <p class="facts">id <code>{{id}}</code>{{#aliases}} · also known as {{aliases}}{{/aliases}}{{#facts}} · {{facts}}{{/facts}}</p>
    {{#hasProperties}}<table class="data"><tbody>
    {{#properties}}<tr><th scope="row">{{key}}</th><td>{{value}}</td></tr>
    {{/properties}}</tbody></table>
    {{/hasProperties}}{{>citations}}
    {{>diagram}}
    {{>downloads}}
    {{#groups}}<h2>{{heading}} ({{count}})</h2>
    <ul class="links">
    {{#links}}<li><span class="statement">{{before}}<a href="{{otherHref}}">{{otherName}}</a>{{after}}</span>
    <br><span class="reference">{{#contractName}}contract: {{contractName}} · {{/contractName}}[{{id}}] · {{independence}}</span>
    {{>citations}}</li>
    {{/links}}</ul>
    {{/groups}}{{#live}}<h2>Ask about {{name}}</h2>
    <form class="ask" action="/path" method="get">
    <input type="hidden" name="from" value="{{id}}">
    <label>How is {{name}} connected to<input type="text" name="to" required></label>
    <button type="submit">Find the path</button>
    </form>
    <p class="facts"><a href="{{timelineHref}}">Timeline of {{name}}</a></p>
    {{/live}}{{>sources}}
    {{/content}}{{/layout}}

    """

    /// The path finder: the question's form, each path hop by hop with its evidence, the drawing.
    static let path = """
    {{<layout}}{{$content}}
    <h1>{{heading}}</h1>
    {{#live}}<form class="ask" action="/path" method="get">
    <label>From<input type="text" name="from" value="{{form.from}}" required></label>
    <label>To<input type="text" name="to" value="{{form.to}}" required></label>
    <label>As of (YYYY, YYYY-MM or YYYY-MM-DD)<input type="text" name="as_of" value="{{form.asOf}}"></label>
    <label>Only links of kinds (comma-separated)<input type="text" name="via" value="{{form.via}}"></label>
    <label>Only through entities of kinds<input type="text" name="through" value="{{form.through}}"></label>
    <label>Avoid entities (comma-separated)<input type="text" name="avoid" value="{{form.avoid}}"></label>
    <label>Skip entities with more links than<input type="number" min="0" name="max_degree" value="{{form.maxDegree}}"></label>
    <label>Routes to list (k shortest, 1 to {{form.kLimit}})<input type="number" min="1" max="{{form.kLimit}}" name="k" value="{{form.k}}"></label>
    <label>Weigh links by property (cheapest wins)<input type="text" name="weight" value="{{form.weight}}"></label>
    <label class="check"><input type="checkbox" name="directed" value="1"{{#form.directed}} checked{{/form.directed}}>Only along each link's direction</label>
    <label class="check"><input type="checkbox" name="contracts" value="1"{{#form.contracts}} checked{{/form.contracts}}>Walk contracts as entities</label>
    <label class="check"><input type="checkbox" name="exclude_undated" value="1"{{#form.excludeUndated}} checked{{/form.excludeUndated}}>With a date: leave out undated links</label>
    <button type="submit">Find paths</button>
    </form>
    {{/live}}{{#summary}}<p class="lede">{{#storySummary}}{{storySummary}} {{/storySummary}}{{summary}}</p>
    {{/summary}}{{#notes}}<p class="note">Note: {{.}}</p>
    {{/notes}}{{#noPath}}<p class="note">{{noPath}}</p>
    {{/noPath}}{{#paths}}<h2>Path {{number}} ({{hops}}{{costNote}})</h2>
    <p class="facts">{{chain}}</p>
    {{#money}}<p>Money along the path: {{money}}</p>
    {{/money}}<ol class="hops">
    {{#hopList}}<li><span class="statement">{{statement}}</span>
    {{#reachedFacts}}<br><span class="facts">{{reachedFacts}}</span>{{/reachedFacts}}
    <br><span class="reference">{{#contractName}}contract: {{contractName}} · {{/contractName}}[{{id}}] · {{independence}}</span>
    {{>citations}}{{#parallel}}<p class="facts">{{parallel}}</p>{{/parallel}}</li>
    {{/hopList}}</ol>
    {{/paths}}{{>diagram}}
    {{>downloads}}
    {{>sources}}
    {{/content}}{{/layout}}

    """

    /// The Cypher box and its table.
    static let query = """
    {{<layout}}{{$content}}
    <h1>Cypher query</h1>
    <form class="ask" action="/query" method="get">
    <label class="wide">A read-only query (MATCH … RETURN …); at most {{workLimit}} steps of work<textarea name="q" required>{{text}}</textarea></label>
    <label class="check"><input type="checkbox" name="contracts" value="1"{{#contracts}} checked{{/contracts}}>Contracts as entities</label>
    <button type="submit">Run</button>
    </form>
    {{#problem}}<pre class="error">{{problem}}</pre>
    {{/problem}}{{#hasResult}}<p class="facts">{{rowCount}}</p>
    <table class="data"><thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead><tbody>
    {{#rows}}<tr>{{#cells}}<td>{{#href}}<a href="{{href}}">{{text}}</a>{{/href}}{{^href}}{{text}}{{/href}}</td>{{/cells}}</tr>
    {{/rows}}</tbody></table>
    {{/hasResult}}{{>diagram}}
    {{>downloads}}
    {{/content}}{{/layout}}

    """

    /// Dated facts in order.
    static let timeline = """
    {{<layout}}{{$content}}
    <h1>{{heading}}</h1>
    {{#live}}<form class="ask" action="/timeline" method="get">
    <label>About (an entity; empty for the whole graph)<input type="text" name="entity" value="{{form.entity}}"></label>
    <label>From (date)<input type="text" name="from" value="{{form.from}}"></label>
    <label>To (date)<input type="text" name="to" value="{{form.to}}"></label>
    <button type="submit">Show</button>
    </form>
    {{/live}}<p class="facts">{{count}}</p>
    <table class="data"><thead><tr><th scope="col">Date</th><th scope="col">Change</th><th scope="col">What</th><th scope="col">Evidence</th></tr></thead><tbody>
    {{#entries}}<tr><td>{{date}}</td><td class="change-{{change}}">{{changeLabel}}</td><td>{{what}}</td><td>{{>citations}}</td></tr>
    {{/entries}}</tbody></table>
    {{>downloads}}
    {{>sources}}
    {{/content}}{{/layout}}

    """

    /// What began, ended or changed status between two dates.
    static let diff = """
    {{<layout}}{{$content}}
    <h1>{{heading}}</h1>
    <form class="ask" action="/diff" method="get">
    <label>From (date)<input type="text" name="from" value="{{form.from}}" required></label>
    <label>To (date)<input type="text" name="to" value="{{form.to}}" required></label>
    <button type="submit">Compare</button>
    </form>
    {{#hasItems}}<p class="facts">{{count}}</p>
    <table class="data"><thead><tr><th scope="col">Date</th><th scope="col">Change</th><th scope="col">What</th><th scope="col">Evidence</th></tr></thead><tbody>
    {{#items}}<tr><td>{{date}}</td><td class="change-{{change}}">{{change}}</td><td>{{what}}</td><td>{{>citations}}</td></tr>
    {{/items}}</tbody></table>
    {{/hasItems}}{{>downloads}}
    {{>sources}}
    {{/content}}{{/layout}}

    """

    /// Search results, for a search sent without the script.
    static let search = """
    {{<layout}}{{$content}}
    <h1>Search: {{query}}</h1>
    <p class="facts">{{count}}</p>
    <ul class="links">
    {{#results}}<li><a href="{{page}}">{{name}}</a> <span class="kind">{{kind}}</span>{{#match}}<br><span class="facts">{{match}}</span>{{/match}}</li>
    {{/results}}</ul>
    {{/content}}{{/layout}}

    """

    /// What went wrong, in words, with the way home.
    static let error = """
    {{<layout}}{{$content}}
    <h1>{{heading}}</h1>
    <pre class="error">{{message}}</pre>
    <p><a href="{{homeHref}}">Back to the start</a></p>
    {{/content}}{{/layout}}

    """
}
