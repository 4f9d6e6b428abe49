import Testing
@testable import Requests

/// Renders a body-only template through the parser and renderer, without the catalogue.
private func render(_ body: String, _ values: TemplateValues) throws -> String {
    let parsed = try TemplateFileParser.parse("Subject: test\n\n" + body, file: "test.txt")
    return TemplateRenderer.tidy(try TemplateRenderer.render(parsed.body, scopes: [values], file: "test.txt"))
}

private func parse(_ text: String) throws -> ParsedTemplate {
    try TemplateFileParser.parse(text, file: "nb/test.txt")
}

@Suite("Template engine")
struct TemplateEngineTests {
    @Test func substitutesValues() throws {
        let text = try render("Hello {{name}}, your reference is {{ reference }}.", [
            "name": "Kari Nordmann", "reference": "DSR-2026-7KQ3M",
        ])
        #expect(text == "Hello Kari Nordmann, your reference is DSR-2026-7KQ3M.")
    }

    @Test func insertsValuesVerbatimAndNeverExpandsThem() throws {
        let text = try render("[{{a}}]", ["a": "<b>&amp; {{b}} \u{00E6}\u{00F8}\u{00E5}", "b": "no"])
        #expect(text == "[<b>&amp; {{b}} æøå]")
    }

    @Test func repeatsListSectionsWithOuterNamesVisible() throws {
        let text = try render("""
            Items:
            {{#items}}
            - {{name}} ({{count}}) for {{reference}}
            {{/items}}
            End
            """, [
                "reference": "R1",
                "items": [["name": "Tickets", "count": "2"], ["name": "Invoices", "count": "1"]],
            ])
        #expect(text == "Items:\n- Tickets (2) for R1\n- Invoices (1) for R1\nEnd")
    }

    @Test func flagSectionsAndInvertedSections() throws {
        let template = "A{{#yes}} yes{{/yes}}{{^yes}} no{{/yes}}{{^items}} none{{/items}}{{#items}} some{{/items}}"
        #expect(try render(template, ["yes": true, "items": .list([])]) == "A yes none")
        #expect(try render(template, ["yes": false, "items": [["x": "1"]]]) == "A no some")
    }

    @Test func textSectionsRenderWhenNotEmpty() throws {
        let template = "{{#problem}}Problem: {{problem}}{{/problem}}{{^problem}}Fine{{/problem}}"
        #expect(try render(template, ["problem": "unclear"]) == "Problem: unclear")
        #expect(try render(template, ["problem": ""]) == "Fine")
    }

    @Test func nestedListsShadowOuterNames() throws {
        let text = try render("""
            {{#groups}}
            {{name}}:
            {{#members}}
            - {{name}} in {{group_code}} ({{reference}})
            {{/members}}
            {{/groups}}
            """, [
                "reference": "R9", "name": "outer",
                "groups": [
                    ["name": "Speakers", "group_code": "S", "members": [["name": "Ola"], ["name": "Kari"]]],
                    ["name": "Guests", "group_code": "G", "members": .list([])],
                ],
            ])
        #expect(text == "Speakers:\n- Ola in S (R9)\n- Kari in S (R9)\nGuests:")
    }

    @Test func onceSectionsShowOnceForANonEmptyList() throws {
        let template = """
            {{#kept?}}
            Kept:
            {{/kept?}}
            {{#kept}}
            - {{category}}
            {{/kept}}
            """
        #expect(try render(template, ["kept": [["category": "a"], ["category": "b"]]]) == "Kept:\n- a\n- b")
        #expect(try render(template, ["kept": .list([])]) == "")
    }

    @Test func standaloneTagsCommentsAndSpacesLeaveNoTrace() throws {
        let text = try render("""
            First   \t
            ## a note for editors
              {{#flag}}

            Hidden
              {{/flag}}

            Last {{value}}
            """, ["flag": false, "value": "end   "])
        #expect(text == "First\n\nLast end")
    }

    @Test func linesEndWithLineFeedOnly() throws {
        let text = try render("a\r\nb\rc\n{{v}}", ["v": "d\r\ne"])
        #expect(text == "a\nb\nc\nd\ne")
    }

    @Test func subjectAndBodyAreSeparated() throws {
        let parsed = try parse("\u{FEFF}## note\n## another\nSubject: Re: [{{reference}}]\n\nBody {{x}}\n")
        #expect(parsed.subject == [.text("Re: ["), .value(name: "reference", line: 3), .text("]")])
        #expect(parsed.body == [.text("Body "), .value(name: "x", line: 5), .text("\n")])
    }

