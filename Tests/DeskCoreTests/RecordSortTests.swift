import DeskCore
import Testing

@Suite("RecordSort: the generic sortBy of record lists")
struct RecordSortTests {
    @Test("sortBy names a field, a leading - sorts descending; anything else is refused")
    func parses() {
        #expect(ContactSort(sortBy: "lastName") == ContactSort(.lastName))
        #expect(ContactSort(sortBy: "-modifiedTime") == ContactSort(.modifiedTime, descending: true))
        #expect(AccountSort(sortBy: "-accountName") == AccountSort(.accountName, descending: true))
        for bad in ["", "-", "--lastName", "accountName", "LastName", "lastName "] {
            #expect(ContactSort(sortBy: bad) == nil)
        }
        #expect(AccountSort(sortBy: "lastName") == nil)
    }

    @Test("The default is ascending creation time; keys list every field in declaration order")
    func defaultsAndKeys() {
        #expect(ContactSort.default == ContactSort(.createdTime, descending: false))
        #expect(AccountSort.default.field == .createdTime && !AccountSort.default.descending)
        #expect(ContactSort.keys == ["createdTime", "modifiedTime", "lastName"])
        #expect(AccountSort.keys == ["createdTime", "modifiedTime", "accountName"])
    }
}
