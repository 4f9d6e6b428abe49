import Testing
@testable import Transport

@Test func statusLineParses() {
    let response = Array("* STATUS INBOX (MESSAGES 3 UIDNEXT 42 UIDVALIDITY 1795582199)\r\n".utf8)
    #expect(IMAPResponse.parseStatus(response) == MailboxStatus(uidValidity: 1795582199, uidNext: 42, messages: 3))
    #expect(IMAPResponse.parseStatus(Array("* OK nothing\r\n".utf8)) == nil)
}

@Test func searchFlagsListAndInternalDateParse() throws {
    #expect(IMAPResponse.parseSearch(Array("* SEARCH 9 4 7\r\n".utf8)) == [4, 7, 9])
    #expect(IMAPResponse.parseSearch(Array("* SEARCH\r\n".utf8)) == [])
    #expect(IMAPResponse.parseFlags(Array("* 1 FETCH (UID 5 FLAGS (\\Seen $DsrdSeen))\r\n".utf8)) == ["\\Seen", "$DsrdSeen"])
    let review = try #require(MailboxName("Review"))
    #expect(IMAPResponse.listContains(Array("* LIST (\\HasNoChildren) \"/\" Review\r\n".utf8), mailbox: review))
    #expect(!IMAPResponse.listContains(Array("* LIST (\\HasNoChildren) \"/\" Reviewed\r\n".utf8), mailbox: review))
    #expect(IMAPResponse.parseInternalDate(Array("* 2 FETCH (UID 9 INTERNALDATE \"25-Nov-2026 04:49:59 +0000\")\r\n".utf8))
        == "25-Nov-2026 04:49:59 +0000")
}

@Test func mailboxNamesRefuseWhatCurlWouldMangle() {
    #expect(MailboxName("INBOX") != nil)
    #expect(MailboxName("Processed/2026") != nil)
    #expect(MailboxName("50%") == nil)
    #expect(MailboxName("a\"b") == nil)
    #expect(MailboxName("Behandlet ø") == nil)
    #expect(MailboxName("") == nil)
    #expect(MailboxName("With Space")?.urlPath == "With%20Space")
}

@Test func envelopeAddressesRejectInjection() {
    #expect(EnvelopeAddress.isValid("kari.nordmann@example.no", allowEmpty: false))
    #expect(!EnvelopeAddress.isValid("a@example.no\r\nRCPT TO:<x@example.org>", allowEmpty: false))
    #expect(!EnvelopeAddress.isValid("a@example.no\n", allowEmpty: false))
    #expect(!EnvelopeAddress.isValid("<a@example.no>", allowEmpty: false))
    #expect(!EnvelopeAddress.isValid("no-at-sign", allowEmpty: false))
    #expect(!EnvelopeAddress.isValid("", allowEmpty: false))
    #expect(EnvelopeAddress.isValid("", allowEmpty: true))
    #expect(!EnvelopeAddress.isValid("a b@example.no", allowEmpty: false))
}

@Test func lineEndsBecomeCRLFOnce() {
    #expect(LineEnds.crlf(Array("a\nb\r\nc\n".utf8)) == Array("a\r\nb\r\nc\r\n".utf8))
    #expect(LineEnds.crlf(Array(".\n..\n".utf8)) == Array(".\r\n..\r\n".utf8))
}

@Test func uidSetsWriteRunsAsRangesSortedAndOnce() {
    #expect(UIDSet.text([]) == nil)
    #expect(UIDSet.text([7]) == "7")
    #expect(UIDSet.text([5, 3, 4, 9, 12, 14, 13, 4]) == "3:5,9,12:14")
    #expect(UIDSet.text([1, 3, 5]) == "1,3,5")
}

@Test func aLongSearchLineGivesOnlyItsCertainPrefix() {
    // As curl hands over a line it cut at ~8 KB: the last number is a stub.
    let whole = (1...3_000).map(String.init).joined(separator: " ")
    let cut = "* SEARCH " + String(whole.prefix(8_000))
    let uids = IMAPResponse.parseSearch(Array((cut + "\r\n").utf8))
    #expect(uids.first == 1)
    #expect(uids == Array(1...UInt64(uids.count)))
    #expect(uids.count >= 1_500 && !cut.hasSuffix(" \(uids.count)"))
}

@Test func metadataLinesAreReadByUID() {
    let response = Array("""
        * 5 FETCH (UID 9 INTERNALDATE "25-Nov-2026 04:49:59 +0000" RFC822.SIZE 1234)\r
        * 6 FETCH (UID 10 RFC822.SIZE 77 INTERNALDATE "26-Nov-2026 10:00:00 +0100")\r
        * 7 FETCH (UID 11 FLAGS (\\Seen))\r
        * 3 EXISTS\r

        """.utf8)
    let found = IMAPResponse.parseMetadata(response)
    #expect(found.keys.sorted() == [9, 10])
    #expect(found[9]?.internalDate == "25-Nov-2026 04:49:59 +0000" && found[9]?.size == 1234)
    #expect(found[10]?.internalDate == "26-Nov-2026 10:00:00 +0100" && found[10]?.size == 77)
}
