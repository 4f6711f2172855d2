import ERAnswers

/// Why the pages could not answer a request, in the web's own terms (each carries its status).
public enum WebError: Error, Equatable, Sendable, CustomStringConvertible {
    /// No such page or file.
    case notFound(String)
    /// A parameter is missing or malformed; the message names it and says what is expected.
    case badRequest(String)
    /// The request target is longer than ``WebRequest/Limits/target``.
    case tooLarge(String)
    /// A drawing asked for has more entities than one request may lay out.
    case drawingTooLarge(String)
    /// The question was asked and could not be answered (an unknown entity, no path).
    case answer(AnswerError)

    /// The HTTP status: 400 for what the asker got wrong, 404 for what does not exist, 422 for
    /// a well-formed question the data cannot answer (no path), 500 only for drawing failures.
    public var status: Int {
        switch self {
        case .notFound: 404
        case .badRequest: 400
        case .tooLarge: 414
        case .drawingTooLarge: 422
        case let .answer(error):
            switch error {
            case .unknownEntity, .foldedContract: 404
            case .noPath: 404
            case .drawing: 503
            default: error.isMisuse ? 400 : 422
            }
        }
    }

    public var description: String {
        switch self {
        case let .notFound(what): what
        case let .badRequest(message), let .tooLarge(message), let .drawingTooLarge(message): message
        case let .answer(error): error.description
        }
    }

    /// A short heading for the error page.
    public var heading: String {
        switch status {
        case 404: "Not found"
        case 414: "Request too large"
        case 503: "Could not draw"
        case 422: "No answer"
        default: "Bad request"
        }
    }
}
