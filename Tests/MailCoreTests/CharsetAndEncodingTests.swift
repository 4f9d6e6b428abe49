import Testing
@testable import MailCore

@Suite struct CharsetAndEncodingTests {
    private let aeoeaa: [UInt8] = [0xE6, 0xF8, 0xE5, 0xC6, 0xD8, 0xC5]

    @Test func norwegianLettersInEveryCharset() {
        #expect(Charset.decode(aeoeaa, charset: "ISO-8859-1") == "æøåÆØÅ")
        #expect(Charset.decode(aeoeaa, charset: "iso8859-15") == "æøåÆØÅ")
        #expect(Charset.decode(aeoeaa, charset: "windows-1252") == "æøåÆØÅ")
        #expect(Charset.decode(aeoeaa, charset: "\"cp1252\"") == "æøåÆØÅ")
        #expect(Charset.decode(Array("æøåÆØÅ".utf8), charset: "UTF-8") == "æøåÆØÅ")
        #expect(Charset.decode([0xA4, 0x80], charset: "iso-8859-15") == "€€")
        #expect(Charset.decode([0xA4, 0x80], charset: "iso-8859-1") == "¤€")
        #expect(Charset.decode([0x00, 0xE6, 0x00, 0xF8], charset: "utf-16be") == "æø")
        #expect(Charset.decode(Array("+AOYA+ADl-".utf8), charset: "utf-7") == "æøå")
        #expect(Charset.decode(Array("a+-b".utf8), charset: "UTF-7") == "a+b")
        #expect(Charset.decode([0xB1], charset: "iso-8859-2") == "ą")
    }

    @Test func unknownOrLyingCharsetsNeverDropText() {
        #expect(Charset.decode(Array("blåbær".utf8), charset: "x-made-up") == "blåbær")
        #expect(Charset.decode(aeoeaa, charset: "x-made-up") == "æøåÆØÅ")
        // Declared UTF-8 with stray Latin-1 bytes: both survive.
        #expect(Charset.decode(Array("blå ".utf8) + [0xE6], charset: "utf-8") == "blå æ")
        #expect(Charset.decode([0xF0, 0x9F], charset: "us-ascii") == "ð\u{0178}")
        #expect(Charset.decode([], charset: nil) == "")
    }

    @Test func quotedPrintableEdges() {
        func qp(_ text: String) -> String {
            String(decoding: TransferDecoding.quotedPrintable(Array(text.utf8)[...]).bytes, as: UTF8.self)
        }
        #expect(qp("a=3Db=\r\nc") == "a=bc")
        #expect(qp("soft=  \nbreak") == "softbreak")
        #expect(qp("trailing   \nline") == "trailing\nline")
        #expect(qp("bad =ZZ and =4") == "bad =ZZ and =4")
        #expect(qp("lower =c3=a6") == "lower æ")
        #expect(TransferDecoding.quotedPrintable(Array("=G1".utf8)[...]).repaired)
    }

    @Test func base64Edges() {
        func b64(_ text: String) -> [UInt8] { TransferDecoding.base64(Array(text.utf8)[...]).bytes }
        #expect(b64("SGVp") == Array("Hei".utf8))
        #expect(b64("SGVpIA") == Array("Hei ".utf8))
        #expect(b64("SG Vp\r\nIA==") == Array("Hei ".utf8))
        #expect(b64("SGVp=SGVp") == Array("HeiHei".utf8))
        #expect(b64("") == [])
    }

    @Test func uuencodedAttachmentsAreMeasured() {
        let decoded = TransferDecoding.uudecode(Array("begin 644 x.txt\n+2&5I('##I2!D96< \n`\nend\n".utf8)[...])
        #expect(decoded.bytes == Array("Hei på deg".utf8))
        #expect(!decoded.repaired)
        let raw = "Content-Type: application/octet-stream; name=x.txt\nContent-Transfer-Encoding: x-uuencode\n\nbegin 644 x.txt\n+2&5I('##I2!D96< \nend\n"
        #expect(MessageReader.read(Array(raw.utf8)).attachments == [AttachmentInfo(filename: "x.txt", contentType: "application/octet-stream", size: 11)])
    }

    @Test func flowedTextIsUnwrapped() {
        let flowed = "Dette er en lang \nlinje som fortsetter.\n> sitert \n> videre\n-- \nKari"
        #expect(FlowedText.unwrap(flowed, deleteSpace: false) == "Dette er en lang linje som fortsetter.\n> sitert videre\n-- \nKari")
        #expect(FlowedText.unwrap("ab \ncd", deleteSpace: true) == "abcd")
        let raw = "Content-Type: text/plain; format=flowed; charset=utf-8\n\nSlett \nmeg.\n"
        #expect(MessageReader.read(Array(raw.utf8)).text == "Slett meg.\n")
    }

    @Test func windows1252AndLatin9DecodeEveryByteAsTheirTables() {
        let bytes = (0...255).map { UInt8($0) }
        for latin9 in [false, true] {
            let expected = String(String.UnicodeScalarView(bytes.map { Charset.windows1252Scalar($0, latin9: latin9) }))
            #expect(Charset.decode(bytes, charset: latin9 ? "iso-8859-15" : "windows-1252") == expected)
        }
    }

    @Test func invalidUTF8BytesAreReadAsWindows1252BesideValidSequences() {
        // "a", "å", "b", a stray 0xFF, "c", then a cut three-byte sequence.
        let bytes: [UInt8] = [0x61, 0xC3, 0xA5, 0x62, 0xFF, 0x63, 0xE2, 0x82]
        #expect(Charset.decode(bytes, charset: "utf-8") == "a\u{E5}b\u{FF}c\u{E2}\u{201A}")
        #expect(Charset.decode([0xF0, 0x9F, 0x91, 0x8D, 0xED, 0xA0, 0x80], charset: nil) == "\u{1F44D}\u{ED}\u{A0}\u{20AC}")
    }
}
