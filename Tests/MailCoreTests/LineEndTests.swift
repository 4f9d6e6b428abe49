import Testing
@testable import MailCore

@Test(arguments: [
    ("a\r\nb", "a\nb"), ("a\rb", "a\nb"), ("a\r\r\nb", "a\n\nb"), ("a\n\rb", "a\n\nb"), ("\r\n", "\n"),
    ("æøå\r\nÆØÅ\r", "æøå\nÆØÅ\n"), ("no breaks", "no breaks"), ("", ""), ("\r\n\r\n", "\n\n"),
])
func lineEndsBecomeLineFeeds(input: String, expected: String) {
    #expect(normalizeLineEnds(input) == expected)
}
