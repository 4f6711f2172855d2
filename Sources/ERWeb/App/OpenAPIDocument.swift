import Foundation

/// The JSON API described for programs (`/openapi.json`, OpenAPI 3.0): every answer the pages
/// show, in the shape `ergraph COMMAND --format json` prints it.
enum OpenAPIDocument {
    private static func parameter(_ name: String, _ description: String, required: Bool = false, type: String = "string",
                                  values: [String]? = nil, example: String? = nil) -> [String: Any] {
        var schema: [String: Any] = ["type": type]
        if let example { schema["example"] = example }
        if let values { schema["enum"] = values }
        if type == "string" {
            schema["maxLength"] = name == "q" ? WebRequest.Limits.value : 512
            if required { schema["minLength"] = 1 }
            // Control characters are refused (WebRequest.parse), so the schema says so.
            schema["pattern"] = "^[^\\u0000-\\u0008\\u000A-\\u001F\\u007F]*$"
        }
        if ["as_of", "from", "to"].contains(name) && description.contains("date") {
            schema["pattern"] = "^[1-9][0-9]{3}(-(0[1-9]|1[0-2])(-(0[1-9]|1[0-9]|2[0-8]))?)?$"
        }
        if let (low, high) = ranges[name] {
            schema["minimum"] = low
            schema["maximum"] = high
        }
        if ["all_shortest", "directed", "contracts", "exclude_undated"].contains(name) { schema["enum"] = ["0", "1"] }
        return ["name": name, "in": "query", "required": required, "description": description, "schema": schema]
    }

    private static let ranges: [String: (Int, Int)] = ["limit": (1, 100), "k": (1, WebQuestions.kLimit), "max_degree": (0, 1_000_000_000)]

    private static var format: [String: Any] { parameter("format", "json (the default) or csv, as the CLI's --format", values: ["json", "csv"]) }

    private static func failure(_ description: String) -> [String: Any] {
        ["description": description, "content": ["application/json": ["schema": ["$ref": "#/components/schemas/Error"]]]]
    }

    private static func operation(_ summary: String, _ description: String, parameters: [[String: Any]], csv: Bool = false,
                                  answers: Bool = true) -> [String: Any] {
        var content: [String: Any] = ["application/json": ["schema": ["type": "object"]]]
        if csv { content["text/csv"] = ["schema": ["type": "string"]] }
        var responses: [String: Any] = [
            "200": ["description": "The answer", "content": content],
            "400": failure("A parameter is missing or malformed; the message names it"),
            "414": failure("The request is longer than the server reads"),
        ]
        if answers {
            responses["404"] = failure("An entity is unknown")
            responses["422"] = failure("The question cannot be answered from the data")
        }
        return ["get": ["summary": summary, "description": description, "parameters": parameters, "responses": responses]]
    }

    /// Built on each call (a dictionary of `Any` is not Sendable); ``json`` keeps the text.
    static func document() -> [String: Any] { [
        "openapi": "3.0.3",
        "info": ["title": "ergraph", "version": "1",
                 "description": "Read-only answers about one entity-relationship graph, each link with its dates, money and quoted sources."],
        "paths": [
            "/api/stats": operation("Counts", "What `ergraph stats --format json` prints.", parameters: [], answers: false),
            "/api/search": operation("Search", "Entities whose name, aliases, description or quotes match, best first.",
                                     parameters: [parameter("q", "What to look for", example: "Parag"),
                                                  parameter("limit", "At most this many (1 to 100, default 8)", type: "integer")],
                                     answers: false),
            "/api/entity": operation("One entity", "What `ergraph show NAME --format json` prints.",
                                     parameters: [parameter("name", "An id, name or alias", required: true, example: "Paragon Solutions"), format]),
            "/api/path": operation("Paths", "What `ergraph path FROM TO --format json` prints, with the same constraints.", parameters: [
                parameter("from", "Where the path starts (id, name or alias)", required: true, example: "ICE"),
                parameter("to", "Where the path ends", required: true, example: "AE Industrial"),
                parameter("as_of", "Only links valid on this date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                parameter("via", "Only links of these kinds, comma-separated"),
                parameter("through", "Only pass through entities of these kinds, comma-separated"),
                parameter("avoid", "Never pass through these entities, comma-separated"),
                parameter("max_degree", "Do not pass through entities with more links than this", type: "integer"),
                parameter("k", "The k shortest routes (1 to 10)", type: "integer"),
                parameter("all_shortest", "1 for every shortest path"),
                parameter("weight", "Weigh links by this numeric property (amount for money)"),
                parameter("directed", "1 to follow links only along their direction"),
                parameter("contracts", "1 to walk contracts as entities"),
                parameter("exclude_undated", "1, with as_of, to leave out links without dates"),
                format,
            ], csv: true),
            "/api/query": operation("Cypher", "What `ergraph query TEXT --format json` prints.",
                                    parameters: [parameter("q", "A read-only Cypher query", required: true, example: "MATCH (a)-[r]->(b) RETURN a, b LIMIT 5"),
                                                 parameter("contracts", "1 to query contracts as entities"), format], csv: true),
            "/api/timeline": operation("Timeline", "What `ergraph timeline --format json` prints.",
                                       parameters: [parameter("entity", "Only facts about this entity", example: "ICE"), parameter("from", "From this date"),
                                                    parameter("to", "Up to this date (a date)"), format], csv: true),
            "/api/diff": operation("Changes between dates", "What `ergraph diff --from DATE --to DATE --format json` prints.",
                                   parameters: [parameter("from", "The earlier date", required: true),
                                                parameter("to", "The later date", required: true),
                                                parameter("format", "json: the answer is no table", values: ["json"])]),
        ] as [String: Any],
        "components": ["schemas": ["Error": [
            "type": "object", "required": ["error"],
            "properties": ["error": ["type": "object", "required": ["message", "status"],
                                     "properties": ["message": ["type": "string"], "status": ["type": "integer"]]]],
        ]]],
    ] }

    /// The document as JSON: sorted keys, so the same binary always serves the same bytes.
    static let json: String = {
        guard let data = try? JSONSerialization.data(withJSONObject: document(),
                                                     options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]) else {
            preconditionFailure("the OpenAPI document is not JSON")
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }()
}
