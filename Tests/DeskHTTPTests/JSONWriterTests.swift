@testable import DeskHTTP
import Foundation
import Testing

@Suite("JSON writer")
struct JSONWriterTests {
    /// A value written directly: numbers, IDs as strings, source keys and run-time keys.
    struct Sample: DirectJSONEncodable {
        let numbers: [Int64]
        let ids: [Int64?]
        let label: String

        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode("unused")
        }

        func writeJSON(to writer: inout JSONWriter) {
            writer.beginObject()
            writer.key("a")
            writer.beginArray()
            for id in ids {
                writer.item()
                writer.idString(id)
            }
            writer.endArray()
            writer.key(named: label)
            writer.beginArray()
            for number in numbers {
                writer.item()
                writer.integer(number)
            }
            writer.endArray()
            writer.key("z")
            writer.null()
            writer.endObject()
        }
    }

    @Test("Keys, IDs and integers at the edges of Int64 are written as Foundation would")
    func edges() throws {
        let sample = Sample(numbers: [0, 7, -5, 1_234_567_890, .max, .min],
                            ids: [0, 42, -1, .max, .min, nil], label: "b \"quoted\" é")
        var writer = JSONWriter()
        sample.writeJSON(to: &writer)
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(text == #"{"a":["0","42","-1","9223372036854775807","-9223372036854775808",null],"#
            + #""b \"quoted\" é":[0,7,-5,1234567890,9223372036854775807,-9223372036854775808],"z":null}"#)
        let parsed = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
        #expect(parsed?["b \"quoted\" é"] as? [Int64] == [0, 7, -5, 1_234_567_890, .max, .min])
    }

    @Test("The escape scan finds every byte that needs escaping, at every position, and no other")
    func escapeScan() {
        let special: [UInt8] = [0x00, 0x09, 0x0a, 0x1f, UInt8(ascii: "\""), UInt8(ascii: "\\")]
        let harmless: [UInt8] = [0x20, 0x21, 0x23, 0x5b, 0x5d, 0x7f, 0x80, 0xc3, 0xa9, 0xff]
        for length in 0...24 {
            let plain = (0..<length).map { harmless[$0 % harmless.count] }
            #expect(!plain.withUnsafeBufferPointer { JSONByteWriter.needsEscaping($0) }, "length \(length)")
            for position in 0..<length {
                for byte in special {
                    var text = plain
                    text[position] = byte
                    #expect(text.withUnsafeBufferPointer { JSONByteWriter.needsEscaping($0) },
                            "byte \(byte) at \(position) of \(length)")
                }
            }
        }
    }

    @Test("Strings with and without escapes are written as Foundation writes them")
    func stringsMatchFoundation() throws {
        let texts = ["", "plain ASCII text longer than eight bytes", "日本語のテキスト", "tab\there", "quote \" in the middle",
                     "back\\slash at byte 10", "\u{1}control", "ends with newline\n", "exactly8", "exactly8\""]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        for text in texts {
            var writer = JSONByteWriter()
            writer.writeString(text)
            #expect(writer.bytes == Array(try encoder.encode(text)), "\(text)")
        }
    }
}