    @Test func subjectValuesLoseLineBreaks() throws {
        let parsed = try parse("Subject: About {{topic}} [{{reference}}]\n\nBody")
        let subject = try TemplateRenderer.render(
            parsed.subject, scopes: [["topic": "line one\r\nline two\nthree\rfour", "reference": "R"]],
            file: parsed.file, singleLine: true)
        #expect(subject == "About line one line two three four [R]")
        #expect(!subject.contains("\r") && !subject.contains("\n"))
    }

    @Test func missingAndWrongKindsOfValuesAreErrors() throws {
        #expect(throws: TemplateError.missingValue(file: "test.txt", name: "name")) {
            try render("Hello {{name}}", [:])
        }
        #expect(throws: TemplateError.missingValue(file: "test.txt", name: "items")) {
            try render("{{#items}}x{{/items}}", [:])
        }
        #expect(throws: TemplateError.wrongValueKind(file: "test.txt", name: "items", expected: "text")) {
            try render("{{items}}", ["items": .list([])])
        }
    }

    @Test func unclosedSectionNamesItsLine() throws {
        #expect(throws: TemplateError.unclosedSection(file: "nb/test.txt", line: 5, name: "items")) {
            try parse("## note\nSubject: s\n\nText\n{{#items}}\n- {{name}}\n")
        }
    }

    @Test func mismatchedAndStrayClosingTags() throws {
        #expect(throws: TemplateError.mismatchedSection(file: "nb/test.txt", line: 4, open: "b", close: "a")) {
            try parse("Subject: s\n\n{{#a}}{{#b}}\n{{/a}}{{/b}}")
        }
        #expect(throws: TemplateError.unexpectedSectionEnd(file: "nb/test.txt", line: 3, name: "a")) {
            try parse("Subject: s\n\n{{/a}}")
        }
        #expect(throws: TemplateError.mismatchedSection(file: "nb/test.txt", line: 3, open: "kept?", close: "kept")) {
            try parse("Subject: s\n\n{{#kept?}}x{{/kept}}")
        }
    }

    @Test("malformed tags", arguments: [
        "Subject: s\n\nHello {{name",
        "Subject: s\n\nHello {{}}",
        "Subject: s\n\nHello {{#}}x{{/}}",
        "Subject: s\n\nHello {{first name}}",
        "Subject: s\n\nHello {{name?}}",
        "Subject: s\n\nHello {{na-me}}",
        "Subject: s\n\nHello {{{name}}}",
        "Subject: {{x\n\nBody",
    ])
    func malformedTags(text: String) {
        #expect(throws: TemplateError.self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch let error as TemplateError {
            guard case .malformedTag(let file, let line, _) = error else {
                Issue.record("expected a malformed tag error, got \(error)")
                return
            }
            #expect(file == "nb/test.txt")
            #expect(line == (text.hasPrefix("Subject: {{") ? 1 : 3))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func headerMistakes() {
        #expect(throws: TemplateError.missingSubject(file: "nb/test.txt", line: 2)) {
            try parse("## note\nHello\n\nBody")
        }
        #expect(throws: TemplateError.missingSubject(file: "nb/test.txt", line: 1)) {
            try parse("")
        }
        #expect(throws: TemplateError.missingBlankLine(file: "nb/test.txt", line: 2)) {
            try parse("Subject: s\nBody straight away")
        }
        #expect(throws: TemplateError.missingBlankLine(file: "nb/test.txt", line: 1)) {
            try parse("Subject: s")
        }
    }

    @Test func errorMessagesNameFileLineAndPlaceholder() {
        let message = TemplateError.unknownPlaceholder(file: "Templates/nb/receipt.txt", line: 12, name: "due_dat")
            .description
        #expect(message == "Templates/nb/receipt.txt:12: unknown placeholder 'due_dat'")
    }
}

@Test func tidyTrimsLineEndsAndCollapsesBlankLines() {
    #expect(TemplateRenderer.tidy("\n\n a  \r\n\r\nb\u{A0}\t\n\n\n\nc\u{2028}d\r\ne\n\n") == " a\n\nb\n\nc\nd\ne")
    #expect(TemplateRenderer.tidy("Hei Åse,\r\n\r\nvi har mottatt.") == "Hei Åse,\n\nvi har mottatt.")
    #expect(TemplateRenderer.tidy("") == "")
    #expect(TemplateRenderer.tidy(" \n \n") == "")
}
