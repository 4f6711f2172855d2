/// The one stylesheet, served from the binary (`/assets/site.css`) and copied into every static
/// site: no web fonts, no external files, so a page reads the same with no network.
enum SiteStyle {
    static let css = """
    :root { --ink: #1d1d1f; --muted: #5b5b66; --rule: #d9d9e0; --paper: #ffffff; --tint: #f5f6f8; --accent: #1f5fa8; --warn: #8a4b00; }
    * { box-sizing: border-box; }
    html { font-size: 100%; }
    body { margin: 0; color: var(--ink); background: var(--paper); font: 1rem/1.55 -apple-system, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; }
    header.site { background: var(--tint); border-bottom: 1px solid var(--rule); }
    header.site .bar { max-width: 76rem; margin: 0 auto; padding: .6rem 1.25rem; display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; align-items: center; }
    header.site a.brand { font-weight: 700; color: var(--ink); text-decoration: none; }
    header.site nav a { margin-right: 1rem; }
    main { max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem 3rem; }
    footer.site { max-width: 76rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; color: var(--muted); font-size: .875rem; border-top: 1px solid var(--rule); }
    a { color: var(--accent); }
    h1 { font-size: 1.75rem; line-height: 1.25; margin: .75rem 0 .25rem; }
    h2 { font-size: 1.25rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
    h3 { font-size: 1.05rem; margin: 1.25rem 0 .25rem; }
    p.lede { color: var(--muted); margin-top: 0; max-width: 48rem; }
    .kind { display: inline-block; font-size: .8rem; color: var(--muted); background: var(--tint); border: 1px solid var(--rule); border-radius: .75rem; padding: 0 .5rem; margin-left: .25rem; vertical-align: middle; }
    .facts { color: var(--muted); }
    .counts { display: flex; flex-wrap: wrap; gap: .75rem; padding: 0; list-style: none; }
    .counts li { background: var(--tint); border: 1px solid var(--rule); border-radius: .4rem; padding: .4rem .8rem; }
    .counts b { font-size: 1.2rem; display: block; }
    ul.plain { list-style: none; padding-left: 0; }
    ul.links > li, ol.hops > li { margin: .6rem 0 .9rem; }
    .statement { font-weight: 600; }
    .reference { color: var(--muted); font-size: .875rem; }
    blockquote { margin: .3rem 0 .3rem 1rem; padding: .1rem .75rem; border-left: 3px solid var(--rule); color: #333; }
    blockquote .cite { white-space: nowrap; font-size: .875rem; }
    .uncited, .note { color: var(--warn); }
    ol.sources { padding-left: 2.25rem; }
    ol.sources li { margin: .25rem 0; word-break: break-word; }
    .diagram { margin: 1rem 0; border: 1px solid var(--rule); border-radius: .4rem; padding: .5rem; overflow: auto; background: #fff; }
    .diagram svg { max-width: 100%; max-height: 85vh; width: auto; height: auto; display: block; margin: 0 auto; }
    .downloads { font-size: .9rem; color: var(--muted); }
    .downloads a { margin-right: .6rem; }
    form.ask { background: var(--tint); border: 1px solid var(--rule); border-radius: .4rem; padding: .75rem 1rem; display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: .5rem 1rem; align-items: end; }
    form.ask label { display: flex; flex-direction: column; font-size: .85rem; color: var(--muted); }
    form.ask label.check { flex-direction: row; gap: .4rem; align-items: center; }
    form.ask .wide { grid-column: 1 / -1; }
    input, select, textarea, button { font: inherit; }
    input[type=text], input[type=search], input[type=number], textarea, select { padding: .35rem .5rem; border: 1px solid #b9b9c3; border-radius: .3rem; background: #fff; color: var(--ink); }
    textarea { width: 100%; min-height: 6rem; font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .9rem; }
    button { padding: .4rem 1rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; border-radius: .3rem; cursor: pointer; }
    .search { position: relative; max-width: 32rem; flex: 1 1 18rem; }
    .search input { width: 100%; }
    .suggestions { position: absolute; z-index: 10; left: 0; right: 0; top: 100%; margin: .15rem 0 0; padding: .25rem 0; list-style: none; background: #fff; border: 1px solid #b9b9c3; border-radius: .3rem; box-shadow: 0 4px 12px rgba(0,0,0,.12); }
    .suggestions[hidden] { display: none; }
    .suggestions a { display: block; padding: .3rem .75rem; color: var(--ink); text-decoration: none; }
    .suggestions a:hover, .suggestions a.active { background: var(--tint); }
    .suggestions .match { display: block; font-size: .8rem; color: var(--muted); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
    table.data { border-collapse: collapse; width: 100%; font-size: .92rem; }
    table.data th, table.data td { border-bottom: 1px solid var(--rule); padding: .35rem .5rem; text-align: left; vertical-align: top; }
    table.data th { background: var(--tint); }
    pre.error { background: #fff4e5; border: 1px solid #f0c48a; padding: .75rem; border-radius: .3rem; white-space: pre-wrap; }
    .columns { columns: 2 18rem; column-gap: 2rem; }
    .columns li { break-inside: avoid; }
    .change-added, .change-began { color: #1b7a2f; }
    .change-removed, .change-ended { color: #a01d1d; }
    """
}
