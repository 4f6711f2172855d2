/// How a drawing is set for where it will be seen.
public enum DiagramStyle: String, Sendable, CaseIterable {
    /// For a story's page or a printed column: names wrapped and large enough to read when the
    /// drawing is shrunk to an article's width, links labelled only with what they add (money,
    /// dates, status), stretched to 16 : 9, and the title, caption, legend and numbered sources
    /// set below the drawing as a figure's caption, never over it.
    case print
    /// For a screen one zooms and hovers: every link labelled with its kind and source numbers,
    /// left to right, the legend beside the drawing (the drawing before this option existed).
    case screen
    /// For a large print on a wall: the screen drawing with larger type.
    case poster

    /// Type sizes in points: entity names, the facts line under them, link labels.
    var nameSize: Double { self == .poster ? 16 : self == .print ? 15 : 11 }
    var factSize: Double { self == .poster ? 11 : self == .print ? 14 : 8 }
    var linkSize: Double { self == .poster ? 11 : self == .print ? 14 : 8 }

    /// Entity names are wrapped at about this many characters (nil: one line).
    var wrapWidth: Int? { self == .print ? 18 : nil }
    /// Whether links are labelled with their kind and source numbers, not only their facts.
    var labelsEveryLink: Bool { self != .print }
    /// Whether the entity's kind is written under its name (print says it by colour and legend).
    var writesKind: Bool { self != .print }
    /// Whether the title, legend and sources form a caption below the drawing.
    var captionBelow: Bool { self == .print }
    var rankDirection: String { "LR" }
    /// The height-to-width ratio Graphviz stretches the drawing to (16 : 9), so that a figure fits a
    /// landscape column; nil leaves the layout's own.
    var aspectRatio: String? { self == .print ? "0.5625" : nil }
    var nodeSeparation: String { self == .print ? "0.18" : "0.25" }
    var rankSeparation: String { self == .print ? "0.4" : "0.6" }

    /// A link's facts ("$18.5M reported; since 2024-09") as print sets them: money and dates on
    /// lines of their own. In a left-to-right layout a label's width widens the whole column it
    /// sits in, so two short lines make the figure narrower (2,704 → 2,492 pt on the default
    /// dataset) and its type larger once it is shrunk to a column.
    func linkFacts(_ facts: String) -> String {
        self == .print ? facts.replacingOccurrences(of: "; ", with: "\n") : facts
    }

    /// `name` broken into lines of about ``wrapWidth`` characters at spaces.
    func wrapped(_ name: String) -> [String] {
        guard let width = wrapWidth, name.count > width else { return [name] }
        return DiagramComposer.lines(name, width: width)
    }

}
