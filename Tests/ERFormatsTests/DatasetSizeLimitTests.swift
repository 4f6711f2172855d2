@testable import ERFormats
import ERGraph
import Foundation
import Testing

/// The writer refuses a dataset the reader would refuse for its size, and both count alike:
/// checked on the default dataset with the limit set at its own value count.
@Suite("Dataset size limit: the writer counts values as the reader does")
struct DatasetSizeLimitTests {
    @Test("the default dataset at a limit of its own value count is refused by both, one more is accepted by both")
    func writerAndReaderAgree() throws {
        let text = try String(contentsOf: Paths.file("Graph/ice-surveillance.yaml"), encoding: .utf8)
        let graph = try #require(DatasetLoader.load(text: text, file: "ice-surveillance.yaml").graph)
        // The default dataset's entities, links, sources and their fields: 1,260 values.
        let values = 1_260
        #expect(throws: DatasetWriter.WriteError.tooManyValues(values: values, limit: values)) {
            try DatasetWriter.yaml(graph, sameAs: [], comment: nil, valueLimit: values)
        }
        let written = try DatasetWriter.yaml(graph, sameAs: [], comment: nil, valueLimit: values + 1)
        #expect(throws: DocumentError.self) { try DocumentParser.parse(written, file: "written.yaml", maximumValues: values) }
        #expect(try DocumentParser.parse(written, file: "written.yaml", maximumValues: values + 1) != nil)
    }
}
