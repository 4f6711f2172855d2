import ERGraph
import Foundation

/// How entities and links look: one shape and colour per entity kind, one line style per
/// family of relationship. Colours come from the Okabe–Ito palette, which stays distinct for
/// the common forms of colour blindness; fills are light tints so black text stays legible.
public struct Theme: Sendable {
    public struct EntityStyle: Sendable, Equatable {
        public var shape: String
        public var fill: String
        public var border: String
        public var rounded: Bool
    }

    /// What each family's line means, for the legend.
    public func legendText(_ family: LinkFamily) -> String {
        switch family {
        case .contract: "contracts and awards: bold, wider for larger amounts"
        case .ownership: "ownership, part of, mergers: dashed"
        case .product: "products made, bought, used: solid"
        case .people: "people: solid, thin"
        case .reporting: "reporting and documents: dotted"
        case .other: "other links: solid, grey"
        }
    }

    public struct LinkStyle: Sendable, Equatable {
        public var color: String
        public var style: String
        public var penWidth: Double
        /// A line drawn in text, for the legend.
        public var sample: String
    }

    public static let standard = Theme()

    public let fontName = "DejaVu Sans"
    public let dimmedFill = "#F5F5F5"
    public let dimmedLine = "#D9D9D9"
    public let dimmedText = "#A0A0A0"

    public func entityStyle(_ kind: String) -> EntityStyle {
        switch kind {
        case "agency": EntityStyle(shape: "box", fill: "#CFE3F2", border: "#0072B2", rounded: true)
        case "government": EntityStyle(shape: "box", fill: "#E3E3E3", border: "#555555", rounded: true)
        case "company": EntityStyle(shape: "box", fill: "#FBE3B6", border: "#E69F00", rounded: false)
        case "organization": EntityStyle(shape: "box", fill: "#EDEDED", border: "#777777", rounded: false)
        case "product": EntityStyle(shape: "ellipse", fill: "#C7EBDD", border: "#009E73", rounded: false)
        case "contract": EntityStyle(shape: "note", fill: "#FBF6C6", border: "#A89A00", rounded: false)
        case "person": EntityStyle(shape: "ellipse", fill: "#F2D9E6", border: "#CC79A7", rounded: false)
        case "publication": EntityStyle(shape: "folder", fill: "#DDEFFA", border: "#56B4E9", rounded: false)
        case "document": EntityStyle(shape: "tab", fill: "#EEEEEE", border: "#777777", rounded: false)
        case "location": EntityStyle(shape: "invhouse", fill: "#F7D3BF", border: "#D55E00", rounded: false)
        default: EntityStyle(shape: "box", fill: "#FFFFFF", border: "#777777", rounded: true)
        }
    }

    public func linkStyle(_ family: LinkFamily) -> LinkStyle {
        switch family {
        case .contract: LinkStyle(color: "#D55E00", style: "bold", penWidth: 2, sample: "━━━")
        case .ownership: LinkStyle(color: "#444444", style: "dashed", penWidth: 1.6, sample: "─ ─ ─")
        case .product: LinkStyle(color: "#009E73", style: "solid", penWidth: 1.2, sample: "───")
        case .people: LinkStyle(color: "#CC79A7", style: "solid", penWidth: 1, sample: "───")
        case .reporting: LinkStyle(color: "#56B4E9", style: "dotted", penWidth: 1.4, sample: "·······")
        case .other: LinkStyle(color: "#888888", style: "solid", penWidth: 1, sample: "───")
        }
    }

    /// Wider lines for larger sums: 2 points at $100K or less, growing with the order of
    /// magnitude, 6 points at $1B or more.
    public func penWidth(forAmount amount: Double) -> Double {
        guard amount > 100_000 else { return 2 }
        return min(6, 2 + log10(amount / 100_000))
    }
}

