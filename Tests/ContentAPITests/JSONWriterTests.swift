import Foundation
import Testing
@testable import ContentAPI

@Suite("JSON writer")
struct JSONWriterTests {
    @Test("Strings are escaped as JSON requires, slashes are not, U+2028/2029 are")
    func escaping() throws {
        var json = JSONWriter()
        json.beginObject()
        json.string("s", "a\"b\\c/d\n\t\u{1}é\u{2028}")
        json.string("n", nil)
        json.integer("i", 42)
        json.bool("b", true)
        json.beginArray("a")
        json.number(nil, 1.5)
        json.number(nil, 2)
        json.endArray()
        json.endObject()
        #expect(json.string == #"{"s":"a\"b\\c/d\n\t\u0001é\u2028","n":null,"i":42,"b":true,"a":[1.5,2]}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.bytes)) as? [String: Any]
        #expect(parsed?["s"] as? String == "a\"b\\c/d\n\t\u{1}é\u{2028}")
    }

    @Test("Nested empty containers")
    func nesting() {
        var json = JSONWriter()
        json.beginArray()
        json.beginObject()
        json.endObject()
        json.beginArray()
        json.endArray()
        json.endArray()
        #expect(json.string == "[{},[]]")
    }
}
