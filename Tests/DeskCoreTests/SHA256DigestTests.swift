import DeskCore
import Foundation
import Testing

@Suite("SHA256Digest")
struct SHA256DigestTests {
    @Test("Known vectors: empty input, one block and two blocks (FIPS 180-2)")
    func knownVectors() {
        #expect(SHA256Digest.hex([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256Digest.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        let twoBlocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
        #expect(SHA256Digest.hex(twoBlocks.utf8) == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    @Test("A collection without contiguous storage hashes like its bytes in an array")
    func nonContiguousInput() {
        let bytes = (0..<1000).lazy.map { UInt8(truncatingIfNeeded: $0 * 7) }
        #expect(SHA256Digest.hash(bytes) == SHA256Digest.hash(Array(bytes)))
        #expect(SHA256Digest.hash(bytes).count == 32)
    }

    @Test("Threads hashing at once all get the right digest")
    func concurrentHashing() async {
        let expected = SHA256Digest.hex(Array("abc".utf8))
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask { (0..<500).allSatisfy { _ in SHA256Digest.hex(Array("abc".utf8)) == expected } }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
